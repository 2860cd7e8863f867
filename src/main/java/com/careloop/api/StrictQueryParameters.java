package com.careloop.api;

import com.careloop.errors.InvalidRequestException.FieldError;
import com.careloop.http.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Query parameters of /api that no text column can hold — NUL ({@code %00}) or a lone UTF-16 surrogate — are a 400
 * naming the parameter before any controller runs (PostgreSQL refuses them with an error, which would be a 500). The
 * same rule for JSON bodies: {@link StrictJsonInput}.
 */
@Configuration
public class StrictQueryParameters {

    @Bean
    public FilterRegistrationBean<Filter> strictQueryParametersFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter());
        registration.setName("careloop-api-strict-query");
        registration.addUrlPatterns("/api/*");
        registration.setOrder(6);
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getQueryString() == null) {
                chain.doFilter(request, response);
                return;
            }
            // the query string only: a form or multipart body is not read here
            List<FieldError> broken = new ArrayList<>();
            for (String pair : request.getQueryString().split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (name == null || value == null || StrictJsonInput.unstorableCharacter(name) >= 0 || StrictJsonInput.unstorableCharacter(value) >= 0) {
                    String field = name == null ? "?" : name.replaceAll("[\\u0000\\uD800-\\uDFFF]", "?");
                    broken.add(new FieldError(field, "不是有效的文本 not valid text: NUL, a lone UTF-16 surrogate or a broken %-escape"));
                }
            }
            if (broken.isEmpty()) {
                chain.doFilter(request, response);
                return;
            }
            Problems.write(request, response, Problems.problem(HttpStatus.BAD_REQUEST, "Bad Request",
                    "请求参数无效 Invalid query parameters", broken));
        }

        /** The decoded text, or null when the %-escapes are broken. */
        private static String decode(String raw) {
            try {
                return URLDecoder.decode(raw, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException broken) {
                return null;
            }
        }
    }
}
