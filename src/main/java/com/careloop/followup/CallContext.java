package com.careloop.followup;

import com.careloop.customer.CustomerTier;
import com.careloop.customer.MaskedPhone;
import com.careloop.engine.FormText;
import com.careloop.feedback.FeedbackStatus;
import com.careloop.feedback.FeedbackType;
import com.careloop.feedback.Urgency;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the agent sees of the customer in the call task: who (name, masked phone, tier, scenario), the customer's last
 * five follow-ups (date, scenario, result, last outcome, scores, the feedback numbers they raised) and open feedback
 * items — that customer's only. Built with plain queries, for one call or for a whole chunk of screening starts at once.
 * Never the full phone number.
 */
@Component
public class CallContext {

    /** How many earlier follow-ups the call form lists. */
    public static final int LAST_FOLLOW_UPS = 5;
    /** How many open feedback items it lists at most. */
    static final int OPEN_FEEDBACK = 10;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final NamedParameterJdbcTemplate named;

    public CallContext(JdbcTemplate jdbc) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * The call task's context: the task's name and list columns come from its fields, the form's text from {@code text}.
     *
     * @param text markdown shown on top of the call form (values made plain with {@link FormText#plain})
     */
    public record Card(String customerName, String phoneMasked, CustomerTier tier, Scenario scenario, String text) {

        /** Whom and why, as the task list shows it: "回访 王芳 · 新客户回访". */
        public String taskName() {
            String name = customerName == null || customerName.isBlank() ? "客户" : customerName.strip();
            if (name.length() > 60) {
                name = name.substring(0, 60) + "…";
            }
            return "回访 " + name + " · " + scenario.zh();
        }
    }

    /** The card for a customer: header line, then the history text of {@link #history}. */
    public static Card card(String customerName, String phone, CustomerTier tier, Scenario scenario, String history) {
        String masked = MaskedPhone.of(phone);
        String header = "**客户 Customer** " + FormText.plain(customerName) + (masked.isEmpty() ? "" : " · " + FormText.plain(masked))
                + " · **等级 Tier** " + tier.label() + " · **场景 Scenario** " + scenario.label();
        return new Card(customerName, masked, tier, scenario, header + "\n\n" + (history == null ? emptyHistory() : history));
    }

    /** The card of one follow-up's call (the call task's listener). */
    public Card of(long followUpId, ZoneId zone) {
        record Row(long customerId, String name, String phone, String tier, String scenario) {}
        List<Row> rows = named.query("select c.id, c.name, c.phone, c.tier, f.scenario from follow_up f join customer c on c.id = f.customer_id"
                        + " where f.id = :id", new MapSqlParameterSource("id", followUpId),
                (rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
        if (rows.isEmpty()) {
            throw new IllegalStateException("follow-up " + followUpId + " does not exist");
        }
        Row r = rows.get(0);
        String history = history(Map.of(r.customerId(), followUpId), zone).get(r.customerId());
        return card(r.name(), r.phone(), CustomerTier.valueOf(r.tier()), Scenario.valueOf(r.scenario()), history);
    }

    /**
     * The history text of each customer, for the follow-up being called: this follow-up's earlier attempts, the last
     * {@value #LAST_FOLLOW_UPS} other follow-ups and the open feedback items.
     *
     * @param currentFollowUp customer id → the follow-up being called
     */
    public Map<Long, String> history(Map<Long, Long> currentFollowUp, ZoneId zone) {
        Map<Long, String> out = new HashMap<>();
        if (currentFollowUp.isEmpty()) {
            return out;
        }
        Set<Long> current = new HashSet<>(currentFollowUp.values());
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", currentFollowUp.keySet()).addValue("current", current);

        Map<Long, List<String>> attempts = new HashMap<>();
        named.query("select f.customer_id, a.attempt_no, a.called_at, a.outcome from call_attempt a join follow_up f on f.id = a.follow_up_id"
                + " where f.id in (:current) order by a.attempt_no", ids, rs -> {
                    attempts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add("第 " + rs.getInt(2) + " 次 #" + rs.getInt(2) + " "
                            + WHEN.format(rs.getTimestamp(3).toInstant().atZone(zone)) + " " + CallOutcome.valueOf(rs.getString(4)).label());
                });

        record Earlier(long customerId, long id, String line) {}
        List<Earlier> earlier = new ArrayList<>();
        named.query("select * from (select f.customer_id, f.id, f.scenario, f.status, f.result, f.created_at, a.outcome, s.satisfaction, s.nps,"
                + " row_number() over (partition by f.customer_id order by f.created_at desc, f.id desc) as rn"
                + " from follow_up f left join call_attempt a on a.follow_up_id = f.id and a.attempt_no = f.attempt_count"
                + " left join survey_response s on s.follow_up_id = f.id"
                + " where f.customer_id in (:ids) and f.id not in (:current)) h where h.rn <= " + LAST_FOLLOW_UPS
                + " order by h.customer_id, h.rn", ids, rs -> {
                    StringBuilder line = new StringBuilder(DAY.format(rs.getTimestamp("created_at").toInstant().atZone(zone)))
                            .append(" ").append(Scenario.valueOf(rs.getString("scenario")).label()).append(" · ");
                    String result = rs.getString("result");
                    line.append(result != null ? FollowUpResult.valueOf(result).label()
                            : FollowUpStatus.valueOf(rs.getString("status")) == FollowUpStatus.OPEN ? "进行中 Open" : "已结束 Closed");
                    String outcome = rs.getString("outcome");
                    if (outcome != null) {
                        line.append(" · 最后一次 Last call ").append(CallOutcome.valueOf(outcome).label());
                    }
                    int satisfaction = rs.getInt("satisfaction");
                    if (!rs.wasNull()) {
                        line.append(" · 满意度 Satisfaction ").append(satisfaction).append("/5 · NPS ").append(rs.getInt("nps"));
                    }
                    earlier.add(new Earlier(rs.getLong("customer_id"), rs.getLong("id"), line.toString()));
                });
        Map<Long, List<String>> numbersByFollowUp = new HashMap<>();
        if (!earlier.isEmpty()) {
            named.query("select follow_up_id, number from feedback_item where follow_up_id in (:ids) order by id",
                    new MapSqlParameterSource("ids", earlier.stream().map(Earlier::id).toList()),
                    rs -> { numbersByFollowUp.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)); });
        }
        Map<Long, List<String>> followUps = new LinkedHashMap<>();
        for (Earlier e : earlier) {
            List<String> numbers = numbersByFollowUp.get(e.id());
            followUps.computeIfAbsent(e.customerId(), k -> new ArrayList<>())
                    .add(numbers == null ? e.line() : e.line() + " · 反馈 Feedback " + String.join(", ", numbers));
        }

        Map<Long, List<String>> open = new HashMap<>();
        named.query("select customer_id, number, type, urgency, status, created_at from feedback_item"
                + " where customer_id in (:ids) and status not in (" + FeedbackStatus.ENDED_SQL + ") order by created_at desc, id desc", ids, rs -> {
                    List<String> list = open.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>());
                    if (list.size() < OPEN_FEEDBACK) {
                        list.add(rs.getString(2) + " " + FeedbackType.valueOf(rs.getString(3)).label() + " · "
                                + Urgency.valueOf(rs.getString(4)).label() + " · " + statusLabel(rs.getString(5)) + " · 登记 Registered "
                                + DAY.format(rs.getTimestamp(6).toInstant().atZone(zone)));
                    }
                });

        for (Long customerId : currentFollowUp.keySet()) {
            out.put(customerId, text(attempts.get(customerId), followUps.get(customerId), open.get(customerId)));
        }
        return out;
    }

    private static String emptyHistory() {
        return text(null, null, null);
    }

    private static String text(List<String> attempts, List<String> followUps, List<String> open) {
        StringBuilder t = new StringBuilder();
        if (attempts != null && !attempts.isEmpty()) {
            t.append("**本次已拨打 Earlier attempts of this call** ").append(String.join("; ", attempts)).append("\n\n");
        }
        t.append("**最近回访 Last follow-ups**\n\n").append(list(followUps));
        t.append("\n\n**未结反馈 Open feedback**\n\n").append(list(open));
        return t.toString();
    }

    private static String list(List<String> lines) {
        if (lines == null || lines.isEmpty()) {
            return "无 None";
        }
        StringBuilder t = new StringBuilder();
        for (String line : lines) {
            t.append(t.isEmpty() ? "" : "\n").append("- ").append(line);
        }
        return t.toString();
    }

    private static String statusLabel(String status) {
        return switch (status) {
            case "NEW" -> "新建 New";
            case "AWAITING_RESPONSE" -> "待响应 Awaiting response";
            case "IN_PROGRESS" -> "处理中 In progress";
            case "AWAITING_CONFIRMATION" -> "待二次回访 Awaiting re-visit";
            case "REOPENED" -> "重新处理 Reopened";
            case "MANAGER_REVIEW" -> "经理复核 Manager review";
            default -> status;
        };
    }
}
