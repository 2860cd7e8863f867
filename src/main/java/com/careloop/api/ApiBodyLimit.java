package com.careloop.api;

import com.careloop.http.Problems;
import com.careloop.http.ReplayedBody;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies of /api are small JSON documents: over careloop.api.max-body-size (1 MB) they are refused with
 * 413 saying the limit, before anything reads them. CSV imports (…/import) stream large files and have their own
 * limits (spring.servlet.multipart, the importer's line and field caps).
 */
@Configuration
public class ApiBodyLimit {

    @Bean
    public FilterRegistrationBean<Filter> apiBodyLimitFilter(@Value("${careloop.api.max-body-size:1MB}") DataSize max) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter(max.toBytes()));
        registration.setName("careloop-api-body-limit");
        registration.addUrlPatterns("/api/*");
        registration.setOrder(5);
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        private final long max;

        Filter(long max) {
            this.max = max;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI();
            if (path.endsWith("/import") || path.endsWith("/import/")) {
                chain.doFilter(request, response);
                return;
            }
            long length = request.getContentLengthLong();
            if (length > max) {
                refuse(response, request, length);
                return;
            }
            if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
                byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
                if (body.length > max) {
                    refuse(response, request, -1);
                    return;
                }
                chain.doFilter(new ReplayedBody(request, body), response);
                return;
            }
            chain.doFilter(request, response);
        }

        private void refuse(HttpServletResponse response, HttpServletRequest request, long length) throws IOException {
            String limit = megabytes(max);
            String detail = "请求体超过 " + limit + " 的上限 Request body exceeds the " + limit + " limit"
                    + (length > 0 ? " (was " + megabytes(length) + ")" : "")
                    + "; upload large customer files through /api/customers/import";
            Problems.write(request, response, Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large", detail, null));
        }

        private static String megabytes(long bytes) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0).replace(".0 MB", " MB");
        }
    }

}
