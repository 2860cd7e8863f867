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

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(WEBAPPS) && !path.equals("/camunda")) {
            response.setHeader("Content-Security-Policy", CSP_OUTSIDE_WEBAPPS);
        }
        chain.doFilter(request, response);
    }
}
