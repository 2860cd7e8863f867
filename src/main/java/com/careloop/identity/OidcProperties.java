package com.careloop.identity;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * careloop.oidc.*: company login by OpenID Connect (README "Company login"). Off unless {@code enabled}; then
 * {@code issuer-uri} and {@code client-id} name the company's identity provider and this application's client there,
 * and {@code group-mapping} maps values of the token's {@code groups-claim} onto CareLoop's groups
 * ({@link CareLoopGroups}). A person none of whose values maps onto a group is refused.
 *
 * @param enabled               company login on (Spring Security, oauth2Login, Camunda container-based authentication)
 * @param issuerUri             the provider's issuer; its {@code /.well-known/openid-configuration} is read at start
 * @param clientId              this application's client id at the provider
 * @param clientSecret          its secret; empty: a public client (PKCE)
 * @param scopes                scopes asked for (openid always)
 * @param usernameClaim         the claim that becomes the Camunda user id (falls back to {@code sub})
 * @param groupsClaim           the claim holding the person's groups or roles (a list or one string; a dotted path such
 *                              as {@code realm_access.roles} reaches into an object)
 * @param groupMapping          claim value -> CareLoop group ids
 * @param postLogoutRedirectUri where the provider sends the browser after logout ({@code {baseUrl}} is this application)
 */
@ConfigurationProperties("careloop.oidc")
public record OidcProperties(boolean enabled, String issuerUri, String clientId, String clientSecret, List<String> scopes,
                             String usernameClaim, String groupsClaim, Map<String, List<String>> groupMapping,
                             String postLogoutRedirectUri) {

    public OidcProperties {
        scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "profile", "email") : List.copyOf(scopes);
        usernameClaim = blank(usernameClaim) ? "preferred_username" : usernameClaim;
        groupsClaim = blank(groupsClaim) ? "groups" : groupsClaim;
        groupMapping = groupMapping == null ? Map.of() : new LinkedHashMap<>(groupMapping);
        postLogoutRedirectUri = blank(postLogoutRedirectUri) ? "{baseUrl}/" : postLogoutRedirectUri;
    }

    /** Refuses to start with company login on but not configured, or mapped onto a group CareLoop does not know. */
    void validate() {
        if (blank(issuerUri) || blank(clientId)) {
            throw new IllegalStateException("careloop.oidc.enabled=true needs careloop.oidc.issuer-uri and careloop.oidc.client-id");
        }
        if (groupMapping.isEmpty()) {
            throw new IllegalStateException("careloop.oidc.group-mapping is empty: every company login would be refused");
        }
        Set<String> known = new LinkedHashSet<>();
        CareLoopGroups.ALL.forEach(g -> known.add(g.id()));
        groupMapping.forEach((value, groups) -> {
            for (String g : groups) {
                if (!known.contains(g)) {
                    throw new IllegalStateException("careloop.oidc.group-mapping[" + value + "] names group " + g
                            + ", which is not a CareLoop group " + known);
                }
            }
        });
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
