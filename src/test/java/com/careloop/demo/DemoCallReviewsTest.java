package com.careloop.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerService;
import com.careloop.followup.FollowUpService;
import com.careloop.followup.FollowUpView;
import com.careloop.followup.Scenario;
import com.careloop.review.CallReviews;
import com.careloop.review.ReviewStatus;
import com.careloop.review.ReviewView;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo's call reviews (issue 15), on calls of a week of their own: last week's calls are sampled, one review is
 * scored below the pass mark and appealed by its agent — waiting for a cs-manager —, exactly one stays open and the
 * others are passed.
 */
class DemoCallReviewsTest extends CareLoopTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired ProcessEngine engine;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;
    @Autowired CallReviews reviews;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void oneOpenReviewAndOneAppeal() {
        LocalDate week = LocalDate.of(2046, 1, 1).with(java.time.DayOfWeek.MONDAY).plusWeeks(ThreadLocalRandom.current().nextInt(0, 1500));
        List<String> agents = List.of("demo-agent-" + UUID.randomUUID().toString().substring(0, 6),
                "demo-agent-" + UUID.randomUUID().toString().substring(0, 6));
        ClockUtil.setCurrentTime(Date.from(week.plusDays(2).atTime(10, 0).atZone(ZONE).toInstant()));
        Fixtures fx = new Fixtures(engine, customers, followUps);
        for (String agent : agents) {
            identity.saveUser(identity.newUser(agent));
            identity.createMembership(agent, "agents");
            for (int i = 0; i < 2; i++) {
                FollowUpView f = fx.followUp(fx.customer(), Scenario.USAGE);
                Task call = fx.task(f.processInstanceId(), FollowUpService.CALL_TASK);
                tasks.setAssignee(call.getId(), agent);
                fx.complete(call, "callOutcome", "REACHED", "satisfaction", 5, "nps", 9, "feedbackType", "NONE");
            }
        }
        ClockUtil.setCurrentTime(Date.from(week.plusDays(8).atTime(9, 0).atZone(ZONE).toInstant()));
        int sampled = new DemoCallReviews(reviews, runtime, tasks).load(ClockUtil.getCurrentTime().toInstant(), ZONE);
        assertThat(sampled).isEqualTo(4);
        List<ReviewView> ours = agents.stream().flatMap(a -> reviews.find(a, null, null, null, null, 10).stream()).toList();
        assertThat(ours).extracting(ReviewView::status).containsExactlyInAnyOrder(ReviewStatus.OPEN, ReviewStatus.APPEALED,
                ReviewStatus.PASSED, ReviewStatus.PASSED);
        ReviewView appealed = ours.stream().filter(r -> r.status() == ReviewStatus.APPEALED).findFirst().orElseThrow();
        assertThat(appealed.passed()).isFalse();
        assertThat(tasks.createTaskQuery().processDefinitionKey("callReviewCase").processInstanceBusinessKey(appealed.followUpNumber())
                .taskDefinitionKey("Task_DecideAppeal").count()).isEqualTo(1);
        assertThat(tasks.createTaskQuery().processDefinitionKey("callReviewCase").taskDefinitionKey("Task_ReviewCall")
                .processInstanceBusinessKeyIn(ours.stream().map(ReviewView::followUpNumber).toArray(String[]::new)).count())
                .as("exactly one review open").isEqualTo(1);
    }
}
