package com.careloop.webhook;

import com.careloop.errors.InvalidRequestException;
import com.careloop.errors.InvalidRequestException.FieldError;
import com.careloop.errors.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Webhook subscriptions (table webhook_subscription, its only writer); the secret is never read back out. */
@Component
public class WebhookSubscriptions {

    static final int MIN_SECRET = 16;
    static final int MAX_SECRET = 200;
    static final int MAX_URL = 2000;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSubscriptions.class);

    /** A subscription as it is shown: never its secret. */
    public record View(long id, String url, List<String> events, boolean includeFreeText, String createdBy, Instant createdAt) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final WebhookTargets targets;
    private final WebhookDeliveries deliveries;
    private final WebhookIncidents incidents;

    WebhookSubscriptions(JdbcTemplate jdbc, Clock clock, WebhookTargets targets, WebhookDeliveries deliveries, WebhookIncidents incidents) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.targets = targets;
        this.deliveries = deliveries;
        this.incidents = incidents;
    }

    /** Registers a subscription; every broken field is named at once (400), nothing written. */
    public View create(String url, List<String> events, String secret, Boolean includeFreeText, String createdBy) {
        List<FieldError> errors = new ArrayList<>();
        String u = url == null ? "" : url.strip();
        if (u.isEmpty()) {
            errors.add(new FieldError("url", "is required"));
        } else if (u.length() > MAX_URL) {
            errors.add(new FieldError("url", "must be at most " + MAX_URL + " characters"));
        } else {
            WebhookTargets.Verdict verdict = targets.check(u);
            if (!verdict.allowed()) {
                errors.add(new FieldError("url", verdict.reason()));
            }
        }
        Set<WebhookEvent> wanted = new LinkedHashSet<>();
        if (events == null || events.isEmpty()) {
            errors.add(new FieldError("events", "at least one of " + WebhookEvent.allValues()));
        } else {
            for (int i = 0; i < events.size(); i++) {
                String e = events.get(i);
                WebhookEvent event = e == null ? null : WebhookEvent.of(e.strip()).orElse(null);
                if (event == null) {
                    errors.add(new FieldError("events[" + i + "]", "unknown event; one of " + WebhookEvent.allValues()));
                } else {
                    wanted.add(event);
                }
            }
        }
        if (secret == null || secret.length() < MIN_SECRET || secret.length() > MAX_SECRET) {
            errors.add(new FieldError("secret", "is required: " + MIN_SECRET + " to " + MAX_SECRET + " characters, to sign the deliveries"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Instant now = clock.instant();
        String eventList = String.join(",", wanted.stream().map(WebhookEvent::value).toList());
        boolean freeText = Boolean.TRUE.equals(includeFreeText);
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("insert into webhook_subscription (url, events, secret, include_free_text, created_by, created_at)"
                    + " values (?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, u);
            ps.setString(2, eventList);
            ps.setString(3, secret);
            ps.setBoolean(4, freeText);
            ps.setString(5, createdBy);
            ps.setTimestamp(6, Timestamp.from(now));
            return ps;
        }, id);
        long subscription = id.getKey().longValue();
        LOG.info("Webhook subscription {} created by {} for {}", subscription, createdBy, eventList);
        return new View(subscription, u, List.of(eventList.split(",")), freeText, createdBy, now);
    }

    public List<View> list() {
        return jdbc.query("select id, url, events, include_free_text, created_by, created_at from webhook_subscription order by id",
                (rs, i) -> new View(rs.getLong(1), rs.getString(2), List.of(rs.getString(3).split(",")), rs.getBoolean(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()));
    }

    public View get(long id) {
        return list().stream().filter(v -> v.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("webhook subscription", String.valueOf(id)));
    }

    /** A subscription an event goes to: whether its payloads carry the customer's words. */
    record Subscriber(long id, boolean includeFreeText) {}

    /** The subscriptions that asked for {@code event}. */
    List<Subscriber> subscribedTo(WebhookEvent event) {
        return jdbc.query("select id, events, include_free_text from webhook_subscription order by id", (rs, i) ->
                        List.of(rs.getString(2).split(",")).contains(event.value()) ? new Subscriber(rs.getLong(1), rs.getBoolean(3)) : null)
                .stream().filter(java.util.Objects::nonNull).toList();
    }

    /** Removes the subscription and its deliveries, ending their webhookDeliveryFailed processes; 404 for an unknown id. */
    @org.springframework.transaction.annotation.Transactional
    public void delete(long id, String by) {
        deliveries.triedOf(id).forEach(incidents::settled);
        deliveries.deleteOf(id);
        if (jdbc.update("delete from webhook_subscription where id = ?", id) == 0) {
            throw new NotFoundException("webhook subscription", String.valueOf(id));
        }
        LOG.info("Webhook subscription {} deleted by {}", id, by);
    }
}
