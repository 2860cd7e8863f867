package com.careloop.demo;

import com.careloop.engine.EngineClock;
import com.careloop.customer.CustomerView;
import com.careloop.customer.CustomerRequest;
import com.careloop.customer.CustomerService;
import com.careloop.customer.CustomerTier;
import com.careloop.feedback.FeedbackService;
import com.careloop.feedback.FeedbackChannel;
import com.careloop.feedback.FeedbackType;
import com.careloop.feedback.InboundFeedbackRequest;
import com.careloop.feedback.FeedbackRef;
import com.careloop.feedback.SlaPause;
import com.careloop.feedback.Urgency;
import com.careloop.identity.ApiUser;
import com.careloop.identity.CareLoopGroups;
import com.careloop.followup.FollowUpView;
import com.careloop.followup.FollowUpService;
import com.careloop.followup.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Demo data for the default run (careloop.demo.enabled=true), loaded once into an empty database: 30
 * customers and follow-ups in every state — waiting for a call, waiting for a retry or a call-back, closed
 * in each way — with feedback items at every handling step and one overdue item escalated by its SLA timer.
 * Everything goes through the real processes, as agents would drive it.
 */
@Component
@ConditionalOnProperty(name = "careloop.demo.enabled", havingValue = "true")
public class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    /** followUp's call activity that starts the feedback handling, one job per reported item. */
    private static final String HANDLE_FEEDBACK = FollowUpService.HANDLE_FEEDBACK;

    private static final String[] NAMES = {"王芳", "李伟", "张敏", "刘洋", "陈静", "杨磊", "赵丽", "黄强", "周婷", "吴军",
        "徐娜", "孙涛", "胡杰", "朱琳", "高峰", "林霞", "何斌", "郭燕", "马超", "罗红", "梁勇", "宋佳", "郑浩", "谢颖",
        "韩冰", "唐亮", "冯雪", "于波", "董倩", "萧然"};
    private static final String[] COMPANIES = {"华兴科技", "远航贸易", "金桥制造", "蓝天物流", "青松医疗", "个人客户"};

    private final CustomerService customers;
    private final FollowUpService followUps;
    private final FeedbackService feedback;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final DemoBatchIncident batchIncident;
    private final SlaPause slaPause;
    private final DemoCallReviews callReviews;
    private final com.careloop.notification.NotificationWorker notifications;
    private final com.careloop.followup.SurveyAnswers surveyAnswers;

    public DemoData(CustomerService customers, FollowUpService followUps,
                    FeedbackService feedback, TaskService tasks, RuntimeService runtime, ManagementService management,
                    DemoBatchIncident batchIncident, SlaPause slaPause, DemoCallReviews callReviews,
                    com.careloop.notification.NotificationWorker notifications, com.careloop.followup.SurveyAnswers surveyAnswers) {
        this.callReviews = callReviews;
        this.notifications = notifications;
        this.surveyAnswers = surveyAnswers;
        this.batchIncident = batchIncident;
        this.slaPause = slaPause;
        this.customers = customers;
        this.followUps = followUps;
        this.feedback = feedback;
        this.tasks = tasks;
        this.runtime = runtime;
        this.management = management;
    }

    public void load() {
        if (customers.any()) {
            return;
        }
        Instant now = Instant.now();
        List<CustomerView> cs = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) {
            boolean vip = i % 6 == 0;
            cs.add(customers.upsert(new CustomerRequest(String.format("CRM-%05d", 10001 + i), NAMES[i], COMPANIES[i % COMPANIES.length],
                    phone(i), String.format("customer%02d@example.com", i + 1),
                    vip ? CustomerTier.VIP : CustomerTier.STANDARD, vip ? (i % 12 == 0 ? "agent1" : "agent2") : null,
                    i == 29, vip ? "VIP" : null, now.minus(Duration.ofDays(3 + i * 7L)), now.minus(Duration.ofDays(2 + i)),
                    i % 5 == 0 ? now.minus(Duration.ofDays(1)) : null, now.minus(Duration.ofDays(i * 3L)), i % 3 == 0 ? "空调" : "热水器")).customer());
        }
        Scenario[] scenarios = Scenario.values();
        // 0-7: waiting for the first call (0 and 6 are VIPs assigned to their account agent); 3 and 5 get a survey text first
        List<FollowUpView> waiting = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            waiting.add(followUps.start(cs.get(i).id(), scenarios[i % scenarios.length]));
        }
        // 3 (usage) and 5 (promotion) have mobile numbers: bpmn/surveyChannel.dmn texts them a survey link first. 3's link is
        // open (GET /api/sms/outbox, /camunda/careloop/sms-outbox.html); 5 answered it by text
        FollowUpView open = surveyTextSent(waiting.get(3));
        FollowUpView answered = surveyTextSent(waiting.get(5));
        if (open != null && answered != null) {
            surveyAnswers.record(answered.id(), new com.careloop.followup.OnlineAnswer(4, 9, 5, 4, 4, null, null, null,
                    "师傅上门很准时，讲解也清楚", false), com.careloop.followup.AnswerChannel.SMS);
        }
        // 8-9: no answer once, waiting for the retry
        for (int i = 8; i < 10; i++) {
            call(start(cs.get(i), Scenario.USAGE), "agent1", "callOutcome", "NO_ANSWER");
        }
        // 10: asked to be called back tomorrow
        call(start(cs.get(10), Scenario.NEW_PURCHASE), "agent2", "callOutcome", "CALL_BACK_LATER",
                "callbackAt", now.plus(Duration.ofDays(1)).toString());
        // 11-13: reached, satisfied, closed
        for (int i = 11; i < 14; i++) {
            call(start(cs.get(i), Scenario.NEW_PURCHASE), "agent1", reached(5, 10, "NONE"));
        }
        // 14: unreachable after three attempts (attempts recorded; the remaining retries run on the job executor)
        FollowUpView unreachable = start(cs.get(14), Scenario.CHURN_RISK);
        call(unreachable, "agent2", "callOutcome", "BUSY");
        // 15: refused, 16: wrong number
        call(start(cs.get(15), Scenario.CHURN_RISK), "agent1", "callOutcome", "REFUSED");
        call(start(cs.get(16), Scenario.USAGE), "agent2", "callOutcome", "WRONG_NUMBER");
        // 17: complaint awaiting the supervisors' response, plus a sales lead
        Map<String, Object> complaint = reached(2, 3, "COMPLAINT");
        complaint.put("feedbackUrgency", "NORMAL");
        complaint.put("feedbackText", "安装师傅迟到两个小时，态度也不好");
        complaint.put("purchaseIntent", true);
        call(start(cs.get(17), Scenario.POST_RESOLUTION), "agent1", complaint);
        // 18: product problem, responded, awaiting resolution by after-sales
        Map<String, Object> problem = reached(3, 6, "PROBLEM");
        problem.put("feedbackText", "空调制冷效果差，外机有异响");
        FollowUpView p = start(cs.get(18), Scenario.USAGE);
        call(p, "agent2", problem);
        complete(p.processInstanceId(), FeedbackService.RESPOND_TASK, "tech1", "contactMade", true,
                "responsePlan", "已电话联系，预约周三上门检修", "resolvedOnFirstContact", false);
        // 19: suggestion with the product team
        Map<String, Object> suggestion = reached(4, 8, "SUGGESTION");
        suggestion.put("feedbackUrgency", "LOW");
        suggestion.put("feedbackText", "希望 App 能查看维修进度");
        call(start(cs.get(19), Scenario.USAGE), "agent1", suggestion);
        // 20: detractor, recovered, waiting for the closure re-visit by the original agent
        FollowUpView r = start(cs.get(20), Scenario.NEW_PURCHASE);
        call(r, "agent2", reached(2, 4, "NONE"));
        complete(r.processInstanceId(), FeedbackService.RESPOND_TASK, "supervisor1", "contactMade", true,
                "responsePlan", "致歉并赠送保养券", "resolvedOnFirstContact", false);
        complete(r.processInstanceId(), FeedbackService.RESOLVE_TASK, "supervisor1", "handlingOutcome", "RESOLVED",
                "solution", "上门回访并赠送一次免费保养", "compensation", "COUPON");
        // 21: inbound consultation by WeChat, waiting for the service centre's verification (urgency suggested)
        feedback.registerInbound(new InboundFeedbackRequest(cs.get(21).id(), null, null, FeedbackChannel.WECHAT, null, null,
                "KFR-35GW", "SO-20261120-0021", "AC2411-00021", null, FeedbackType.CONSULTATION, null, null,
                "咨询延保服务的价格和范围"), "center1");
        // 22: an overdue problem registered three days ago at the hotline, verified: its SLA timers fire as soon as the
        // job executor runs
        String[] overdue = new String[1];
        EngineClock.runAt(now.minus(Duration.ofDays(3)), () -> overdue[0] = feedback.registerInbound(new InboundFeedbackRequest(
                cs.get(22).id(), null, null, FeedbackChannel.HOTLINE, null, null, "JSQ-60", null, "WH2408-10322", null,
                FeedbackType.PROBLEM, Urgency.NORMAL, null, "热水器漏水，已报修三天无人上门"), "center1").processInstanceId());
        complete(overdue[0], FeedbackService.VERIFY_TASK, "center1", "verification", "VALID");
        // 23-25: one open batch-quality incident (three faults of one model and batch)
        batchIncident.load(cs.subList(23, 26), now);
        // 26: a fault answered yesterday whose repair waits for a spare part: its SLA clock is paused
        FeedbackRef[] paused = new FeedbackRef[1];
        EngineClock.runAt(now.minus(Duration.ofDays(1)), () -> paused[0] = feedback.registerInbound(new InboundFeedbackRequest(
                cs.get(26).id(), null, null, FeedbackChannel.APP, null, null, "KFR-72LW", null, "AC2410-02611", null,
                FeedbackType.PROBLEM, Urgency.NORMAL, null, "空调外机噪音很大，师傅上门后说压缩机需要更换"), "center1"));
        String pausedPi = paused[0].processInstanceId();
        complete(pausedPi, FeedbackService.VERIFY_TASK, "center1", "verification", "VALID");
        complete(pausedPi, FeedbackService.RESPOND_TASK, "supervisor1", "contactMade", true,
                "responsePlan", "已上门检测，压缩机需更换，配件到货后安排维修", "resolvedOnFirstContact", false);
        findTask(pausedPi, FeedbackService.RESOLVE_TASK);
        slaPause.pause(paused[0].number(), new SlaPause.PauseRequest("WAITING_FOR_PARTS", "压缩机配件预计 5 个工作日到货"),
                new ApiUser("supervisor1", Set.of(CareLoopGroups.CS_SUPERVISORS)));
        int history = history(now);
        int sampled = callReviews.load(now, java.time.ZoneId.of("Asia/Shanghai"));
        log.info("Demo data loaded: {} customers, follow-ups and feedback in every state, {} answered calls of history, {} of them"
                + " sampled for review (one appealed)", cs.size(), history, sampled);
    }

    private static final String[] SURNAMES = {"钱", "孔", "曹", "严", "华", "金", "魏", "陶", "姜", "戚", "谢", "邹"};
    private static final String[] GIVEN = {"建国", "秀英", "志强", "桂兰", "海燕", "文博", "子涵", "雨轩"};
    /** What satisfied and dissatisfied customers said (keywords: 安装, 师傅, 迟到, 噪音, 漏水, 退款 …). */
    private static final String[] PRAISE = {"师傅上门很准时，安装很专业", "客服态度热情，问题当场解决", "维修速度快，师傅很耐心",
        "预约上门很方便，服务专业"};
    private static final String[] COMPLAINTS = {"安装师傅迟到两个小时，态度也不好", "退款申请一周了还没到账", "维修后外机噪音还是很大",
        "热水器漏水，报修三天无人上门", "售后电话一直打不通，等待太久"};
    private static final String[] PROBLEMS = {"空调外机噪音大", "热水器偶尔漏水", "遥控器失灵", "滤网清洗后仍有异味"};
    /** Satisfaction of the calls more than a week ago (83 % 4–5) and of the last six days (below 80 %: the CSAT alert). */
    private static final int[] EARLIER = {5, 5, 4, 4, 5, 3};
    private static final int[] LAST_WEEK = {5, 4, 3, 2, 3, 4, 2};

    /**
     * A few weeks of history so that the KPIs, the dashboard and the alerts have something to show: answered calls on
     * each of the last 24 days (3 a day, 5 a day in the last six days with a CSAT below 80 %), every sixth a product
     * problem, every dissatisfied customer a complaint; their feedback items responded (some late), resolved, re-visited
     * (some reopened once) and closed, the last two days' still open. All through the processes at the time they happened.
     */
    private int history(Instant now) {
        java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
        java.time.LocalDate today = now.atZone(zone).toLocalDate();
        int n = 0;
        for (int daysAgo = 24; daysAgo >= 1; daysAgo--) {
            boolean lastWeek = daysAgo <= 6;
            int calls = lastWeek ? 5 : 3;
            for (int k = 0; k < calls; k++, n++) {
                Instant at = today.minusDays(daysAgo).atTime(9, 30).plusMinutes(90L * k).atZone(zone).toInstant();
                String agent = n % 2 == 0 ? "agent1" : "agent2";
                int satisfaction = lastWeek ? LAST_WEEK[n % LAST_WEEK.length] : EARLIER[n % EARLIER.length];
                CustomerView c = customers.upsert(new CustomerRequest(String.format("CRM-H%04d", n + 1), SURNAMES[n % SURNAMES.length]
                        + GIVEN[(n / SURNAMES.length) % GIVEN.length], COMPANIES[n % COMPANIES.length], String.format("021-6013%04d", n),
                        null, n % 7 == 0 ? CustomerTier.VIP : CustomerTier.STANDARD, null, false, null, at.minus(Duration.ofDays(20)),
                        at.minus(Duration.ofDays(10)), null, null, n % 3 == 0 ? "空调" : "热水器")).customer();
                // landlines: these calls were made by phone whatever the scenario (bpmn/surveyChannel.dmn texts mobiles first)
                Scenario scenario = Scenario.values()[n % Scenario.values().length];
                Map<String, Object> v = reached(satisfaction, satisfaction >= 5 ? 9 + n % 2 : satisfaction == 4 ? 8 : satisfaction == 3 ? 7 : 3, "NONE");
                v.put("scoreExpertise", Math.min(5, satisfaction + 1));
                v.put("scoreConvenience", satisfaction);
                String type = satisfaction <= 2 ? "COMPLAINT" : n % 6 == 5 ? "PROBLEM" : "NONE";
                v.put("feedbackType", type);
                if (!"NONE".equals(type)) {
                    v.put("feedbackUrgency", "NORMAL");
                    v.put("feedbackText", "COMPLAINT".equals(type) ? COMPLAINTS[n % COMPLAINTS.length] : PROBLEMS[n % PROBLEMS.length]);
                } else {
                    v.put("notes", PRAISE[n % PRAISE.length]);
                }
                boolean lead = "NONE".equals(type) && n % 8 == 3;
                v.put("purchaseIntent", lead);
                if (lead) {
                    type = "SALES_LEAD";
                }
                FollowUpView[] f = new FollowUpView[1];
                int number = n;
                EngineClock.runAt(at, () -> {
                    f[0] = followUps.start(c.id(), scenario);
                    call(f[0], agent, v);
                });
                String item = type;
                if (!"NONE".equals(item)) {
                    handleHistoricItem(f[0], item, agent, at, number, daysAgo <= 2);
                }
            }
        }
        return n;
    }

    /**
     * Responds (every third late; some problems solved on that first contact), resolves, re-visits (some reopened once)
     * and closes the call's item; a sales lead is converted and closed without re-visit; recent ones stay open.
     */
    private void handleHistoricItem(FollowUpView f, String type, String agent, Instant at, int n, boolean recent) {
        String owner = switch (type) {
            case "COMPLAINT" -> "supervisor1";
            case "SALES_LEAD" -> "sales1";
            default -> "tech1";
        };
        String pi = f.processInstanceId();
        Instant responded = at.plus(n % 3 == 0 ? Duration.ofDays(3) : Duration.ofHours(2));
        boolean firstContact = "PROBLEM".equals(type) && n % 4 == 1;
        EngineClock.runAt(responded, () -> complete(pi, FeedbackService.RESPOND_TASK, owner, "contactMade", true,
                "responsePlan", "已致电客户，预约上门处理", "resolvedOnFirstContact", firstContact && !recent));
        if (recent) {
            return;
        }
        Instant resolved = responded.plus(Duration.ofHours(20));
        if ("SALES_LEAD".equals(type)) {
            EngineClock.runAt(resolved, () -> complete(pi, FeedbackService.RESOLVE_TASK, owner, "handlingOutcome", "CONVERTED",
                    "solution", "客户已下单延保服务", "compensation", "NONE"));
            return;
        }
        if (firstContact) {
            EngineClock.runAt(responded.plus(Duration.ofHours(3)), () -> complete(pi, "Task_ConfirmResolution", agent, "callOutcome", "REACHED",
                    "customerSatisfied", true, "satisfaction", 5));
            return;
        }
        EngineClock.runAt(resolved, () -> complete(pi, FeedbackService.RESOLVE_TASK, owner, "handlingOutcome", "RESOLVED",
                "solution", "已上门处理并更换配件", "compensation", "NONE"));
        boolean reopen = n % 5 == 2;
        EngineClock.runAt(resolved.plus(Duration.ofHours(3)), () -> complete(pi, "Task_ConfirmResolution", agent, "callOutcome", "REACHED",
                "customerSatisfied", !reopen, "satisfaction", reopen ? 2 : 5));
        if (reopen) {
            EngineClock.runAt(resolved.plus(Duration.ofDays(1)), () -> complete(pi, FeedbackService.RESOLVE_TASK, owner, "handlingOutcome",
                    "RESOLVED", "solution", "二次上门，更换整机", "compensation", "COUPON"));
            EngineClock.runAt(resolved.plus(Duration.ofDays(1).plusHours(3)), () -> complete(pi, "Task_ConfirmResolution", agent,
                    "callOutcome", "REACHED", "customerSatisfied", true, "satisfaction", 4));
        }
    }

    /** Demo phones: mainland mobiles, landlines for the customers whose usage follow-ups the demo calls (8, 9, 16, 18, 19). */
    private static String phone(int i) {
        return java.util.Set.of(8, 9, 16, 18, 19).contains(i) ? String.format("010-6688%04d", 1000 + i) : String.format("1380013%04d", 1000 + i);
    }

    /** Sends the follow-up's survey text now (the notification worker polls too: whichever is first) and waits until it is out. */
    private FollowUpView surveyTextSent(FollowUpView f) {
        // outside texting hours (08:00-21:00 Asia/Shanghai) the text waits for the opening: the demo opens it now
        management.createJobQuery().processInstanceId(f.processInstanceId()).activityId("Timer_TextingHoursOpen").list()
                .forEach(job -> management.executeJob(job.getId()));
        for (int i = 0; i < 60; i++) {
            notifications.runOnce(f.number());
            if (surveyAnswers.awaiting(f.id()).isPresent()) {
                return f;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        log.warn("demo: the survey text of {} was not sent within 30 s", f.number());
        return null;
    }

    private FollowUpView start(CustomerView c, Scenario s) {
        return followUps.start(c.id(), s);
    }

    private static Map<String, Object> reached(int satisfaction, int nps, String feedbackType) {
        Map<String, Object> v = new HashMap<>();
        v.put("callOutcome", "REACHED");
        v.put("satisfaction", satisfaction);
        v.put("nps", nps);
        v.put("scoreAttitude", Math.max(1, satisfaction));
        v.put("scoreTimeliness", Math.max(1, satisfaction - 1));
        v.put("issueResolved", satisfaction >= 4);
        v.put("feedbackType", feedbackType);
        return v;
    }

    private void call(FollowUpView f, String agent, Object... keyValues) {
        Map<String, Object> v = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            v.put((String) keyValues[i], keyValues[i + 1]);
        }
        call(f, agent, v);
    }

    private void call(FollowUpView f, String agent, Map<String, Object> vars) {
        complete(f.processInstanceId(), FollowUpService.CALL_TASK, agent, vars);
    }

    private void complete(String processInstanceId, String taskKey, String user, Object... keyValues) {
        Map<String, Object> v = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            v.put((String) keyValues[i], keyValues[i + 1]);
        }
        complete(processInstanceId, taskKey, user, v);
    }

    /** Completes the task of the process (or of its feedback sub-process) as the given user. */
    private void complete(String processInstanceId, String taskKey, String user, Map<String, Object> vars) {
        Task task = findTask(processInstanceId, taskKey);
        tasks.setAssignee(task.getId(), user);
        tasks.complete(task.getId(), vars);
    }

    /**
     * The task, in the process or its feedback sub-processes. A recorded call starts its feedback handling from a
     * job: the demo runs that job itself (or waits for the job executor that took it first).
     */
    private Task findTask(String processInstanceId, String taskKey) {
        for (int attempt = 0; attempt < 50; attempt++) {
            startFeedbackHandling(processInstanceId);
            List<String> instances = new ArrayList<>(List.of(processInstanceId));
            runtime.createProcessInstanceQuery().superProcessInstanceId(processInstanceId).list().forEach(p -> instances.add(p.getId()));
            List<Task> found = tasks.createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new)).taskDefinitionKey(taskKey).list();
            if (!found.isEmpty()) {
                return found.get(0);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("no task " + taskKey + " in " + processInstanceId);
    }

    private void startFeedbackHandling(String processInstanceId) {
        for (Job job : management.createJobQuery().processInstanceId(processInstanceId).activityId(HANDLE_FEEDBACK).list()) {
            try {
                management.executeJob(job.getId());
            } catch (ProcessEngineException e) {
                // the job executor ran it first (or is running it): the next look finds its child
                log.debug("feedback handling job {} not run by the demo: {}", job.getId(), e.getMessage());
            }
        }
    }
}
