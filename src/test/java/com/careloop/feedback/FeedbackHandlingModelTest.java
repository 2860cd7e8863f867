package com.careloop.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.careloop.testsupport.ModelTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * bpmn/feedbackHandling.bpmn alone on an in-memory engine with the real routing table (bpmn/feedbackRouting.dmn) and
 * parameters (bpmn/serviceParameters.dmn), delegates mocked: every path through the model. The full-application
 * paths (deadlines on the work calendar, mails, the item's status) are in {@link FeedbackHandlingProcessTest}.
 */
@Deployment(resources = {"bpmn/feedbackHandling.bpmn", "bpmn/feedbackRouting.dmn", "bpmn/serviceParameters.dmn"})
class FeedbackHandlingModelTest extends ModelTest {

    @BeforeEach
    void mocks() {
        listener("feedbackTaskContext");
        listener("slaPauseEnds");
        // bpmn/surveyChannel.dmn's answer for a landline: the re-visit by phone (the text paths: survey/RevisitByTextTest)
        mock("decideSurveyChannel", execution -> execution.setVariable("surveyChannel", "PHONE"));
        mock("checkProgressNotice", execution -> execution.setVariable("progressNoticeDue", true));
        // the facts LoadFeedbackFacts puts into the process, from the start variables "type" and "urgency"
        mock("loadFeedbackFacts", execution -> {
            execution.setVariable("feedbackType", execution.getVariable("type"));
            execution.setVariable("feedbackUrgency", execution.getVariable("urgency"));
            execution.setVariable("revisitAgent", null);
            execution.setVariable("revisitGroup", "agents");
            execution.setVariable("reopenCount", 0);
            execution.setVariable("revisitAttempts", 0);
            // items from a follow-up call: routed at once (verification: FeedbackVerificationProcessTest)
            execution.setVariable("verificationRequired", false);
            execution.setVariable("urgent", "URGENT".equals(execution.getVariable("urgency")));
        });
        // ApplyRouting: deadlines from the routing row (wall-clock here; the work calendar is tested elsewhere)
        mock("applyRouting", execution -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> routing = (Map<String, Object>) execution.getVariable("routing");
            assertThat(routing).as("feedbackRouting gave a row").isNotNull();
            Instant now = Instant.now();
            execution.setVariable("candidateGroup", routing.get("candidateGroup"));
            execution.setVariable("responseDue", Date.from(now.plus(Duration.ofHours(2))));
            execution.setVariable("responseReminderAt", Date.from(now.plus(Duration.ofMinutes(96))));
            execution.setVariable("resolutionDue", Date.from(now.plus(Duration.ofHours(24))));
            execution.setVariable("resolutionReminderAt", Date.from(now.plus(Duration.ofMinutes(1152))));
            execution.setVariable("progressNoticeAt", Date.from(now.plus(Duration.ofHours(20))));
            execution.setVariable("revisitRequired", routing.get("revisitRequired"));
            execution.setVariable("urgent", "URGENT".equals(execution.getVariable("feedbackUrgency")));
        });
        mock("escalateOverdue");
        mock("recordResponse", execution -> {
            if (Boolean.TRUE.equals(execution.getVariable("resolvedOnFirstContact"))) {
                execution.setVariable("confirmDue", new Date());
            }
        });
        mock("recordResolution", execution -> execution.setVariable("confirmDue", new Date()));
        mock("recordConfirmation", execution -> {
            execution.setVariable("revisitAttempts", ((Number) execution.getVariable("revisitAttempts")).intValue() + 1);
            execution.setVariable("customerSatisfied",
                    "REACHED".equals(execution.getVariable("callOutcome")) && Boolean.TRUE.equals(execution.getVariable("customerSatisfied")));
            execution.setVariable("retryAt", new Date());
        });
        mock("reopenFeedback", execution -> {
            execution.setVariable("reopenCount", ((Number) execution.getVariable("reopenCount")).intValue() + 1);
            execution.setVariable("revisitAttempts", 0);
            // items from a follow-up call: routed at once (verification: FeedbackVerificationProcessTest)
            execution.setVariable("verificationRequired", false);
            execution.setVariable("urgent", "URGENT".equals(execution.getVariable("urgency")));
        });
        mock("recordManagerReview");
        mock("markManagerReview");
        mock("closeFeedback");
    }

    ProcessInstance start(FeedbackType type, Urgency urgency) {
        return engine().getRuntimeService().startProcessInstanceByKey("feedbackHandling",
                Variables.createVariables().putValue("type", type.name()).putValue("urgency", urgency.name()));
    }

    void respond(ProcessInstance pi, boolean resolvedOnFirstContact) {
        complete(pi.getId(), "Task_RespondToCustomer", Variables.createVariables()
                .putValue("resolvedOnFirstContact", resolvedOnFirstContact));
    }

    void resolve(ProcessInstance pi) {
        complete(pi.getId(), "Task_ResolveFeedback", Variables.createVariables());
    }

    void revisit(ProcessInstance pi, String outcome, boolean satisfied) {
        assertThat(pi).isWaitingAt("Task_ConfirmResolution");
        complete(pi.getId(), "Task_ConfirmResolution", Variables.createVariables().putValue("callOutcome", outcome)
                .putValue("customerSatisfied", satisfied));
    }

    @Test
    void everyTypeAndUrgencyIsRoutedToAGroupThatGetsTheResponseTask() {
        for (FeedbackType type : FeedbackType.values()) {
            for (Urgency urgency : Urgency.values()) {
                ProcessInstance pi = start(type, urgency);
                assertThat(pi).as(type + "/" + urgency).isWaitingAt("Task_RespondToCustomer");
                assertThat(task(pi.getId(), "Task_RespondToCustomer").getDueDate()).isNotNull();
                assertThat(engine().getTaskService().getIdentityLinksForTask(task(pi.getId(), "Task_RespondToCustomer").getId()))
                        .as(type + "/" + urgency + " candidate group").isNotEmpty();
            }
        }
    }

    @Test
    void urgentComplaintNotifiesRemindsEscalatesAndClosesAfterASatisfiedRevisit() {
        ProcessInstance pi = start(FeedbackType.COMPLAINT, Urgency.URGENT);
        assertThat(pi).isWaitingAt("Task_RespondToCustomer", "Task_NotifyUrgentAssignment");
        sendNotification(pi.getId(), "Task_NotifyUrgentAssignment");
        assertThat(pi).hasPassed("EndEvent_UrgentNotified");

        executeJob(pi.getId(), "Timer_ResponseSlaReminder");
        sendNotification(pi.getId(), "Task_SendResponseReminder");
        executeJob(pi.getId(), "Timer_ResponseSlaBreached");
        sendNotification(pi.getId(), "Task_NotifyResponseEscalation");
        assertThat(pi).hasPassed("EndEvent_ResponseReminderSent", "Task_EscalateResponse", "EndEvent_ResponseEscalated")
                .isWaitingAt("Task_RespondToCustomer");

        respond(pi, false);
        assertThat(pi).isWaitingAt("Task_ResolveFeedback");
        executeJob(pi.getId(), "Timer_ResolutionSlaReminder");
        sendNotification(pi.getId(), "Task_SendResolutionReminder");
        executeJob(pi.getId(), "Timer_ResolutionSlaBreached");
        sendNotification(pi.getId(), "Task_NotifyResolutionEscalation");
        assertThat(pi).hasPassed("EndEvent_ResolutionReminderSent", "Task_EscalateResolution", "EndEvent_ResolutionEscalated")
                .isWaitingAt("Task_ResolveFeedback");

        resolve(pi);
        revisit(pi, "REACHED", true);
        assertThat(pi).isEnded().hasPassedInOrder("Task_RecordResolution", "Gateway_RevisitRequired", "Task_RecordConfirmation",
                "Task_CloseFeedback", "EndEvent_FeedbackClosed");
        assertThat(calls).containsSubsequence("escalateOverdue", "recordResponse", "escalateOverdue", "recordResolution",
                "recordConfirmation", "closeFeedback");
    }

    @Test
    void aSuggestionResolvedOnFirstContactNeedsNoRevisit() {
        ProcessInstance pi = start(FeedbackType.SUGGESTION, Urgency.NORMAL);
        assertThat(pi).hasPassed("EndEvent_NoUrgentNotice");
        respond(pi, true);
        assertThat(pi).isEnded().hasPassed("Gateway_MergeResolved", "Task_CloseFeedback")
                .hasNotPassed("Task_ResolveFeedback", "Task_ConfirmResolution");
    }

    @Test
    void anUnreachableCustomerIsCalledUpToTheDesignersLimitThenTheItemCloses() {
        int max = parameters.maxRevisitAttempts();
        ProcessInstance pi = start(FeedbackType.PROBLEM, Urgency.LOW);
        respond(pi, true);
        for (int attempt = 1; attempt < max; attempt++) {
            revisit(pi, "NO_ANSWER", false);
            assertThat(pi).isWaitingAt("Timer_RevisitRetryDue");
            executeJob(pi.getId(), "Timer_RevisitRetryDue");
        }
        revisit(pi, "NO_ANSWER", false);
        assertThat(pi).isEnded().hasPassed("Task_CloseFeedback");
        assertThat(calls.stream().filter("recordConfirmation"::equals)).hasSize(max);
    }

    @Test
    void notSatisfiedReopensOnceThenGoesToTheManager() {
        ProcessInstance pi = start(FeedbackType.COMPLAINT, Urgency.NORMAL);
        respond(pi, false);
        resolve(pi);
        revisit(pi, "REACHED", false);
        assertThat(pi).hasPassed("Task_ReopenFeedback").isWaitingAt("Task_ResolveFeedback");
        resolve(pi);
        revisit(pi, "REACHED", false);
        assertThat(pi).isWaitingAt("Task_ManagerReview").task().hasCandidateGroup("cs-managers");
        complete(pi.getId(), "Task_ManagerReview", Variables.createVariables());
        assertThat(pi).isEnded().hasPassedInOrder("Task_ManagerReview", "Task_RecordManagerReview", "Task_CloseFeedback");
        assertThat(calls.stream().filter("reopenFeedback"::equals)).hasSize(1);
    }
}
