package com.careloop.identity;

import com.careloop.errors.InvalidRequestException;
import com.careloop.errors.InvalidRequestException.FieldError;
import com.careloop.errors.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * API keys of systems (table api_key, its only writer): created by administrators with a name and scopes, shown once
 * ({@code ck_} and 43 characters: 256 random bits), stored as their SHA-256, revocable, optionally expiring; the last
 * use is recorded to the minute (one write per key and minute at most, not one per call). A call with a key is
 * attributed to {@code apikey:<name>}: a ':' no Camunda user id has, so never taken for a person.
 */
@Component
public class ApiKeys {

    static final String PREFIX = "ck_";
    static final String ATTRIBUTION = "apikey:";
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,48}");
    private static final Pattern KEY = Pattern.compile("ck_[A-Za-z0-9_-]{43}");
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(ApiKeys.class);

    /** A key as an administrator sees it, never with the key itself. */
    public record View(long id, String name, String prefix, List<String> scopes, String createdBy, Instant createdAt,
                       Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {}

    /** A new key: the only time the key is shown. */
    public record Created(long id, String key, String name, String prefix, List<String> scopes, Instant createdAt, Instant expiresAt) {}

    /** A key that authenticated. */
    record Authenticated(long id, String name, Set<ApiKeyScope> scopes) {

        String attributedTo() {
            return ATTRIBUTION + name;
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiKeys(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Creates a key; every broken field is named at once (400), nothing written. */
    public Created create(String name, List<String> scopes, Instant expiresAt, String createdBy) {
        List<FieldError> errors = new ArrayList<>();
        String n = name == null ? "" : name.strip();
        if (!NAME.matcher(n).matches()) {
            errors.add(new FieldError("name", "is required: 1 to 48 letters, digits, '.', '_' or '-' (e.g. crm)"));
        }
        Set<ApiKeyScope> granted = new LinkedHashSet<>();
        if (scopes == null || scopes.isEmpty()) {
            errors.add(new FieldError("scopes", "at least one of " + ApiKeyScope.allValues()));
        } else {
            for (int i = 0; i < scopes.size(); i++) {
                String s = scopes.get(i);
                ApiKeyScope scope = s == null ? null : ApiKeyScope.of(s.strip()).orElse(null);
                if (scope == null) {
                    errors.add(new FieldError("scopes[" + i + "]", "unknown scope; one of " + ApiKeyScope.allValues()));
                } else {
                    granted.add(scope);
                }
            }
        }
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            errors.add(new FieldError("expiresAt", "must be in the future"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String prefix = key.substring(0, 9);
        String scopeList = String.join(",", granted.stream().map(ApiKeyScope::value).toList());
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("insert into api_key (name, key_prefix, key_hash, scopes, created_by, created_at, expires_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, n);
            ps.setString(2, prefix);
            ps.setString(3, hash(key));
            ps.setString(4, scopeList);
            ps.setString(5, createdBy);
            ps.setTimestamp(6, Timestamp.from(now));
            ps.setTimestamp(7, expiresAt == null ? null : Timestamp.from(expiresAt));
            return ps;
        }, id);
        long keyId = id.getKey().longValue();
        LOG.info("API key {} ({}) created by {} with scopes {}", keyId, n, createdBy, scopeList);
        return new Created(keyId, key, n, prefix, List.of(scopeList.split(",")), now, expiresAt);
    }

    /** Revokes the key (again: nothing changes); 404 for an unknown id. */
    public void revoke(long id, String by) {
        if (jdbc.queryForObject("select count(*) from api_key where id = ?", Long.class, id) == 0) {
            throw new NotFoundException("API key", String.valueOf(id));
        }
        if (jdbc.update("update api_key set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null",
                Timestamp.from(clock.instant()), by, id) > 0) {
            LOG.info("API key {} revoked by {}", id, by);
        }
    }

    public List<View> list() {
        return jdbc.query("select id, name, key_prefix, scopes, created_by, created_at, expires_at, revoked_at, last_used_at"
                + " from api_key order by id", (rs, i) -> new View(rs.getLong(1), rs.getString(2), rs.getString(3),
                List.of(rs.getString(4).split(",")), rs.getString(5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)),
                instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9))));
    }

    /** The key's identity, or null when it is unknown, revoked or expired; records the use. */
    Authenticated authenticate(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            return null;
        }
        List<Authenticated> found = new ArrayList<>();
        Instant now = clock.instant();
        jdbc.query("select id, name, scopes, expires_at, revoked_at from api_key where key_hash = ?", rs -> {
            Timestamp expires = rs.getTimestamp(4);
            if (rs.getTimestamp(5) != null) {
                LOG.info("API key {} refused: revoked", rs.getLong(1));
            } else if (expires != null && !expires.toInstant().isAfter(now)) {
                LOG.info("API key {} refused: expired", rs.getLong(1));
            } else {
                Set<ApiKeyScope> scopes = new LinkedHashSet<>();
                Arrays.stream(rs.getString(3).split(",")).forEach(s -> ApiKeyScope.of(s).ifPresent(scopes::add));
                found.add(new Authenticated(rs.getLong(1), rs.getString(2), Set.copyOf(scopes)));
            }
        }, hash(key));
        if (found.isEmpty()) {
            return null;
        }
        Authenticated key0 = found.get(0);
        jdbc.update("update api_key set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)",
                Timestamp.from(now), key0.id(), Timestamp.from(now.minus(LAST_USED_GRANULARITY)));
        return key0;
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
