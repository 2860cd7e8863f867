package com.careloop.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
                chain.doFilter(new Buffered(request, body), response);
                return;
            }
            chain.doFilter(request, response);
        }

        private void refuse(HttpServletResponse response, HttpServletRequest request, long length) throws IOException {
            String limit = megabytes(max);
            String detail = "请求体超过 " + limit + " 的上限 Request body exceeds the " + limit + " limit"
                    + (length > 0 ? " (was " + megabytes(length) + ")" : "")
                    + "; upload large customer files through /api/customers/import";
            response.setStatus(413);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Payload too large\",\"status\":413,\"detail\":\""
                    + detail + "\",\"instance\":\"" + request.getRequestURI().replaceAll("[^A-Za-z0-9/_.~%-]", "") + "\"}");
        }

        private static String megabytes(long bytes) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0).replace(".0 MB", " MB");
        }
    }

    /** A chunked body read up to the limit, handed on. */
    private static final class Buffered extends HttpServletRequestWrapper {

        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
