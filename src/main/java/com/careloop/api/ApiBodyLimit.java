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
    public FilterRegistrationBean<Filter> apiBodyLimitFilter(@Value("${careloop.api.max-body-size:1MB}") DataSize max,
                                                             @Value("${careloop.api.max-attachment-size:10MB}") DataSize attachment) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter(max.toBytes(), attachment.toBytes() + MULTIPART_OVERHEAD));
        registration.setName("careloop-api-body-limit");
        registration.addUrlPatterns("/api/*");
        registration.setOrder(5);
        return registration;
    }

    /** room for a multipart upload's boundaries and part headers around one attachment */
    static final long MULTIPART_OVERHEAD = 64 * 1024;

    static final class Filter extends OncePerRequestFilter {

        private final long json;
        private final long attachment;

        Filter(long max) {
            this(max, max);
        }

        Filter(long max, long attachment) {
            this.json = max;
            this.attachment = attachment;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI();
            if (path.endsWith("/import") || path.endsWith("/import/")) {
                chain.doFilter(request, response);
                return;
            }
            // one photo or document per upload (POST /api/feedback/{number}/attachments): its own limit, checked per file there
            long max = path.matches("/api/feedback/[^/]+/attachments/?") ? attachment : json;
            long length = request.getContentLengthLong();
            if (length > max) {
                refuse(response, request, length, max);
                return;
            }
            // a chunked upload of an attachment cannot be replayed (its parts are parsed from the original stream): it is
            // bounded by spring.servlet.multipart and refused per file by the feedback module (413)
            if (length < 0 && request.getHeader("Transfer-Encoding") != null && max != attachment) {
                byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
                if (body.length > max) {
                    refuse(response, request, -1, max);
                    return;
                }
                chain.doFilter(new ReplayedBody(request, body), response);
                return;
            }
            chain.doFilter(request, response);
        }

        private void refuse(HttpServletResponse response, HttpServletRequest request, long length, long max) throws IOException {
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
