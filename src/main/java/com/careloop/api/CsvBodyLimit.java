package com.careloop.api;

import com.careloop.http.Problems;
import com.careloop.http.SpooledBody;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CSV uploads (/api/…/import, a text/csv body or multipart) larger than careloop.api.max-csv-size (100 MB) are
 * refused with 413 problem+json and nothing is imported:
 * <ul>
 * <li>with a Content-Length, by it, before anything reads the body;</li>
 * <li>a body streamed without one (Transfer-Encoding: chunked) is first copied to a temporary file while its bytes are
 * counted: at the first byte over the limit the copy stops and the answer is 413, so the import (which commits as it
 * goes) never sees a byte of it; within the limit the import reads the file, which is deleted afterwards;</li>
 * <li>a multipart upload without one is bounded by spring.servlet.multipart.max-request-size (the same 100 MB, also
 * a 413).</li>
 * </ul>
 * Other /api bodies: {@link ApiBodyLimit}.
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
            long length = request.getContentLengthLong();
            if (length > max.toBytes()) {
                refuse(request, response, " (was " + length / 1024 / 1024 + " MB)");
                return;
            }
            if (length >= 0 || isMultipart(request)) {
                chain.doFilter(request, response);
                return;
            }
            Path spool = Files.createTempFile("careloop-csv-", ".csv");
            try {
                if (!copyWithin(request.getInputStream(), spool)) {
                    refuse(request, response, "");
                    return;
                }
                chain.doFilter(new SpooledBody(request, spool), response);
            } finally {
                Files.deleteIfExists(spool);
            }
        }

        /** Copies the body to the file; false (and the copy stops) at the first byte over the limit. */
        private boolean copyWithin(InputStream body, Path spool) throws IOException {
            long limit = max.toBytes();
            long count = 0;
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(spool)) {
                int n;
                while ((n = body.read(buffer)) >= 0) {
                    count += n;
                    if (count > limit) {
                        return false;
                    }
                    out.write(buffer, 0, n);
                }
            }
            return true;
        }

        private static boolean isMultipart(HttpServletRequest request) {
            String type = request.getContentType();
            return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
        }

        private void refuse(HttpServletRequest request, HttpServletResponse response, String was) throws IOException {
            long limitMb = max.toMegabytes();
            Problems.write(request, response, Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large",
                    "CSV 文件超过 " + limitMb + " MB 的上限，请分成多个文件导入 The CSV file exceeds the " + limitMb
                            + " MB limit: import it in several files" + was, null));
        }
    }
}
