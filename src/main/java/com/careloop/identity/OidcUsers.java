package com.careloop.identity;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A company login's person in CareLoop: the user id and groups taken from the token's claims, and the same written to
 * Camunda's identity tables at every login. The groups come from the token; the tables are kept in step with it because
 * the rest of CareLoop reads them: the webapps' session revalidation and Admin, task reassignment (a new assignee must
 * be a member of a candidate group, {@link TaskWork}) and /api on the webapp session. A company user has no password
 * anyone knows (a random one: no HTTP Basic); memberships of the CareLoop groups the token does not map are removed,
 * other groups are not touched.
 */
class OidcUsers {

    private static final Logger log = LoggerFactory.getLogger(OidcUsers.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final IdentityService identity;
    private final OidcProperties props;

    OidcUsers(IdentityService identity, OidcProperties props) {
        this.identity = identity;
        this.props = props;
    }

    /** The Camunda user id: the configured claim, else the subject. */
    String userIdOf(Map<String, Object> claims) {
        Object name = claims.get(props.usernameClaim());
        return name instanceof String s && !s.isBlank() ? s : (String) claims.get("sub");
    }

    /** The claim holding the user id ({@link #userIdOf}). */
    String userIdClaimOf(Map<String, Object> claims) {
        return claims.get(props.usernameClaim()) instanceof String s && !s.isBlank() ? props.usernameClaim() : "sub";
    }

    /** The CareLoop groups the token's groups claim maps onto (empty: refused). */
    Set<String> groupsOf(Map<String, Object> claims) {
        Set<String> groups = new TreeSet<>();
        for (String value : claimValues(claims, props.groupsClaim())) {
            groups.addAll(props.groupMapping().getOrDefault(value, List.of()));
        }
        return groups;
    }

    /** The values of a claim that is a list or one string; a dotted path reaches into nested objects. */
    static List<String> claimValues(Map<String, Object> claims, String claim) {
        Object value = claims.get(claim);
        if (value == null && claim.contains(".")) {
            Object node = claims;
            for (String part : claim.split("\\.")) {
                node = node instanceof Map<?, ?> m ? m.get(part) : null;
            }
            value = node;
        }
        if (value instanceof Collection<?> c) {
            return c.stream().filter(Objects::nonNull).map(String::valueOf).toList();
        }
        return value instanceof String s && !s.isBlank() ? List.of(s) : List.of();
    }

    /**
     * Creates or updates the user and sets their memberships of the CareLoop groups to exactly {@code groups}.
     *
     * @throws ProcessEngineException when the engine refuses the user id (not a valid resource id)
     */
    void synchronise(String userId, Map<String, Object> claims, Set<String> groups) {
        var current = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            User user = identity.createUserQuery().userId(userId).singleResult();
            boolean created = user == null;
            if (created) {
                user = identity.newUser(userId);
                // never told to anyone: the engine's password check needs one (a user without fails with an error)
                user.setPassword(unusablePassword());
            }
            String first = text(claims.get("given_name"), userId);
            String last = text(claims.get("family_name"), text(claims.get("name"), ""));
            String email = text(claims.get("email"), null);
            if (created || !Objects.equals(first, user.getFirstName()) || !Objects.equals(last, user.getLastName())
                    || !Objects.equals(email, user.getEmail())) {
                user.setFirstName(first);
                user.setLastName(last);
                user.setEmail(email);
                identity.saveUser(user);
            }
            for (CareLoopGroups.GroupInfo g : CareLoopGroups.ALL) {
                boolean member = identity.createUserQuery().userId(userId).memberOfGroup(g.id()).count() > 0;
                if (groups.contains(g.id()) && !member) {
                    identity.createMembership(userId, g.id());
                } else if (!groups.contains(g.id()) && member) {
                    identity.deleteMembership(userId, g.id());
                }
            }
            log.info("Company login of {} ({}), groups {}", userId, created ? "new user" : "known user", groups);
        } finally {
            if (current != null) {
                identity.setAuthentication(current);
            }
        }
    }

    private static String unusablePassword() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }

    private static String text(Object claim, String otherwise) {
        return claim instanceof String s && !s.isBlank() ? s : otherwise;
    }
}
