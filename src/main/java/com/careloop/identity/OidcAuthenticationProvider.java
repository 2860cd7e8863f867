package com.careloop.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;

/**
 * Camunda's container-based authentication ({@code ContainerBasedAuthenticationFilter}, which instantiates this class
 * by name) fed by the company login: the Spring Security OIDC login of this request names the user, and its
 * authorities ({@code GROUP_<id>}, set from the token's claims by {@link OidcSecurityConfiguration}) the groups.
 */
public class OidcAuthenticationProvider implements AuthenticationProvider {

    static final String GROUP_PREFIX = "GROUP_";

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(auth instanceof OAuth2AuthenticationToken token) || !token.isAuthenticated()) {
            return AuthenticationResult.unsuccessful();
        }
        AuthenticationResult result = AuthenticationResult.successful(token.getName());
        result.setGroups(groupsOf(token));
        return result;
    }

    static List<String> groupsOf(Authentication auth) {
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).filter(a -> a.startsWith(GROUP_PREFIX))
                .map(a -> a.substring(GROUP_PREFIX.length())).sorted().toList();
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // the login is the provider's (Spring Security redirects there): no WWW-Authenticate challenge
    }
}
