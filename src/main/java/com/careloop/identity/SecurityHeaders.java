package com.careloop.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** The security headers of every answer; see {@link WebSecurityConfiguration#securityHeaders()}. */
public class SecurityHeaders extends OncePerRequestFilter {

    static final String CSP_OUTSIDE_WEBAPPS = "default-src 'none'; frame-ancestors 'self'; base-uri 'none'; form-action 'self'";
    private static final String WEBAPPS = "/camunda/";
    /**
     * Swagger UI (springdoc, /swagger-ui/): its own scripts and styles from this origin, the inline styles it sets on
     * elements, its data: images, and calls to this origin only.
     */
    static final String CSP_SWAGGER_UI = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "font-src 'self' data:; connect-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'self'";
    private static final String SWAGGER_UI = "/swagger-ui/";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith(SWAGGER_UI)) {
            response.setHeader("Content-Security-Policy", CSP_SWAGGER_UI);
        } else if (!path.startsWith(WEBAPPS) && !path.equals("/camunda")) {
            response.setHeader("Content-Security-Policy", CSP_OUTSIDE_WEBAPPS);
        }
        chain.doFilter(request, response);
    }
}
