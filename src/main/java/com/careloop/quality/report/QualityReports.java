package com.careloop.quality.report;

import static com.careloop.quality.report.CellFormat.COUNT;
import static com.careloop.quality.report.CellFormat.DATE;
import static com.careloop.quality.report.CellFormat.DECIMAL1;
import static com.careloop.quality.report.CellFormat.DECIMAL2;
import static com.careloop.quality.report.CellFormat.PERCENT;
import static com.careloop.quality.report.CellFormat.TEXT;

import com.careloop.feedback.FeedbackCounts;
import com.careloop.feedback.FeedbackType;
import com.careloop.followup.CallCounts;
import com.careloop.quality.KpiGroup;
import com.careloop.quality.KpiGrouping;
import com.careloop.quality.KpiReport;
import com.careloop.quality.KpiValues;
import com.careloop.quality.QualityKeywords;
import com.careloop.quality.QualityKpis;
import com.careloop.sla.WorkCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/**
 * Builds the four reports. Every KPI comes from {@link QualityKpis} (and keywords from {@link QualityKeywords}), so a
 * report shows exactly what {@code GET /api/kpis} shows for the same days; the plain counts that are no KPI (calls,
 * feedback items opened by type, complaints and leads raised on an agent's calls) come from the small read classes of
 * the modules that own them ({@link CallCounts}, {@link FeedbackCounts}). Backlog and overdue are "now", as in the KPIs.
 */
@Service
public class QualityReports {

    /** keywords on the daily report */
    static final int KEYWORDS = 20;

    private final QualityKpis kpis;
    private final QualityKeywords keywords;
    private final FeedbackCounts feedback;
    private final CallCounts calls;
    private final WorkCalendar calendar;
    private final IdentityService identity;

    public QualityReports(QualityKpis kpis, QualityKeywords keywords, FeedbackCounts feedback, CallCounts calls,
                          WorkCalendar calendar, IdentityService identity) {
        this.kpis = kpis;
        this.keywords = keywords;
        this.feedback = feedback;
        this.calls = calls;
        this.calendar = calendar;
        this.identity = identity;
    }

    public QualityReport build(ReportKind kind, ReportPeriod period) {
        List<ReportSheet> sheets = switch (kind) {
            case DAILY -> daily(period);
            case WEEKLY -> weekly(period);
            case MONTHLY -> monthly(period);
            case AGENTS -> agents(period);
        };
        return new QualityReport(kind, kind.title() + " " + period.label(), period.label(), period.from(), period.to(), sheets);
    }

    // -- daily: volume, unresolved, feedback types, keywords ------------------------------------------------------

    private List<ReportSheet> daily(ReportPeriod p) {
        KpiValues t = totals(p.from(), p.to());
        Map<FeedbackType, Long> types = feedback.openedByType(start(p.from()), start(p.to()));
        long opened = types.values().stream().mapToLong(Long::longValue).sum();
        ReportSheet overview = ReportSheet.named("日报概览 (Daily overview)")
                .column("from", "开始日期 (From)", DATE)
                .column("to", "结束日期 (To)", DATE)
                .column("calls", "回访通话 (Calls)", COUNT)
                .column("surveys", "回访答卷 (Surveys)", COUNT)
                .column("feedbackOpened", "新增反馈 (Feedback opened)", COUNT)
                .column("backlog", "未解决反馈 (Unresolved now)", COUNT)
                .column("overdue", "超期反馈 (Overdue now)", COUNT)
                .column("csat", "满意度 (CSAT)", PERCENT)
                .column("nps", "净推荐值 (NPS)", DECIMAL1)
                .column("resolutionRate", "问题解决率 (Resolution rate)", PERCENT)
                .row(p.from(), p.to().minusDays(1), calls.total(start(p.from()), start(p.to())), t.surveys(), opened,
                        t.backlog(), t.overdue(), t.csat(), t.nps(), t.resolutionRate())
                .build();
        ReportSheet.Builder words = ReportSheet.named("高频词 (Keywords)")
                .column("rank", "排名 (Rank)", COUNT)
                .column("keyword", "关键词 (Keyword)", TEXT)
                .column("count", "次数 (Count)", COUNT);
        List<QualityKeywords.KeywordCount> top = keywords.top(p.from(), p.to(), KEYWORDS);
        for (int i = 0; i < top.size(); i++) {
            words.row(i + 1, top.get(i).keyword(), top.get(i).count());
        }
        return List.of(overview, typeSheet(types), words.build());
    }

    // -- weekly: satisfaction trend by day, types, overdue ---------------------------------------------------------

    private List<ReportSheet> weekly(ReportPeriod p) {
        ReportSheet.Builder trend = ReportSheet.named("满意度趋势 (Satisfaction trend)")
                .column("date", "日期 (Date)", DATE)
                .column("surveys", "答卷数 (Surveys)", COUNT)
                .column("csat", "满意度 (CSAT)", PERCENT)
                .column("csatMean", "平均满意分 (CSAT mean)", DECIMAL2)
                .column("nps", "净推荐值 (NPS)", DECIMAL1);
        for (LocalDate d = p.from(); d.isBefore(p.to()); d = d.plusDays(1)) {
            KpiValues v = totals(d, d.plusDays(1));
            trend.row(d, v.surveys(), v.csat(), v.csatMean(), v.nps());
        }
        KpiValues week = totals(p.from(), p.to());
        trend.row("合计 (Week)", week.surveys(), week.csat(), week.csatMean(), week.nps());
        ReportSheet overdue = ReportSheet.named("超期与积压 (Overdue and backlog)")
                .column("overdue", "超期反馈 (Overdue now)", COUNT)
                .column("backlog", "未解决反馈 (Unresolved now)", COUNT)
                .column("responseOnTime", "响应及时率 (Response on time)", PERCENT)
                .column("resolutionOnTime", "解决及时率 (Resolution on time)", PERCENT)
                .column("resolutionRate", "问题解决率 (Resolution rate)", PERCENT)
                .row(week.overdue(), week.backlog(), week.responseOnTime(), week.resolutionOnTime(), week.resolutionRate())
                .build();
        return List.of(trend.build(), typeSheet(feedback.openedByType(start(p.from()), start(p.to()))), overdue);
    }

    // -- monthly: every KPI, month over month and quarter over quarter --------------------------------------------

    /** The KPI columns of the monthly comparison: key, label, format, value. */
    private record Kpi(String key, String label, CellFormat format, Function<KpiValues, Number> value) {
    }

    static final List<String> DIMENSIONS = List.of("attitude", "expertise", "timeliness", "resolution", "convenience");
    private static final Map<String, String> DIMENSION_LABELS = Map.of("attitude", "服务态度 (Attitude)",
            "expertise", "专业能力 (Expertise)", "timeliness", "及时性 (Timeliness)", "resolution", "解决效果 (Resolution)",
            "convenience", "便捷性 (Convenience)");

    private static List<Kpi> everyKpi() {
        List<Kpi> list = new ArrayList<>(List.of(
                new Kpi("surveys", "答卷数 (Surveys)", COUNT, KpiValues::surveys),
                new Kpi("csat", "满意度 (CSAT)", PERCENT, KpiValues::csat),
                new Kpi("csatMean", "平均满意分 (CSAT mean)", DECIMAL2, KpiValues::csatMean),
                new Kpi("nps", "净推荐值 (NPS)", DECIMAL1, KpiValues::nps),
                new Kpi("reachRate", "接通率 (Reach rate)", PERCENT, KpiValues::reachRate),
                new Kpi("resolutionRate", "问题解决率 (Resolution rate)", PERCENT, KpiValues::resolutionRate),
                new Kpi("fcr", "一次解决率 (FCR)", PERCENT, KpiValues::fcr),
                new Kpi("responseOnTime", "响应及时率 (Response on time)", PERCENT, KpiValues::responseOnTime),
                new Kpi("resolutionOnTime", "解决及时率 (Resolution on time)", PERCENT, KpiValues::resolutionOnTime),
                new Kpi("reopenRate", "重开率 (Reopen rate)", PERCENT, KpiValues::reopenRate),
                new Kpi("leadConversion", "潜在需求转化率 (Lead conversion)", PERCENT, KpiValues::leadConversion),
                new Kpi("leadWinRate", "销售线索成交率 (Lead win rate)", PERCENT, KpiValues::leadWinRate),
                new Kpi("leadQuotedShare", "销售线索报价率 (Leads quoted)", PERCENT, KpiValues::leadQuotedShare),
                new Kpi("pausedShare", "暂停计时占比 (Resolved with SLA paused)", PERCENT, KpiValues::pausedShare),
                new Kpi("pausedMinutesMean", "平均暂停时长（分钟）(Mean paused minutes)", DECIMAL2, KpiValues::pausedMinutesMean)));
        for (String d : DIMENSIONS) {
            list.add(new Kpi("dimension." + d, DIMENSION_LABELS.get(d), DECIMAL2,
                    v -> v.dimensions() == null ? null : v.dimensions().get(d)));
        }
        list.add(new Kpi("backlog", "未解决反馈 (Unresolved now)", COUNT, KpiValues::backlog));
        list.add(new Kpi("overdue", "超期反馈 (Overdue now)", COUNT, KpiValues::overdue));
        return list;
    }

    private List<ReportSheet> monthly(ReportPeriod p) {
        ReportPeriod previousMonth = ReportPeriod.month(java.time.YearMonth.from(p.from()).minusMonths(1));
        ReportPeriod quarter = p.quarter();
        ReportPeriod quarterToDate = new ReportPeriod(quarter.from(), p.to(), quarter.label());
        ReportPeriod previousQuarter = new ReportPeriod(quarter.from().minusMonths(3), quarter.from(), previousQuarterLabel(quarter));
        KpiValues month = totals(p.from(), p.to());
        KpiValues before = totals(previousMonth.from(), previousMonth.to());
        KpiValues q = totals(quarterToDate.from(), quarterToDate.to());
        KpiValues qBefore = totals(previousQuarter.from(), previousQuarter.to());
        List<Kpi> kpiColumns = everyKpi();

        ReportSheet.Builder comparison = ReportSheet.named("指标对比 (KPI comparison)")
                .column("period", "期间 (Period)", TEXT)
                .column("from", "开始日期 (From)", DATE)
                .column("to", "结束日期 (To)", DATE);
        kpiColumns.forEach(k -> comparison.column(k.key(), k.label(), k.format()));
        comparison.row(values("本月 (Month) " + p.label(), p, month, kpiColumns, true));
        comparison.row(values("上月 (Previous month) " + previousMonth.label(), previousMonth, before, kpiColumns, false));
        comparison.row(change("环比变化 (Month over month)", month, before, kpiColumns));
        comparison.row(values("本季度至今 (Quarter to date) " + quarter.label(), quarterToDate, q, kpiColumns, false));
        comparison.row(values("上季度 (Previous quarter) " + previousQuarter.label(), previousQuarter, qBefore, kpiColumns, false));
        comparison.row(change("季度变化 (Quarter over quarter)", q, qBefore, kpiColumns));
        return List.of(comparison.build());
    }

    private static String previousQuarterLabel(ReportPeriod quarter) {
        return quarter.from().minusMonths(3).getYear() + "-Q" + quarter.from().minusMonths(3).get(java.time.temporal.IsoFields.QUARTER_OF_YEAR);
    }

    private static boolean isNow(Kpi k) {
        return k.key().equals("backlog") || k.key().equals("overdue");
    }

    /** One period's row; backlog and overdue are "now" and shown in the current month's row only. */
    private static Object[] values(String label, ReportPeriod period, KpiValues v, List<Kpi> kpiColumns, boolean current) {
        List<Object> row = new ArrayList<>(List.of(label, period.from(), period.to().minusDays(1)));
        for (Kpi k : kpiColumns) {
            row.add(isNow(k) && !current ? null : k.value().apply(v));
        }
        return row.toArray();
    }

    /** The difference (percentages in points), empty where either side is empty. */
    private static Object[] change(String label, KpiValues now, KpiValues before, List<Kpi> kpiColumns) {
        List<Object> row = new ArrayList<>(java.util.Arrays.asList(label, null, null));
        for (Kpi k : kpiColumns) {
            Number a = k.value().apply(now);
            Number b = k.value().apply(before);
            if (isNow(k) || a == null || b == null) {
                row.add(null);
            } else if (k.format() == COUNT) {
                row.add(a.longValue() - b.longValue());
            } else {
                row.add(Math.round((a.doubleValue() - b.doubleValue()) * 100) / 100.0);
            }
        }
        return row.toArray();
    }

    // -- agents: per agent calls, reach, CSAT, NPS, complaints, leads, conversions --------------------------------

    private List<ReportSheet> agents(ReportPeriod p) {
        KpiReport byAgent = kpis.report(p.from(), p.to(), KpiGrouping.AGENT, null, null);
        Map<String, KpiGroup> groups = new LinkedHashMap<>();
        for (KpiGroup g : byAgent.groups()) {
            groups.put(g.key(), g);
        }
        Map<String, Long> callsByAgent = calls.byAgent(start(p.from()), start(p.to()));
        Map<String, FeedbackCounts.AgentFeedback> raised = feedback.raisedOnCallsByAgent(start(p.from()), start(p.to()));
        TreeSet<String> agents = new TreeSet<>(groups.keySet());
        agents.addAll(callsByAgent.keySet());
        agents.addAll(raised.keySet());
        // the KPI groups carry the agent's label; an agent with calls but no KPI group gets the user's name here
        TreeSet<String> withoutGroup = new TreeSet<>(agents);
        withoutGroup.removeAll(groups.keySet());
        Map<String, String> names = names(withoutGroup);

        ReportSheet.Builder sheet = ReportSheet.named("客服绩效 (Agent performance)")
                .column("agent", "客服 (Agent)", TEXT)
                .column("name", "姓名 (Name)", TEXT)
                .column("calls", "通话数 (Calls)", COUNT)
                .column("surveys", "答卷数 (Surveys)", COUNT)
                .column("reachRate", "接通率 (Reach rate)", PERCENT)
                .column("csat", "满意度 (CSAT)", PERCENT)
                .column("nps", "净推荐值 (NPS)", DECIMAL1)
                .column("complaints", "投诉数 (Complaints raised)", COUNT)
                .column("leads", "销售线索 (Leads)", COUNT)
                .column("conversions", "成交转化 (Conversions)", COUNT)
                .column("leadConversion", "潜在需求转化率 (Lead conversion)", PERCENT)
                .column("reviews", "质检数 (Call reviews)", COUNT)
                .column("qaScore", "质检平均分 (QA score)", PERCENT);
        FeedbackCounts.AgentFeedback none = new FeedbackCounts.AgentFeedback(0, 0, 0);
        long totalCalls = 0;
        long complaints = 0;
        long leads = 0;
        long conversions = 0;
        for (String agent : agents) {
            KpiGroup g = groups.get(agent);
            KpiValues v = g == null ? null : g.kpis();
            FeedbackCounts.AgentFeedback f = raised.getOrDefault(agent, none);
            long c = callsByAgent.getOrDefault(agent, 0L);
            sheet.row(agent, g != null ? g.label() : names.getOrDefault(agent, agent), c, v == null ? 0L : v.surveys(), v == null ? null : v.reachRate(),
                    v == null ? null : v.csat(), v == null ? null : v.nps(), f.complaints(), f.leads(), f.conversions(),
                    v == null ? null : v.leadConversion(), v == null ? 0L : v.reviews(), v == null ? null : v.qaScore());
            totalCalls += c;
            complaints += f.complaints();
            leads += f.leads();
            conversions += f.conversions();
        }
        KpiValues all = byAgent.totals();
        sheet.row("合计 (All)", null, totalCalls, all.surveys(), all.reachRate(), all.csat(), all.nps(), complaints, leads,
                conversions, all.leadConversion(), all.reviews(), all.qaScore());
        return List.of(sheet.build());
    }

    // -- shared ---------------------------------------------------------------------------------------------------

    private ReportSheet typeSheet(Map<FeedbackType, Long> types) {
        long total = types.values().stream().mapToLong(Long::longValue).sum();
        ReportSheet.Builder sheet = ReportSheet.named("反馈类型 (Feedback types)")
                .column("type", "类型 (Type)", TEXT)
                .column("label", "名称 (Label)", TEXT)
                .column("count", "数量 (Count)", COUNT)
                .column("share", "占比 (Share)", PERCENT);
        types.entrySet().stream()
                .sorted(Map.Entry.<FeedbackType, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(e -> e.getKey().ordinal()))
                .forEach(e -> sheet.row(e.getKey().name(), e.getKey().label(), e.getValue(),
                        total == 0 ? null : Math.round(e.getValue() * 1000.0 / total) / 10.0));
        return sheet.build();
    }

    /** "张三" for agent1: the user's first and last name where the user exists and has one. */
    private Map<String, String> names(java.util.Collection<String> userIds) {
        Map<String, String> names = new java.util.HashMap<>();
        if (userIds.isEmpty()) {
            return names;
        }
        for (User u : identity.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list()) {
            String name = ((u.getFirstName() == null ? "" : u.getFirstName()) + " " + (u.getLastName() == null ? "" : u.getLastName())).strip();
            if (!name.isEmpty()) {
                names.put(u.getId(), name);
            }
        }
        return names;
    }

    private KpiValues totals(LocalDate from, LocalDate to) {
        return kpis.report(from, to, null, null, null).totals();
    }

    private Instant start(LocalDate day) {
        return day.atStartOfDay(calendar.zone()).toInstant();
    }
}
