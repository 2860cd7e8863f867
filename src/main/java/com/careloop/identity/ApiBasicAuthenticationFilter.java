package com.careloop.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.web.filter.OncePerRequestFilter;

/** HTTP Basic against the Camunda users for /api/*; 401 problem+json without valid credentials. */
public class ApiBasicAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identityService;

    public ApiBasicAuthenticationFilter(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                decoded = "";
            }
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                String userId = decoded.substring(0, colon);
                String password = decoded.substring(colon + 1);
                if (identityService.checkPassword(userId, password)) {
                    Set<String> groups = new HashSet<>();
                    for (Group g : identityService.createGroupQuery().groupMember(userId).list()) {
                        groups.add(g.getId());
                    }
                    request.setAttribute(ApiUser.REQUEST_ATTRIBUTE, new ApiUser(userId, Set.copyOf(groups)));
                    chain.doFilter(request, response);
                    return;
                }
            }
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Basic realm=\"CareLoop\"");
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                + "\"detail\":\"HTTP Basic authentication with a CareLoop (Camunda) user is required\",\"instance\":\""
                + request.getRequestURI().replace("\"", "") + "\"}");
    }
}
