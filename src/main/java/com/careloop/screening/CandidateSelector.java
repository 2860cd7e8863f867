package com.careloop.screening;

import com.careloop.customer.CustomerTier;
import com.careloop.followup.Exclusion;
import com.careloop.followup.FollowUpExclusions;
import com.careloop.followup.Scenario;
import com.careloop.followup.ScenarioPolicy;
import com.careloop.sla.WorkCalendar;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Selects the candidates of a run with set-based SQL: the exclusions (opted out, wrong number on file, an open
 * follow-up, inside the cooling period: {@link FollowUpExclusions}, the same as for manual starts) are counted and
 * filtered in the database; the remaining customers are
 * streamed (never all in memory), run through the screeningRules table (or the campaign's scenario), and the
 * chosen ones are written in batches to screening_candidate, numbered into chunks for parallel starts.
 *
 * <p>A candidate row holds what only screening decides: the scenario, the period and the due date planned with the
 * daily capacity ({@link DueDatePlanner}). Priority and caller are not stored: the follow-up module's writer applies
 * the scenario policy when the chunk opens the follow-ups, the one evaluation that counts (the selector reads the
 * policy's window and caller only to plan the capacity).
 */
@Component
public class CandidateSelector {

    /** The skip reason of a customer no screening rule selects; every other reason is an {@link Exclusion}. */
    public static final String NO_RULE_MATCHED = "NO_RULE_MATCHED";

    /**
     * @param excluded      customers the follow-up exclusions leave out, by exclusion (only those that occurred)
     * @param noRuleMatched eligible customers no rule of screeningRules selects
     */
    public record Selection(int candidates, int chunks, Map<Exclusion, Long> excluded, long noRuleMatched) {

        /** Skip counts by reason name, as screening_skip and the run's report hold them. */
        public Map<String, Long> skipped() {
            Map<String, Long> skipped = new LinkedHashMap<>();
            excluded.forEach((exclusion, n) -> skipped.put(exclusion.name(), n));
            if (noRuleMatched > 0) {
                skipped.put(NO_RULE_MATCHED, noRuleMatched);
            }
            return skipped;
        }
    }

    static final int NEVER = 99999;
    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final ScreeningRules rules;
    private final ScenarioPolicy policy;
    private final FollowUpExclusions exclusions;
    private final WorkCalendar calendar;
    private final ScreeningProperties props;
    private final Clock clock;

    public CandidateSelector(JdbcTemplate jdbc, ScreeningRules rules, ScenarioPolicy policy, FollowUpExclusions exclusions,
                             WorkCalendar calendar, ScreeningProperties props, Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.policy = policy;
        this.exclusions = exclusions;
        this.calendar = calendar;
        this.props = props;
        this.clock = clock;
    }

    public Selection select(ScreeningRun run) {
        Instant now = clock.instant();
        Timestamp coolingStart = exclusions.coolingStart(now);
        Filter filter = Filter.of(run.campaign(), calendar.zone());
        Map<Exclusion, Long> excluded = countExclusions(filter, coolingStart);

        ZoneId zone = calendar.zone();
        LocalDate asOf = run.getAsOf();
        Campaign campaign = run.campaign();
        ScreeningRules.Table table = campaign == null ? rules.latest() : null;
        ScenarioPolicy.Table terms = policy.latest();
        DueDatePlanner planner = new DueDatePlanner(calendar, now, props.agentDailyCapacity(), props.poolDailyCapacity());
        List<Object[]> batch = new ArrayList<>(BATCH);
        int[] selected = {0};
        long[] noRule = {0};

        String sql = "select c.id, c.tier, c.account_agent, c.first_purchase_at, c.last_purchase_at, c.last_resolved_at,"
                + " c.last_login_at, c.last_follow_up_at from customer c where " + ELIGIBLE + filter.sql + " order by c.id";
        List<Object> params = new ArrayList<>(List.of(coolingStart, coolingStart));
        params.addAll(filter.params);
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            ps.setFetchSize(2000);
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            return ps;
        }, (RowCallbackHandler) rs -> {
            long customerId = rs.getLong(1);
            String tier = rs.getString(2);
            String accountAgent = rs.getString(3);
            Instant first = instant(rs, 4);
            Instant lastPurchase = instant(rs, 5);
            Instant lastResolved = instant(rs, 6);
            Instant lastLogin = instant(rs, 7);
            Instant lastFollowUp = instant(rs, 8);
            Scenario scenario;
            String periodKey;
            if (campaign != null) {
                scenario = campaign.scenario();
                periodKey = ScreeningPeriods.campaignKey(campaign.name());
            } else {
                ScreeningRules.Match match = table.evaluate(days(first, asOf, zone), days(lastPurchase, asOf, zone),
                        days(lastResolved, asOf, zone), days(lastLogin, asOf, zone),
                        lastFollowUp == null ? NEVER : days(lastFollowUp, asOf, zone), tier);
                if (match == null) {
                    noRule[0]++;
                    return;
                }
                scenario = match.scenario();
                periodKey = ScreeningPeriods.periodKey(scenario, asOf, zone, first, lastPurchase, lastResolved);
            }
            // the scenario policy's window and caller plan the capacity per agent; the follow-up writer applies the policy
            ScenarioPolicy.Terms policyTerms = terms.of(scenario, CustomerTier.valueOf(tier));
            int chunk = selected[0] / props.chunkSize();
            batch.add(new Object[] {run.getId(), chunk, customerId, scenario.name(),
                    Timestamp.from(planner.due(policyTerms.dueWorkingDays(), policyTerms.agent(accountAgent))), periodKey});
            selected[0]++;
            if (batch.size() == BATCH) {
                insert(batch);
            }
        });
        insert(batch);
        int chunks = (selected[0] + props.chunkSize() - 1) / props.chunkSize();
        return new Selection(selected[0], chunks, excluded, noRule[0]);
    }

    /** Not opted out, contact data valid, no refusal or follow-up contact in the cooling period, no open follow-up. */
    static final String ELIGIBLE = FollowUpExclusions.ELIGIBLE;

    /** The customers each exclusion leaves out, counted in the order {@link Exclusion} checks them (the first applying). */
    private Map<Exclusion, Long> countExclusions(Filter filter, Timestamp coolingStart) {
        String open = FollowUpExclusions.OPEN;
        String sql = "select"
                + " coalesce(sum(case when c.opt_out then 1 else 0 end), 0),"
                + " coalesce(sum(case when not c.opt_out and c.contact_invalid then 1 else 0 end), 0),"
                + " coalesce(sum(case when not c.opt_out and not c.contact_invalid and " + open + " then 1 else 0 end), 0),"
                + " coalesce(sum(case when not c.opt_out and not c.contact_invalid and not " + open
                + "   and " + FollowUpExclusions.COOLING + " then 1 else 0 end), 0)"
                + " from customer c where 1 = 1" + filter.sql;
        List<Object> params = new ArrayList<>(List.of(coolingStart, coolingStart));
        params.addAll(filter.params);
        Map<Exclusion, Long> counts = new LinkedHashMap<>();
        jdbc.query(sql, rs -> {
            put(counts, Exclusion.OPTED_OUT, rs.getLong(1));
            put(counts, Exclusion.CONTACT_INVALID, rs.getLong(2));
            put(counts, Exclusion.OPEN_FOLLOW_UP, rs.getLong(3));
            put(counts, Exclusion.COOLING_PERIOD, rs.getLong(4));
        }, params.toArray());
        return counts;
    }

    private static void put(Map<Exclusion, Long> counts, Exclusion reason, long n) {
        if (n > 0) {
            counts.put(reason, n);
        }
    }

    private void insert(List<Object[]> batch) {
        if (batch.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into screening_candidate (run_id, chunk_no, customer_id, scenario, due_at, period_key)"
                + " values (?, ?, ?, ?, ?, ?)", batch);
        batch.clear();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Integer days(Instant at, LocalDate asOf, ZoneId zone) {
        if (at == null) {
            return null;
        }
        return (int) ChronoUnit.DAYS.between(at.atZone(zone).toLocalDate(), asOf);
    }

    /** The campaign's filters as SQL ("and …") with their parameters; empty for a rules run. */
    record Filter(String sql, List<Object> params) {

        static Filter of(Campaign campaign, ZoneId zone) {
            if (campaign == null) {
                return new Filter("", List.of());
            }
            StringBuilder sql = new StringBuilder();
            List<Object> params = new ArrayList<>();
            if (campaign.tier() != null) {
                sql.append(" and c.tier = ?");
                params.add(campaign.tier().name());
            }
            anyOf(sql, params, "c.tags", campaign.tags());
            anyOf(sql, params, "c.products", campaign.products());
            if (campaign.purchasedFrom() != null) {
                sql.append(" and c.last_purchase_at >= ?");
                params.add(Timestamp.from(campaign.purchasedFrom().atStartOfDay(zone).toInstant()));
            }
            if (campaign.purchasedTo() != null) {
                sql.append(" and c.last_purchase_at < ?");
                params.add(Timestamp.from(campaign.purchasedTo().plusDays(1).atStartOfDay(zone).toInstant()));
            }
            return new Filter(sql.toString(), params);
        }

        /** Comma-separated column contains any of the values (case-insensitive, whole entries). */
        private static void anyOf(StringBuilder sql, List<Object> params, String column, List<String> values) {
            if (values == null || values.isEmpty()) {
                return;
            }
            sql.append(" and (");
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    sql.append(" or ");
                }
                sql.append("(',' || lower(replace(coalesce(").append(column).append(", ''), ' ', '')) || ',') like ?");
                params.add("%," + values.get(i).toLowerCase().replace(" ", "") + ",%");
            }
            sql.append(")");
        }
    }
}
