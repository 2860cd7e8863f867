package com.careloop.demo;

import com.careloop.review.CallReviews;
import com.careloop.review.ReviewStatus;
import com.careloop.review.ReviewView;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Demo: the call reviews of last week's history calls (the weekly sample, bpmn/callReviewSampling.dmn): exactly one
 * still waiting for a supervisor's 质检回访 Review the call; one scored below the pass mark by supervisor1 and appealed by
 * its agent, now waiting for a cs-manager's 处理申诉 Decide the appeal; the others scored as passed (shown to their
 * agents in GET /api/reviews, no task).
 */
@Component
@ConditionalOnProperty(name = "careloop.demo.enabled", havingValue = "true")
class DemoCallReviews {

    private static final List<String> CRITERIA = List.of("greeting", "consent", "questions", "confirmation", "empathy", "closing", "record");

    private final CallReviews reviews;
    private final RuntimeService runtime;
    private final TaskService tasks;

    DemoCallReviews(CallReviews reviews, RuntimeService runtime, TaskService tasks) {
        this.reviews = reviews;
        this.runtime = runtime;
        this.tasks = tasks;
    }

    /**
     * Samples the calendar week before {@code now}'s, takes one of its reviews to an open appeal, leaves one open and
     * passes the rest; returns how many were sampled.
     */
    int load(Instant now, ZoneId zone) {
        LocalDate lastWeek = now.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        int sampled = reviews.sampleWeek(lastWeek);
        List<ReviewView> open = reviews.find(null, null, null, null, ReviewStatus.OPEN, 500).stream()
                .filter(r -> r.weekFrom().equals(lastWeek)).toList();
        if (open.isEmpty()) {
            return sampled;
        }
        ProcessInstance pi = runtime.createProcessInstanceQuery().processDefinitionKey("callReviewCase")
                .processInstanceBusinessKey(open.get(0).followUpNumber()).singleResult();
        Map<String, Object> scores = new HashMap<>();
        for (String c : CRITERIA) {
            scores.put(c + "Score", "1");
        }
        scores.put("questionsScore", "0");
        scores.put("questionsComment", "未按提纲询问各项评分，直接结束通话");
        scores.put("confirmationComment", "没有复述客户的关键信息");
        complete(pi.getId(), "Task_ReviewCall", "supervisor1", scores);
        complete(pi.getId(), "Task_AcknowledgeReview", open.get(0).agent(),
                Map.of("agentAnswer", "APPEAL", "appealReason", "客户当时赶时间，要求简短结束，已在备注中说明"));
        Map<String, Object> good = new HashMap<>();
        for (String c : CRITERIA) {
            good.put(c + "Score", "2");
        }
        for (ReviewView r : open.subList(Math.min(2, open.size()), open.size())) {
            ProcessInstance passed = runtime.createProcessInstanceQuery().processDefinitionKey("callReviewCase")
                    .processInstanceBusinessKey(r.followUpNumber()).singleResult();
            complete(passed.getId(), "Task_ReviewCall", "supervisor1", good);
        }
        return sampled;
    }

    private void complete(String processInstanceId, String taskKey, String user, Map<String, Object> vars) {
        Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult();
        if (task.getAssignee() == null) {
            tasks.setAssignee(task.getId(), user);
        }
        tasks.complete(task.getId(), vars);
    }
}
