package com.careloop.api;

import com.careloop.http.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CSV uploads (/api/…/import, a text/csv body or multipart) larger than careloop.api.max-csv-size (100 MB) are
 * refused with 413 before anything reads them, by their Content-Length; a multipart upload without one is bounded by
 * spring.servlet.multipart.max-request-size (the same 100 MB, also a 413). Other /api bodies: {@link ApiBodyLimit}.
 */
@Configuration
public class CsvBodyLimit {

    @Bean
    public FilterRegistrationBean<Filter> csvBodyLimitFilter(@Value("${careloop.api.max-csv-size:100MB}") DataSize max) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter(max));
        registration.setName("careloop-api-csv-limit");
        registration.addUrlPatterns("/api/*");
        registration.setOrder(5);
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        private final DataSize max;

        Filter(DataSize max) {
            this.max = max;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String path = request.getRequestURI();
            return !(path.endsWith("/import") || path.endsWith("/import/"));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getContentLengthLong() <= max.toBytes()) {
                chain.doFilter(request, response);
                return;
            }
            long limitMb = max.toMegabytes();
            Problems.write(request, response, Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large",
                    "CSV 文件超过 " + limitMb + " MB 的上限，请分成多个文件导入 The CSV file exceeds the " + limitMb
                            + " MB limit: import it in several files (was " + request.getContentLengthLong() / 1024 / 1024 + " MB)", null));
        }
    }
}
