package com.careloop.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The company login's configuration without a provider: claims to groups, validation, Spring Security off by default. */
class OidcConfigurationTest {

    private static OidcProperties props(Map<String, List<String>> mapping) {
        return new OidcProperties(true, "http://127.0.0.1:1/default", "careloop", "", null, null, "realm_access.roles", mapping, null);
    }

    @Test
    void claimValuesMapOntoCareLoopGroups() {
        OidcUsers users = new OidcUsers(null, props(Map.of("CS-Agents", List.of("agents"), "Leads", List.of("cs-supervisors", "agents"))));
        assertThat(users.groupsOf(Map.of("realm_access", Map.of("roles", List.of("Leads", "CS-Agents", "Other")))))
                .containsExactly("agents", "cs-supervisors");
        assertThat(users.groupsOf(Map.of("realm_access", Map.of("roles", "CS-Agents")))).containsExactly("agents");
        assertThat(users.groupsOf(Map.of("realm_access", Map.of("roles", List.of("Other"))))).isEmpty();
        assertThat(users.groupsOf(Map.of("sub", "x"))).isEmpty();
    }

    @Test
    void theUserIdIsTheConfiguredClaimElseTheSubject() {
        OidcUsers users = new OidcUsers(null, props(Map.of("a", List.of("agents"))));
        assertThat(users.userIdOf(Map.of("sub", "s-1", "preferred_username", "li.wei"))).isEqualTo("li.wei");
        assertThat(users.userIdClaimOf(Map.of("sub", "s-1", "preferred_username", "li.wei"))).isEqualTo("preferred_username");
        assertThat(users.userIdOf(Map.of("sub", "s-1"))).isEqualTo("s-1");
        assertThat(users.userIdClaimOf(Map.of("sub", "s-1"))).isEqualTo("sub");
    }

    @Test
    void aMappingOntoAnUnknownGroupOrNoMappingDoesNotStart() {
        assertThatThrownBy(() -> props(Map.of("X", List.of("marketing"))).validate()).hasMessageContaining("marketing");
        assertThatThrownBy(() -> props(Map.of()).validate()).hasMessageContaining("group-mapping");
        assertThatThrownBy(() -> new OidcProperties(true, "", "", null, null, null, null, Map.of("X", List.of("agents")), null).validate())
                .hasMessageContaining("issuer-uri");
        props(Map.of("X", List.of("agents", "camunda-admin"))).validate();
    }

    @Test
    void springSecurityAutoConfigurationRunsOnlyWithCompanyLoginOn() {
        String[] classes = {"org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
                "org.springframework.boot.autoconfigure.security.oauth2.client.servlet.OAuth2ClientAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration",
                "org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration", null};
        OidcAutoConfigurationFilter filter = new OidcAutoConfigurationFilter();
        filter.setEnvironment(new MockEnvironment());
        assertThat(filter.match(classes, null)).containsExactly(false, false, false, true, true);
        filter.setEnvironment(new MockEnvironment().withProperty("careloop.oidc.enabled", "true"));
        assertThat(filter.match(classes, null)).containsExactly(true, true, true, true, true);
    }
}
