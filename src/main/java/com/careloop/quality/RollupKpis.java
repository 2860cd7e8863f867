package com.careloop.quality;

import com.careloop.errors.InvalidRequestException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link QualityKpis} from quality's rollups: one aggregate over the period's day rows of quality_rollup (a month is
 * a few thousand rows whatever the volume of answers and items), plus backlog and overdue from the open items.
 */
@Service
class RollupKpis implements QualityKpis, OpenFeedback {

    private static final String SUMS = Arrays.stream(Counter.ALL).map(c -> "sum(" + c.column + ")").collect(Collectors.joining(", "));

    private final JdbcTemplate jdbc;
    private final KpiLabels labels;
    private final Clock clock;
    private final ReviewKpis reviews;

    RollupKpis(JdbcTemplate jdbc, KpiLabels labels, Clock clock, ReviewKpis reviews) {
        this.jdbc = jdbc;
        this.labels = labels;
        this.clock = clock;
        this.reviews = reviews;
    }

    @Override
    @Transactional(readOnly = true)
    public KpiReport report(LocalDate from, LocalDate to, KpiGrouping groupBy, String agent, String team) {
        return report(from, to, groupBy, agent, team, null);
    }

    @Override
    @Transactional(readOnly = true)
    public KpiReport report(LocalDate from, LocalDate to, KpiGrouping groupBy, String agent, String team, String channel) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new InvalidRequestException("to", "must be after from (the period is [from, to))");
        }
        Map<String, long[]> sums = sums(from, to, groupBy, agent, team, channel);
        long[] total = new long[Counter.ALL.length];
        sums.values().forEach(v -> plus(total, v));
        Map<String, long[]> open = open(groupBy, agent, team, channel);
        long[] openTotal = open.values().stream().reduce(new long[2], RollupKpis::plus);
        KpiValues totals = values(total, openTotal[0], openTotal[1]);
        if (groupBy == null) {
            return withReviews(new KpiReport(from, to, null, totals, List.of()), agent, team, channel);
        }
        boolean timeGroups = isTime(groupBy);
        TreeMap<String, long[]> keys = new TreeMap<>(sums);
        if (!timeGroups) {
            open.keySet().forEach(k -> keys.putIfAbsent(k, new long[Counter.ALL.length]));
        }
        List<KpiGroup> groups = new ArrayList<>();
        keys.forEach((key, v) -> {
            long[] o = open.getOrDefault(key, new long[2]);
            KpiValues kpis = timeGroups ? values(v, null, null) : values(v, o[0], o[1]);
            groups.add(new KpiGroup(key, labels.label(groupBy, key), kpis));
        });
        return withReviews(new KpiReport(from, to, groupBy, totals, groups), agent, team, channel);
    }

    /** The call reviews' figures: reviews are of calls, so a report of another channel than the follow-up call has none. */
    private KpiReport withReviews(KpiReport report, String agent, String team, String channel) {
        if (channel == null || Dimensions.FOLLOW_UP.equals(channel)) {
            return reviews.join(report, agent, team);
        }
        return new KpiReport(report.from(), report.to(), report.groupBy(), report.totals().withReviews(null, 0L),
                report.groups().stream().map(g -> new KpiGroup(g.key(), g.label(), g.kpis().withReviews(null, 0L))).toList());
    }

    /**
     * The counters per group key ("" without grouping). From the single-dimension rows (quality_rollup_dim) when one
     * dimension answers the question — no filter, or one filter (agent or team) with a time grouping or a grouping by
     * that same dimension — else from the combinations (quality_rollup).
     */
    private Map<String, long[]> sums(LocalDate from, LocalDate to, KpiGrouping groupBy, String agent, String team, String channel) {
        List<Object> params = new ArrayList<>(List.of(Date.valueOf(from), Date.valueOf(to)));
        StringBuilder where = new StringBuilder(" where on_day >= ? and on_day < ?");
        String sql;
        String column = column(groupBy);
        boolean timeOrNone = groupBy == null || isTime(groupBy);
        String dimension = null;
        String key = null;
        if (agent == null && team == null && channel == null) {
            dimension = timeOrNone ? "ALL" : groupBy.name();
        } else if (agent != null && team == null && channel == null && (timeOrNone || groupBy == KpiGrouping.AGENT)) {
            dimension = "AGENT";
            key = agent;
        } else if (team != null && agent == null && channel == null && (timeOrNone || groupBy == KpiGrouping.TEAM)) {
            dimension = "TEAM";
            key = team;
        } else if (channel != null && agent == null && team == null && (timeOrNone || groupBy == KpiGrouping.CHANNEL)) {
            dimension = "CHANNEL";
            key = channel;
        }
        if (dimension != null) {
            where.append(" and dimension = ?");
            params.add(dimension);
            if (key != null) {
                where.append(" and dim_key = ?");
                params.add(key);
            }
            String group = column == null ? null : timeOrNone ? "on_day" : "dim_key";
            sql = "select " + (group == null ? "''" : group) + ", " + SUMS + " from quality_rollup_dim" + where
                    + (group == null ? "" : " group by " + group);
        } else {
            filters(where, params, agent, team, channel);
            sql = "select " + (column == null ? "''" : column) + ", " + SUMS + " from quality_rollup" + where
                    + (column == null ? "" : " group by " + column);
        }
        Map<String, long[]> sums = new TreeMap<>();
        jdbc.query(sql, rs -> {
            long[] v = new long[Counter.ALL.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = rs.getLong(2 + i);
            }
            String k = column == null ? "" : groupKey(groupBy, rs.getString(1), rs);
            sums.merge(k, v, RollupKpis::plus);
        }, params.toArray());
        return sums;
    }

    @Override
    public long overdue(String urgency, String team) {
        return openItems(urgency, team)[1];
    }

    @Override
    public long open(String urgency, String team) {
        return openItems(urgency, team)[0];
    }

    private long[] openItems(String urgency, String team) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Object> params = new ArrayList<>(List.of(now, now));
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (urgency != null) {
            where.append(" and urgency = ?");
            params.add(urgency);
        }
        filters(where, params, null, team, null);
        return jdbc.queryForObject("select count(*), coalesce(sum(case when " + OVERDUE + " then 1 else 0 end), 0) from quality_open_item" + where,
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, params.toArray());
    }

    /** Past a deadline now: not responded after the response deadline, or not resolved after the resolution deadline. */
    static final String OVERDUE = "(responded = false and response_due_at < ?) or (resolved = false and resolution_due_at < ?)";

    private static void filters(StringBuilder where, List<Object> params, String agent, String team, String channel) {
        if (channel != null) {
            where.append(" and channel = ?");
            params.add(channel);
        }
        if (agent != null) {
            where.append(" and agent = ?");
            params.add(agent);
        }
        if (team != null) {
            where.append(" and team = ?");
            params.add(team);
        }
    }

    private static boolean isTime(KpiGrouping g) {
        return g == KpiGrouping.DAY || g == KpiGrouping.WEEK || g == KpiGrouping.MONTH;
    }

    /** The rollup column a grouping reads (days are folded into weeks and months here). */
    static String column(KpiGrouping g) {
        if (g == null) {
            return null;
        }
        return switch (g) {
            case DAY, WEEK, MONTH -> "on_day";
            case AGENT -> "agent";
            case TEAM -> "team";
            case SCENARIO -> "scenario";
            case PRODUCT -> "product";
            case CHANNEL -> "channel";
            case TIER -> "tier";
        };
    }

    private static String groupKey(KpiGrouping g, String value, java.sql.ResultSet rs) throws java.sql.SQLException {
        if (!isTime(g)) {
            return value;
        }
        LocalDate day = rs.getDate(1).toLocalDate();
        return switch (g) {
            case WEEK -> String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> String.format("%d-%02d", day.getYear(), day.getMonthValue());
            default -> day.toString();
        };
    }

    /** Per group (one entry "" without grouping): {backlog, overdue} now. */
    private Map<String, long[]> open(KpiGrouping groupBy, String agent, String team, String channel) {
        String column = groupBy == null || isTime(groupBy) ? null : column(groupBy);
        Timestamp now = Timestamp.from(clock.instant());
        List<Object> params = new ArrayList<>(List.of(now, now));
        StringBuilder where = new StringBuilder(" where 1 = 1");
        filters(where, params, agent, team, channel);
        Map<String, long[]> open = new LinkedHashMap<>();
        jdbc.query("select " + (column == null ? "''" : column) + ", count(*), sum(case when " + OVERDUE + " then 1 else 0 end)"
                + " from quality_open_item" + where
                + (column == null ? "" : " group by " + column), rs -> {
                    open.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }, params.toArray());
        if (open.isEmpty() && column == null) {
            open.put("", new long[2]);
        }
        return open;
    }

    private static long[] plus(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        return a;
    }

    static KpiValues values(long[] v, Long backlog, Long overdue) {
        Map<String, Double> dimensions = new LinkedHashMap<>();
        dimensions.put("attitude", mean(v[Counter.ATT_SUM.ordinal()], v[Counter.ATT_N.ordinal()]));
        dimensions.put("expertise", mean(v[Counter.EXP_SUM.ordinal()], v[Counter.EXP_N.ordinal()]));
        dimensions.put("timeliness", mean(v[Counter.TIM_SUM.ordinal()], v[Counter.TIM_N.ordinal()]));
        dimensions.put("resolution", mean(v[Counter.RES_SUM.ordinal()], v[Counter.RES_N.ordinal()]));
        dimensions.put("convenience", mean(v[Counter.CON_SUM.ordinal()], v[Counter.CON_N.ordinal()]));
        return new KpiValues(
                v[Counter.SURVEYS.ordinal()],
                pct(v[Counter.SAT_POS.ordinal()], v[Counter.SAT_N.ordinal()]),
                mean(v[Counter.SAT_SUM.ordinal()], v[Counter.SAT_N.ordinal()]),
                pct(v[Counter.NPS_PRO.ordinal()] - v[Counter.NPS_DET.ordinal()], v[Counter.NPS_N.ordinal()]),
                pct(v[Counter.FU_REACHED.ordinal()], v[Counter.FU_CLOSED.ordinal()]),
                pct(v[Counter.FB_RESOLVED.ordinal()], v[Counter.FB_CLOSED.ordinal()]),
                pct(v[Counter.FB_FCR.ordinal()], v[Counter.FB_RESPONDED.ordinal()]),
                pct(v[Counter.RESP_ON_TIME.ordinal()], v[Counter.RESP_N.ordinal()]),
                pct(v[Counter.RESOL_ON_TIME.ordinal()], v[Counter.RESOL_N.ordinal()]),
                pct(v[Counter.FB_REOPENED.ordinal()], v[Counter.FB_CLOSED.ordinal()]),
                pct(v[Counter.FU_INTENT.ordinal()], v[Counter.FU_REACHED.ordinal()]),
                backlog, overdue, java.util.Collections.unmodifiableMap(dimensions),
                pct(v[Counter.LEAD_WON.ordinal()], v[Counter.LEAD_N.ordinal()]),
                pct(v[Counter.LEAD_QUOTED.ordinal()], v[Counter.LEAD_N.ordinal()]),
                pct(v[Counter.PAUSED_N.ordinal()], v[Counter.RESOL_N.ordinal()]),
                mean(v[Counter.PAUSED_MIN.ordinal()], v[Counter.PAUSED_N.ordinal()]));
    }

    /** numerator ÷ denominator × 100, one decimal (half up, away from zero); null without a denominator. */
    static Double pct(long numerator, long denominator) {
        return denominator == 0 ? null : BigDecimal.valueOf(numerator * 100L).divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP).doubleValue();
    }

    /** sum ÷ n, one decimal; null when nothing was scored. */
    static Double mean(long sum, long n) {
        return n == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP).doubleValue();
    }
}
