package com.careloop.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerService;
import com.careloop.feedback.FeedbackService;
import com.careloop.followup.FollowUpView;
import com.careloop.followup.FollowUpService;
import com.careloop.followup.Scenario;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Property: whatever path calls and feedback items take through the real processes (random outcomes, scores, issues,
 * first-contact fixes, re-visits that reopen, items left open at any step), the KPIs quality keeps from the modules'
 * events equal a recount over the raw rows of the followup and feedback tables; and a replay of those rows
 * ({@link QualityBackfill#rebuild()}) gives the same figures. Each round credits its calls to an agent of its own.
 */
class RollupsMatchRawRowsTest extends CareLoopTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired ProcessEngine engine;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;
    @Autowired FeedbackService feedback;
    @Autowired QualityKpis kpis;
    @Autowired QualityBackfill backfill;
    @Autowired JdbcTemplate jdbc;

    @Test
    void rollupsEqualARecountOverTheRawRows() {
        LocalDate from = LocalDate.now(SHANGHAI).minusDays(1);
        LocalDate to = from.plusDays(3);
        for (long seed : List.of(7L, 11L, 2026L)) {
            Random random = new Random(seed);
            String agent = "prop-agent-" + seed;
            Fixtures fx = new Fixtures(engine, customers, followUps);
            for (int i = 0; i < 6; i++) {
                call(fx, random, agent);
            }
            KpiValues live = kpis.report(from, to, null, agent, null).totals();
            KpiValues recount = recount(agent).withReviews(null, 0L); // no call of these agents was reviewed
            assertThat(live).as("seed " + seed).usingRecursiveComparison().isEqualTo(recount);
            assertThat(live.surveys()).isPositive();
        }
        Map<String, KpiValues> before = new HashMap<>();
        for (long seed : List.of(7L, 11L, 2026L)) {
            before.put("prop-agent-" + seed, kpis.report(from, to, null, "prop-agent-" + seed, null).totals());
        }
        backfill.rebuild();
        before.forEach((agent, live) -> {
            KpiValues replayed = kpis.report(from, to, null, agent, null).totals();
            // the tables keep an item's latest state only: first-contact and per-resolution deadlines are not replayed exactly
            assertThat(replayed).as(agent).usingRecursiveComparison().ignoringFields("fcr", "resolutionOnTime").isEqualTo(live);
        });
    }

    void call(Fixtures fx, Random random, String agent) {
        FollowUpView f = fx.followUp(fx.customer(), Scenario.values()[random.nextInt(Scenario.values().length)]);
        TaskService tasks = engine.getTaskService();
        Task task = fx.task(f.processInstanceId(), FollowUpService.CALL_TASK);
        tasks.setAssignee(task.getId(), agent);
        int outcome = random.nextInt(10);
        if (outcome == 0) {
            tasks.complete(task.getId(), Fixtures.vars("callOutcome", "WRONG_NUMBER"));
            return;
        }
        if (outcome == 1) {
            tasks.complete(task.getId(), Fixtures.vars("callOutcome", "REFUSED"));
            return;
        }
        Map<String, Object> v = Fixtures.vars("callOutcome", "REACHED", "satisfaction", 1 + random.nextInt(5), "nps", random.nextInt(11),
                "purchaseIntent", random.nextInt(4) == 0);
        for (String score : List.of("scoreAttitude", "scoreExpertise", "scoreTimeliness", "scoreResolution", "scoreConvenience")) {
            if (random.nextBoolean()) {
                v.put(score, 1 + random.nextInt(5));
            }
        }
        String type = List.of("NONE", "NONE", "COMPLAINT", "PROBLEM", "SUGGESTION").get(random.nextInt(5));
        v.put("feedbackType", type);
        if (!"NONE".equals(type)) {
            v.put("feedbackUrgency", random.nextBoolean() ? "NORMAL" : "URGENT");
            v.put("feedbackText", "外机噪音大，师傅迟到");
        }
        tasks.complete(task.getId(), v);
        fx.startFeedbackHandling(f.processInstanceId());
        for (String number : feedback.numbersOfFollowUp(f.id())) {
            handle(number, random, agent);
        }
    }

    /** Drives one item's tasks with random answers until it closes or the walk stops (the item stays open there). */
    void handle(String number, Random random, String agent) {
        TaskService tasks = engine.getTaskService();
        ManagementService management = engine.getManagementService();
        for (int step = 0; step < 12; step++) {
            var process = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
            if (process == null) {
                return;
            }
            for (Job job : management.createJobQuery().processInstanceId(process.getId()).messages().list()) {
                management.executeJob(job.getId());
            }
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(number).singleResult();
            if (task == null || random.nextInt(6) == 0) {
                return;
            }
            tasks.setAssignee(task.getId(), "Task_ConfirmResolution".equals(task.getTaskDefinitionKey()) ? agent : "supervisor1");
            Map<String, Object> v = switch (task.getTaskDefinitionKey()) {
                case "Task_RespondToCustomer" -> Fixtures.vars("contactMade", true, "responsePlan", "已联系客户",
                        "resolvedOnFirstContact", random.nextInt(3) == 0);
                case "Task_ResolveFeedback" -> Fixtures.vars("handlingOutcome", resolution(task),
                        "solution", "已处理", "compensation", "NONE");
                case "Task_ConfirmResolution" -> {
                    boolean satisfied = random.nextBoolean();
                    yield Fixtures.vars("callOutcome", "REACHED", "customerSatisfied", satisfied, "satisfaction", satisfied ? 5 : 2);
                }
                case "Task_ManagerReview" -> Fixtures.vars("managerDecision", "CLOSE", "notes", "经理结案");
                default -> throw new IllegalStateException("unexpected task " + task.getTaskDefinitionKey());
            };
            tasks.complete(task.getId(), v);
        }
    }

    /** Sales leads are converted (or not); everything else resolved. */
    String resolution(Task task) {
        Object type = engine.getRuntimeService().getVariable(task.getExecutionId(), "feedbackType");
        return "SALES_LEAD".equals(type) ? "CONVERTED" : "RESOLVED";
    }

    /** Every KPI of the agent, counted over the raw rows with the definitions of issue #7. */
    KpiValues recount(String agent) {
        Map<String, Object> s = jdbc.queryForMap("select count(*) n, sum(case when satisfaction >= 4 then 1 else 0 end) pos,"
                + " sum(satisfaction) sat, sum(case when nps >= 9 then 1 else 0 end) pro, sum(case when nps <= 6 then 1 else 0 end) det,"
                + " count(score_attitude) att_n, sum(score_attitude) att, count(score_expertise) exp_n, sum(score_expertise) exp,"
                + " count(score_timeliness) tim_n, sum(score_timeliness) tim, count(score_resolution) res_n, sum(score_resolution) res,"
                + " count(score_convenience) con_n, sum(score_convenience) con from survey_response where agent = ?", agent);
        Map<String, Object> f = jdbc.queryForMap("select count(*) closed,"
                + " sum(case when exists (select 1 from call_attempt a where a.follow_up_id = f.id and a.outcome = 'REACHED') then 1 else 0 end) reached,"
                + " sum(case when exists (select 1 from survey_response s where s.follow_up_id = f.id and s.purchase_intent) then 1 else 0 end) intent"
                + " from follow_up f where f.status = 'CLOSED' and f.last_agent = ?", agent);
        String items = "from feedback_item i where i.source = 'FOLLOW_UP_CALL' and i.revisit_agent = ?";
        Map<String, Object> c = jdbc.queryForMap("select count(*) closed,"
                + " sum(case when result in ('RESOLVED_SATISFIED', 'RESOLVED_UNCONFIRMED') then 1 else 0 end) resolved,"
                + " sum(case when reopen_count > 0 then 1 else 0 end) reopened " + items + " and i.status = 'CLOSED'", agent);
        Map<String, Object> r = jdbc.queryForMap("select count(*) responded,"
                + " sum(case when responded_at <= response_due_at then 1 else 0 end) on_time,"
                + " sum(case when exists (select 1 from feedback_progress p where p.feedback_item_id = i.id and p.kind = 'RESOLVED'"
                + "   and p.note like '%Resolved on first contact%') then 1 else 0 end) fcr " + items + " and i.responded_at is not null", agent);
        // every resolution logs one RESOLVED entry; all of this test's are recorded well before their deadline
        Map<String, Object> z = jdbc.queryForMap("select count(*) n, sum(case when i.paused_minutes > 0 then 1 else 0 end) paused,"
                + " sum(case when i.paused_minutes > 0 then i.paused_minutes else 0 end) paused_min"
                + " from feedback_progress p join feedback_item i on i.id = p.feedback_item_id"
                + " where p.kind = 'RESOLVED' and i.source = 'FOLLOW_UP_CALL' and i.revisit_agent = ?", agent);
        Map<String, Object> o = jdbc.queryForMap("select count(*) open, sum(case when (responded_at is null and response_due_at < now())"
                + " or (resolved_at is null and resolution_due_at < now()) then 1 else 0 end) overdue " + items + " and i.status <> 'CLOSED'", agent);
        Map<String, Double> dimensions = new java.util.LinkedHashMap<>();
        dimensions.put("attitude", mean(s.get("att"), s.get("att_n")));
        dimensions.put("expertise", mean(s.get("exp"), s.get("exp_n")));
        dimensions.put("timeliness", mean(s.get("tim"), s.get("tim_n")));
        dimensions.put("resolution", mean(s.get("res"), s.get("res_n")));
        dimensions.put("convenience", mean(s.get("con"), s.get("con_n")));
        long nps = n(s.get("pro")) - n(s.get("det"));
        return new KpiValues(n(s.get("n")), pct(s.get("pos"), s.get("n")), mean(s.get("sat"), s.get("n")), pct(nps, s.get("n")),
                pct(f.get("reached"), f.get("closed")), pct(c.get("resolved"), c.get("closed")), pct(r.get("fcr"), r.get("responded")),
                pct(r.get("on_time"), r.get("responded")), pct(z.get("n"), z.get("n")), pct(c.get("reopened"), c.get("closed")),
                pct(f.get("intent"), f.get("reached")), n(o.get("open")), n(o.get("overdue")), dimensions, null, null,
                pct(z.get("paused"), z.get("n")), mean(z.get("paused_min"), z.get("paused")));
    }

    static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    static Double pct(Object num, Object den) {
        return n(den) == 0 ? null : BigDecimal.valueOf(n(num) * 100).divide(BigDecimal.valueOf(n(den)), 1, RoundingMode.HALF_UP).doubleValue();
    }

    static Double mean(Object sum, Object count) {
        return n(count) == 0 ? null : BigDecimal.valueOf(n(sum)).divide(BigDecimal.valueOf(n(count)), 1, RoundingMode.HALF_UP).doubleValue();
    }
}
