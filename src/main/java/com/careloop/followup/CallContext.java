package com.careloop.followup;

import com.careloop.engine.FormText;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The line on top of the call form: customer, tier, scenario and the last contacts. Built with plain queries,
 * for one call or for a whole chunk of screening starts at once.
 */
@Component
public class CallContext {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public CallContext(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    public static String line(String customerName, String tier, Scenario scenario, String lastContacts) {
        return "客户 Customer: " + FormText.plain(customerName) + " · 等级 Tier: " + tier + " · 场景 Scenario: " + scenario.label()
                + "\n\n最近联系 Last contacts: " + (lastContacts == null || lastContacts.isEmpty() ? "无 none" : lastContacts);
    }

    /** The context of one follow-up's call. */
    public String of(long followUpId, ZoneId zone) {
        return jdbc.query("select c.id, c.name, c.tier, f.scenario from follow_up f join customer c on c.id = f.customer_id where f.id = ?",
                rs -> {
                    if (!rs.next()) {
                        return "";
                    }
                    long customerId = rs.getLong(1);
                    return line(rs.getString(2), rs.getString(3), Scenario.valueOf(rs.getString(4)),
                            lastContacts(List.of(customerId), zone).get(customerId));
                }, followUpId);
    }

    /** The last five call attempts of each customer, as one text per customer. */
    public Map<Long, String> lastContacts(Collection<Long> customerIds, ZoneId zone) {
        Map<Long, List<String>> byCustomer = new HashMap<>();
        if (!customerIds.isEmpty()) {
            named.query("select f.customer_id, a.called_at, a.outcome from call_attempt a join follow_up f on f.id = a.follow_up_id"
                            + " where f.customer_id in (:ids) order by a.called_at desc",
                    new MapSqlParameterSource("ids", customerIds), rs -> {
                        List<String> list = byCustomer.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>());
                        if (list.size() < 5) {
                            Timestamp at = rs.getTimestamp(2);
                            list.add(WHEN.format(at.toInstant().atZone(zone)) + " " + rs.getString(3));
                        }
                    });
        }
        return byCustomer.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> String.join("; ", e.getValue())));
    }
}
