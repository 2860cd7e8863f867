package com.careloop.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.careloop.followup.FollowUpView;
import com.careloop.identity.CareLoopGroups;
import com.careloop.notification.NotificationWorker;
import java.time.Duration;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;

/**
 * bpmn/callReview.bpmn and bpmn/callReviewCase.bpmn on PostgreSQL: the Monday run samples the previous week per
 * bpmn/callReviewSampling.dmn (and waits for a working day), never the same call twice (a unique constraint); a
 * supervisor scores the call — passed, failed → acknowledged, failed → appealed → upheld / amended, a critical 0,
 * no answer in time; the review task is reminded and escalated; a 0 without a comment changes nothing.
 */
class CallReviewProcessTest extends ReviewTestSupport {

    @Autowired NotificationWorker notifications;
    @Autowired ReviewStore store;
    @Autowired CaseReviews caseReviews;

    /** One call of a fresh agent, sampled (an agent with one call has it reviewed): its callReviewCase. */
    ProcessInstance sampledCall(String agent, FollowUpView[] out) {
        FollowUpView f = reachedCall(agent, 5, 10);
        assertThat(reviews.sampleWeek(week)).isEqualTo(1);
        out[0] = f;
        return caseOf(f);
    }

    void reviewAs(String supervisor, ProcessInstance pi, Map<String, Object> fields) throws Exception {
        Task t = task(pi.getId(), ReviewVariables.TASK_REVIEW);
        assertThat(claim(supervisor, t).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(submit(supervisor, t, fields).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void theMondayRunSamplesThePreviousWeekOnceAndOpensTheTeamsCaseReview() throws Exception {
        String agent = user("qa-agent-", CareLoopGroups.AGENTS);
        String other = user("qa-agent-", CareLoopGroups.AGENTS);
        for (int i = 0; i < 3; i++) {
            reachedCall(agent, 5, 10);
        }
        FollowUpView low = reachedCall(agent, 2, 9);
        FollowUpView detractor = reachedCall(other, 4, 4);
        // Monday 09:00 of the next week, a working day: the run goes on at once
        at(week.plusWeeks(1), LocalTime.of(9, 0));
        Job timer = management.createJobQuery().processDefinitionKey(ReviewVariables.WEEKLY_PROCESS).activityId("StartEvent_WeeklyRun").singleResult();
        assertThat(timer).as("the Monday timer of callReview").isNotNull();
        management.executeJob(timer.getId());
        ProcessInstance run = runtime.createProcessInstanceQuery().processDefinitionKey(ReviewVariables.WEEKLY_PROCESS)
                .processInstanceBusinessKey("CR " + week).singleResult();
        String runId = run.getId();
        assertThat(passed(runId, "Task_SampleCalls")).isEqualTo(1);
        assertThat(run).isWaitingAt("Task_PrepareCaseReview");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(runId).variableName(ReviewVariables.SAMPLED)
                .singleResult().getValue()).as("the agent's low-satisfaction call + 2 of 4 at random; the other's detractor call")
                .isEqualTo(2 + 1 + 1);
        List<ReviewView> sampled = reviews.find(agent, null, null, null, null, 100);
        assertThat(sampled).hasSize(3).allSatisfy(r -> assertThat(r.status()).isEqualTo(ReviewStatus.OPEN));
        assertThat(sampled).filteredOn(r -> r.followUpNumber().equals(low.number())).singleElement()
                .satisfies(r -> assertThat(r.sampleReason()).isEqualTo("LOW_SATISFACTION"));
        assertThat(reviews.find(other, null, null, null, null, 100)).singleElement()
                .satisfies(r -> assertThat(r.followUpNumber()).isEqualTo(detractor.number()))
                .satisfies(r -> assertThat(r.sampleReason()).isEqualTo("LOW_NPS"))
                .satisfies(r -> assertThat(r.team()).isEqualTo(CareLoopGroups.AGENTS));
        // run again: nothing new, the same call is never sampled twice
        assertThat(reviews.sampleWeek(week)).isZero();
        assertThat(reviews.find(agent, null, null, null, null, 100)).hasSize(3);
        ReviewView one = sampled.get(0);
        ProcessInstance pi = caseOf(one.followUpNumber());
        assertThat(pi).isWaitingAt(ReviewVariables.TASK_REVIEW);
        assertThat(task(pi.getId(), ReviewVariables.TASK_REVIEW)).hasCandidateGroup(CareLoopGroups.CS_SUPERVISORS);

        // the case review of team agents: the 3 best (the satisfied promoters) and the worst of the rest, worst first
        Task meeting = tasks.createTaskQuery().processInstanceId(runId).taskDefinitionKey("Task_PrepareCaseReview").singleResult();
        assertThat(meeting).hasCandidateGroup(CareLoopGroups.CS_SUPERVISORS);
        long caseReviewId = Long.parseLong(String.valueOf(tasks.getVariable(meeting.getId(), "caseReviewId")));
        CaseReviewView cases = caseReviews.get(caseReviewId);
        assertThat(cases.team()).isEqualTo(CareLoopGroups.AGENTS);
        assertThat(cases.cases()).filteredOn(c -> c.kind().equals("BEST")).hasSize(3)
                .allSatisfy(c -> assertThat(c.caseScore()).isEqualTo(100.0));
        assertThat(cases.cases()).filteredOn(c -> c.kind().equals("WORST")).extracting(CaseReviewView.Case::followUpNumber)
                .containsExactly(detractor.number(), low.number());
        assertThat(tasks.getVariableLocal(meeting.getId(), "caseList").toString()).contains(detractor.number());
        assertThat(caseReviews.open(week)).as("one case review per team and week").isEmpty();
        assertThat(claim("supervisor1", meeting).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(submit("supervisor1", meeting, Map.of("caseConclusions", " ")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(submit("supervisor1", meeting, Map.of("caseConclusions", "复述确认要加强 read back the key facts"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(run).isEnded().hasPassed("EndEvent_CaseReviewsDone");
        CaseReviewView closed = caseReviews.get(caseReviewId);
        assertThat(closed.status()).isEqualTo("CLOSED");
        assertThat(closed.conclusions()).isEqualTo("复述确认要加强 read back the key facts");
        assertThat(closed.closedBy()).isEqualTo("supervisor1");
    }

    @Test
    void aMondayOffWaitsForTheNextWorkingDay() {
        String agent = user("qa-agent-", CareLoopGroups.AGENTS);
        FollowUpView f = reachedCall(agent, 5, 10);
        // the run starts on the Sunday after the next week (a day off): it waits for Monday at the same time
        at(week.plusDays(13), LocalTime.of(9, 0));
        Job timer = management.createJobQuery().processDefinitionKey(ReviewVariables.WEEKLY_PROCESS).activityId("StartEvent_WeeklyRun").singleResult();
        management.executeJob(timer.getId());
        ProcessInstance run = runtime.createProcessInstanceQuery().processDefinitionKey(ReviewVariables.WEEKLY_PROCESS)
                .processInstanceBusinessKey("CR " + week).singleResult();
        assertThat(run).as("the sampled week is the calendar week before the run's").isWaitingAt("Timer_NextWorkingDay");
        Job wait = management.createJobQuery().processInstanceId(run.getId()).activityId("Timer_NextWorkingDay").singleResult();
        assertThat(wait.getDuedate().toInstant()).isEqualTo(week.plusDays(14).atTime(9, 0).atZone(ZONE).toInstant());
        assertThat(reviews.find(agent, null, null, null, null, 100)).as("nothing sampled while waiting").isEmpty();
        at(week.plusDays(14), LocalTime.of(9, 0));
        management.executeJob(wait.getId());
        assertThat(reviews.find(agent, null, null, null, null, 100)).singleElement()
                .satisfies(r -> assertThat(r.followUpNumber()).isEqualTo(f.number()));
        Task meeting = tasks.createTaskQuery().processInstanceId(run.getId()).taskDefinitionKey("Task_PrepareCaseReview").singleResult();
        tasks.setAssignee(meeting.getId(), "supervisor1");
        tasks.complete(meeting.getId(), Map.of("caseConclusions", "无 none"));
        assertThat(run).isEnded();
    }

    @Test
    void aWeekWithoutCallsHasNoCaseReview() {
        // this test's week has no call at all
        at(week.plusWeeks(1), LocalTime.of(9, 0));
        Job timer = management.createJobQuery().processDefinitionKey(ReviewVariables.WEEKLY_PROCESS).activityId("StartEvent_WeeklyRun").singleResult();
        management.executeJob(timer.getId());
        String run = history.createHistoricProcessInstanceQuery().processDefinitionKey(ReviewVariables.WEEKLY_PROCESS)
                .processInstanceBusinessKey("CR " + week).singleResult().getId();
        assertThat(passed(run, "EndEvent_NoCases")).isEqualTo(1);
    }

    @Test
    void theSameCallCannotBeReviewedTwiceEvenAroundTheService() {
        String agent = user("qa-agent-", CareLoopGroups.AGENTS);
        FollowUpView[] f = new FollowUpView[1];
        sampledCall(agent, f);
        Sample again = new Sample(new com.careloop.followup.ReachedCalls.ReachedCall(f[0].id(), f[0].number(), agent,
                f[0].scenario(), now(), 5, 10, false, true), Sample.RANDOM);
        assertThatThrownBy(() -> store.insert(again, CareLoopGroups.AGENTS, week, now()))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void aPassedReviewEndsAndTheAgentSeesIt() throws Exception {
        String agent = user("qa-agent-", CareLoopGroups.AGENTS);
        FollowUpView[] f = new FollowUpView[1];
        ProcessInstance pi = sampledCall(agent, f);
        Task t = task(pi.getId(), ReviewVariables.TASK_REVIEW);
        assertThat(tasks.getVariableLocal(t.getId(), ReviewVariables.CALL_RECORD).toString()).contains(f[0].number()).contains("NPS 10");
        reviewAs("supervisor1", pi, scores(2));
        assertThat(pi).isEnded().hasPassed("EndEvent_ReviewPassed");
        ReviewView r = reviewOf(f[0]);
        assertThat(r.status()).isEqualTo(ReviewStatus.PASSED);
        assertThat(r.scorePercent()).isEqualTo(100.0);
        assertThat(r.reviewer()).isEqualTo("supervisor1");
        assertThat(r.scores()).hasSize(7).allSatisfy(s -> assertThat(s.score()).isEqualTo(2));
        assertThat(tasks.createTaskQuery().taskAssignee(agent).count()).as("no task for a passed review").isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName("greetingComment").count())
                .as("comments never in history").isZero();
    }

    @Test
    void aFailedReviewIsAcknowledgedByTheAgent() throws Exception {
        String agent = user("qa-agent-", CareLoopGroups.AGENTS);
        FollowUpView[] f = new FollowUpView[1];
        ProcessInstance pi = sampledCall(agent, f);
        reviewAs("supervisor1", pi, scores(1));
        assertThat(pi).isWaitingAt(ReviewVariables.TASK_ACKNOWLEDGE);
        Task ack = task(pi.getId(), ReviewVariables.TASK_ACKNOWLEDGE);
        assertThat(ack).isAssignedTo(agent);
        assertThat(ack.getDueDate()).isAfter(java.util.Date.from(now().plus(Duration.ofDays(2))));
        assertThat(tasks.getVariableLocal(ack.getId(), ReviewVariables.REVIEW_SUMMARY).toString()).contains("50.0 %").contains("评语 comment greeting");
        assertThat(reviewOf(f[0]).status()).isEqualTo(ReviewStatus.FAILED);
        assertThat(submit(agent, ack, Map.of(ReviewVariables.AGENT_ANSWER, "ACKNOWLEDGE")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(pi).isEnded().hasPassed("EndEvent_ReviewAcknowledged");
        assertThat(reviewOf(f[0]).status()).isEqualTo(ReviewStatus.ACKNOWLEDGED);
    }

    @Test
    void anAppealWithoutAReasonIsRefusedThenUpheld() throws Exception {
        String agent = user("qa-agent-", CareLoopGroups.AGENTS);
        FollowUpView[] f = new FollowUpView[1];
        ProcessInstance pi = sampledCall(agent, f);
        reviewAs("supervisor1", pi, scores(1));
        Task ack = task(pi.getId(), ReviewVariables.TASK_ACKNOWLEDGE);
        assertThat(submit(agent, ack, Map.of(ReviewVariables.AGENT_ANSWER, "APPEAL")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(pi).isWaitingAt(ReviewVariables.TASK_ACKNOWLEDGE);
        assertThat(submit(agent, ack, Map.of(ReviewVariables.AGENT_ANSWER, "APPEAL", ReviewVariables.APPEAL_REASON, "客户信号差 bad line"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(pi).isWaitingAt(ReviewVariables.TASK_DECIDE);
        Task decide = task(pi.getId(), ReviewVariables.TASK_DECIDE);
        assertThat(decide).hasCandidateGroup(CareLoopGroups.CS_MANAGERS);
        assertThat(reviewOf(f[0]).status()).isEqualTo(ReviewStatus.APPEALED);
        assertThat(claim("manager1", decide).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(submit("manager1", decide, Map.of(ReviewVariables.APPEAL_DECISION, "UPHOLD", ReviewVariables.DECISION_REASON, "评分合理 fair"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(pi).isEnded().hasPassed("EndEvent_AppealDecided");
        ReviewView r = reviewOf(f[0]);
        assertThat(r.status()).isEqualTo(ReviewStatus.UPHELD);
        assertThat(r.scorePercent()).isEqualTo(50.0);
        assertThat(r.decidedBy()).isEqualTo("manager1");
        assertThat(r.agentReason()).isEqualTo("客户信号差 bad line");
    }

    @Test
    void anAppealIsAmendedWithNewScores() throws Exception {
        String agent = user("qa-agent-", CareLoopGroups.AGENTS);
        FollowUpView[] f = new FollowUpView[1];
        ProcessInstance pi = sampledCall(agent, f);
        reviewAs("supervisor1", pi, scores(1));
        Task ack = task(pi.getId(), ReviewVariables.TASK_ACKNOWLEDGE);
        submit(agent, ack, Map.of(ReviewVariables.AGENT_ANSWER, "APPEAL", ReviewVariables.APPEAL_REASON, "已按提纲 followed the outline"));
        Task decide = task(pi.getId(), ReviewVariables.TASK_DECIDE);
        claim("manager1", decide);
        Map<String, Object> amend = new HashMap<>(scores(2));
        amend.put(ReviewVariables.APPEAL_DECISION, "AMEND");
        amend.put(ReviewVariables.DECISION_REASON, "录音显示已做到 the recording shows it");
        assertThat(submit("manager1", decide, amend).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(pi).isEnded().hasPassed("EndEvent_AppealDecided");
        ReviewView r = reviewOf(f[0]);
        assertThat(r.status()).isEqualTo(ReviewStatus.AMENDED);
        assertThat(r.scorePercent()).isEqualTo(100.0);
        assertThat(r.originalPercent()).isEqualTo(50.0);
        assertThat(r.passed()).isTrue();
    }

    @Test
    void aCriticalZeroFailsAHighTotal() throws Exception {
        String agent = user("qa-agent-", CareLoopGroups.AGENTS);
        FollowUpView[] f = new FollowUpView[1];
        ProcessInstance pi = sampledCall(agent, f);
        Map<String, Object> fields = new HashMap<>(scores(2));
        fields.put("consentScore", "0");
        fields.remove("consentComment");
        Task t = task(pi.getId(), ReviewVariables.TASK_REVIEW);
        claim("supervisor1", t);
        assertThat(submit("supervisor1", t, fields).getStatusCode()).as("a 0 needs a comment").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(pi).isWaitingAt(ReviewVariables.TASK_REVIEW);
        assertThat(reviewOf(f[0]).status()).as("nothing written").isEqualTo(ReviewStatus.OPEN);
        fields.put("consentComment", "未征得同意 no consent asked");
        assertThat(submit("supervisor1", t, fields).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        ReviewView r = reviewOf(f[0]);
        assertThat(r.scorePercent()).isGreaterThanOrEqualTo(80.0);
        assertThat(r.criticalFailed()).isTrue();
        assertThat(r.status()).isEqualTo(ReviewStatus.FAILED);
        assertThat(pi).isWaitingAt(ReviewVariables.TASK_ACKNOWLEDGE);
    }

    @Test
    void noAnswerInTimeCountsAsAcknowledged() throws Exception {
        String agent = user("qa-agent-", CareLoopGroups.AGENTS);
        FollowUpView[] f = new FollowUpView[1];
        ProcessInstance pi = sampledCall(agent, f);
        reviewAs("supervisor1", pi, scores(0));
        executeJob(pi.getId(), "Timer_AcknowledgeDue");
        assertThat(pi).isEnded().hasPassed("Task_CountAsAcknowledged", "EndEvent_AcknowledgedByDefault");
        assertThat(reviewOf(f[0]).status()).isEqualTo(ReviewStatus.ACKNOWLEDGED);
    }

    @Test
    void theReviewIsRemindedThenEscalatedToTheManagers() {
        String agent = user("qa-agent-", CareLoopGroups.AGENTS);
        FollowUpView[] f = new FollowUpView[1];
        ProcessInstance pi = sampledCall(agent, f);
        Task t = task(pi.getId(), ReviewVariables.TASK_REVIEW);
        assertThat(t.getDueDate()).isAfter(java.util.Date.from(now()));
        executeJob(pi.getId(), "Timer_ReviewReminder");
        assertThat(notifications.runOnce(f[0].number())).isEqualTo(1);
        assertThat(pi).hasPassed("EndEvent_ReviewReminded");
        executeJob(pi.getId(), "Timer_ReviewOverdue");
        assertThat(tasks.getIdentityLinksForTask(t.getId())).extracting(IdentityLink::getGroupId).contains(CareLoopGroups.CS_MANAGERS);
        assertThat(notifications.runOnce(f[0].number())).isEqualTo(1);
        assertThat(pi).hasPassed("EndEvent_ReviewEscalated").isWaitingAt(ReviewVariables.TASK_REVIEW);
    }

    @Test
    void anOpenAppealIsDueInWorkingDaysRemindedThenEscalated() throws Exception {
        String agent = user("qa-agent-", CareLoopGroups.AGENTS);
        FollowUpView[] f = new FollowUpView[1];
        ProcessInstance pi = sampledCall(agent, f);
        reviewAs("supervisor1", pi, scores(1));
        Task ack = task(pi.getId(), ReviewVariables.TASK_ACKNOWLEDGE);
        submit(agent, ack, Map.of(ReviewVariables.AGENT_ANSWER, "APPEAL", ReviewVariables.APPEAL_REASON, "线路差 bad line"));
        Task decide = task(pi.getId(), ReviewVariables.TASK_DECIDE);
        assertThat(decide.getDueDate()).isAfter(java.util.Date.from(now()));
        java.util.Date reminderAt = (java.util.Date) runtime.getVariable(pi.getId(), ReviewVariables.APPEAL_REMINDER_AT);
        assertThat(reminderAt).isAfter(java.util.Date.from(now())).isBefore(decide.getDueDate());
        int before = decide.getPriority();
        executeJob(pi.getId(), "Timer_AppealReminder");
        assertThat(notifications.runOnce(f[0].number())).isEqualTo(1);
        assertThat(pi).hasPassed("EndEvent_AppealReminded").isWaitingAt(ReviewVariables.TASK_DECIDE);
        executeJob(pi.getId(), "Timer_AppealOverdue");
        assertThat(notifications.runOnce(f[0].number())).isEqualTo(1);
        Task escalated = task(pi.getId(), ReviewVariables.TASK_DECIDE);
        assertThat(escalated.getPriority()).isGreaterThan(before);
        assertThat(escalated).hasCandidateGroup(CareLoopGroups.CS_MANAGERS);
        assertThat(pi).hasPassed("Task_EscalateAppeal", "EndEvent_AppealEscalated").isWaitingAt(ReviewVariables.TASK_DECIDE);
        assertThat(reviewOf(f[0]).status()).isEqualTo(ReviewStatus.APPEALED);
    }

    @Test
    void theCaseReviewsConclusionsStartAnImprovementAction() throws Exception {
        String agent = user("qa-agent-", CareLoopGroups.AGENTS);
        String lead = user("qa-sup-", CareLoopGroups.CS_SUPERVISORS);
        reachedCall(agent, 2, 3);
        at(week.plusWeeks(1), LocalTime.of(9, 0));
        Job timer = management.createJobQuery().processDefinitionKey(ReviewVariables.WEEKLY_PROCESS).activityId("StartEvent_WeeklyRun").singleResult();
        management.executeJob(timer.getId());
        ProcessInstance run = runtime.createProcessInstanceQuery().processDefinitionKey(ReviewVariables.WEEKLY_PROCESS)
                .processInstanceBusinessKey("CR " + week).singleResult();
        Task meeting = tasks.createTaskQuery().processInstanceId(run.getId()).taskDefinitionKey("Task_PrepareCaseReview").singleResult();
        long caseReviewId = Long.parseLong(String.valueOf(tasks.getVariable(meeting.getId(), "caseReviewId")));
        assertThat(claim(lead, meeting).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        Map<String, Object> fields = new HashMap<>();
        fields.put("caseConclusions", "复述确认不足 key facts not read back");
        fields.put("caseImprovement", true);
        fields.put("problem", "复述确认不足 key facts not read back");
        fields.put("rootCause", "PEOPLE");
        fields.put("measure", "复述确认专项培训 a training on reading back");
        fields.put("ownerTeam", CareLoopGroups.CS_SUPERVISORS);
        fields.put("targetMetric", "csat");
        fields.put("targetDelta", 5);
        fields.put("verificationCycles", "1");
        // the improvement's own checks (no deadline) refuse the whole completion: nothing written
        assertThat(submit(lead, meeting, fields).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(run).isWaitingAt("Task_PrepareCaseReview");
        assertThat(caseReviews.get(caseReviewId).status()).isNotEqualTo("CLOSED");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("improvementAction").variableValueEquals("startedBy", lead).count())
                .isZero();
        fields.put("deadline", week.plusWeeks(4).toString());
        assertThat(submit(lead, meeting, fields).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(run).isEnded();
        assertThat(caseReviews.get(caseReviewId).status()).isEqualTo("CLOSED");
        ProcessInstance action = runtime.createProcessInstanceQuery().processDefinitionKey("improvementAction")
                .variableValueEquals("startedBy", lead).singleResult();
        assertThat(action).as("the improvement action of the case review").isNotNull();
        assertThat(action.getBusinessKey()).isNotBlank();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(run.getId()).variableName("problem").count())
                .as("the improvement's fields left the run").isZero();
    }

    @Test
    void aCaseReviewWithoutImprovementStartsNone() throws Exception {
        String agent = user("qa-agent-", CareLoopGroups.AGENTS);
        String lead = user("qa-sup-", CareLoopGroups.CS_SUPERVISORS);
        reachedCall(agent, 5, 10);
        at(week.plusWeeks(1), LocalTime.of(9, 0));
        Job timer = management.createJobQuery().processDefinitionKey(ReviewVariables.WEEKLY_PROCESS).activityId("StartEvent_WeeklyRun").singleResult();
        management.executeJob(timer.getId());
        ProcessInstance run = runtime.createProcessInstanceQuery().processDefinitionKey(ReviewVariables.WEEKLY_PROCESS)
                .processInstanceBusinessKey("CR " + week).singleResult();
        Task meeting = tasks.createTaskQuery().processInstanceId(run.getId()).taskDefinitionKey("Task_PrepareCaseReview").singleResult();
        claim(lead, meeting);
        assertThat(submit(lead, meeting, Map.of("caseConclusions", "一切正常 all fine", "caseImprovement", false)).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(run).isEnded();
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("improvementAction").variableValueEquals("startedBy", lead).count())
                .isZero();
    }
}
