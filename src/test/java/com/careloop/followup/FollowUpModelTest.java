package com.careloop.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.careloop.testsupport.ModelTest;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * bpmn/followUp.bpmn alone on an in-memory engine, delegates mocked: every path through the model, with the
 * attempt limit the designers set in bpmn/serviceParameters.dmn. The full-application paths are in
 * {@link FollowUpProcessTest}.
 */
@Deployment(resources = {"bpmn/followUp.bpmn", "bpmn/serviceParameters.dmn"})
class FollowUpModelTest extends ModelTest {

    static final String CALL = "Task_CallCustomer";

    @BeforeEach
    void mocks() {
        listener("callTaskContext");
        // bpmn/surveyChannel.dmn's answer for a landline: the phone (the survey paths: survey/SurveyByTextTest)
        mock("decideSurveyChannel", execution -> execution.setVariable("surveyChannel", "PHONE"));
        // what the real RecordCallAttempt leaves for the gateways and timers
        mock("recordCallAttempt", execution -> {
            Integer count = (Integer) execution.getVariable("attemptCount");
            execution.setVariable("attemptCount", count == null ? 1 : count + 1);
            Object reported = execution.getVariable("reported");
            execution.setVariable("feedbackItemIds", reported == null ? new ArrayList<Long>() : reported);
            String outcome = (String) execution.getVariable("callOutcome");
            if (outcome.equals("NO_ANSWER") || outcome.equals("BUSY")) {
                execution.setVariable("retryAt", new Date());
            }
            if (outcome.equals("CALL_BACK_LATER")) {
                execution.setVariable("callbackDue", new Date());
            }
        });
        mock("closeFollowUp");
        mock("flagContactData");
        mock("recordRefusal");
        // the called feedbackHandling, as a stub: only followUp is under test
        stub = engine().getRepositoryService().createDeployment().name("feedbackHandling stub")
                .addModelInstance("feedbackHandling.bpmn", Bpmn.createExecutableProcess("feedbackHandling")
                        .camundaHistoryTimeToLive(1).startEvent().endEvent().done())
                .deploy().getId();
    }

    String stub;

    @AfterEach
    void removeStub() {
        engine().getRepositoryService().deleteDeployment(stub, true);
    }

    ProcessInstance start() {
        return engine().getRuntimeService().startProcessInstanceByKey("followUp", "FU-20260301-000001",
                Variables.createVariables().putValue("callDue", new Date()).putValue("priority", 50)
                        .putValue("assignedAgent", null));
    }

    void call(ProcessInstance pi, String outcome) {
        call(pi, Variables.createVariables().putValue("callOutcome", outcome));
    }

    void call(ProcessInstance pi, VariableMap variables) {
        assertThat(pi).isWaitingAt(CALL);
        complete(pi.getId(), CALL, variables);
    }

    @Test
    void theCallWaitsForTheAgentsWithItsDueDateAndPriority() {
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt(CALL).task().hasCandidateGroup("agents");
        assertThat(task(pi.getId(), CALL).getPriority()).isEqualTo(50);
        assertThat(task(pi.getId(), CALL).getDueDate()).isNotNull();
    }

    @Test
    void reachedWithoutFeedbackCloses() {
        ProcessInstance pi = start();
        call(pi, "REACHED");
        assertThat(pi).isEnded().hasPassedInOrder("Task_RecordCallAttempt", "Gateway_HasFeedback", "Task_CloseFollowUp",
                "EndEvent_FollowUpClosed").hasNotPassed("CallActivity_HandleFeedback");
        assertThat(calls).containsExactly("decideSurveyChannel", "recordCallAttempt", "closeFollowUp");
    }

    @Test
    void reportedIssuesAreEachHandledBeforeTheFollowUpCloses() {
        ProcessInstance pi = start();
        call(pi, Variables.createVariables().putValue("callOutcome", "REACHED").putValue("reported", List.of(11L, 12L)));
        // each item's handling starts in its own job, after the call is recorded
        var management = engine().getManagementService();
        management.createJobQuery().processInstanceId(pi.getId()).activityId("CallActivity_HandleFeedback").list()
                .forEach(job -> management.executeJob(job.getId()));
        assertThat(pi).isEnded().hasPassedInOrder("CallActivity_HandleFeedback", "Task_CloseFollowUp");
        assertThat(engine().getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("feedbackHandling")
                .superProcessInstanceId(pi.getId()).count()).as("one handling per item").isEqualTo(2);
    }

    @Test
    void noAnswerOrBusyIsRetriedUpToTheDesignersLimitThenCloses() {
        int max = parameters.followUpMaxAttempts();
        ProcessInstance pi = start();
        for (int attempt = 1; attempt < max; attempt++) {
            call(pi, attempt % 2 == 0 ? "BUSY" : "NO_ANSWER");
            assertThat(pi).isWaitingAt("Timer_RetryDue");
            executeJob(pi.getId(), "Timer_RetryDue");
        }
        call(pi, "NO_ANSWER");
        assertThat(pi).isEnded().hasPassed("Gateway_AttemptsLeft", "Task_CloseFollowUp");
        assertThat(calls.stream().filter("recordCallAttempt"::equals)).hasSize(max);
    }

    @Test
    void callBackLaterWaitsForTheAgreedTimeAndCallsAgain() {
        ProcessInstance pi = start();
        call(pi, "CALL_BACK_LATER");
        assertThat(pi).isWaitingAt("Timer_CallbackDue");
        executeJob(pi.getId(), "Timer_CallbackDue");
        call(pi, "REACHED");
        assertThat(pi).isEnded().hasPassed("Timer_CallbackDue", "Task_CloseFollowUp");
    }

    @Test
    void wrongNumberFlagsTheContactDataAndCloses() {
        ProcessInstance pi = start();
        call(pi, "WRONG_NUMBER");
        assertThat(pi).isEnded().hasPassedInOrder("Task_FlagContactData", "Task_CloseFollowUp");
        assertThat(calls).containsExactly("decideSurveyChannel", "recordCallAttempt", "flagContactData", "closeFollowUp");
    }

    @Test
    void refusalIsRecordedAndCloses() {
        ProcessInstance pi = start();
        call(pi, "REFUSED");
        assertThat(pi).isEnded().hasPassedInOrder("Task_RecordRefusal", "Task_CloseFollowUp");
        assertThat(calls).containsExactly("decideSurveyChannel", "recordCallAttempt", "recordRefusal", "closeFollowUp");
    }

    /** the values the agent can pick in bpmn/forms/callCustomer.form */
    static List<String> formOutcomes() throws java.io.IOException {
        com.fasterxml.jackson.databind.JsonNode form = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(java.nio.file.Path.of("bpmn/forms/callCustomer.form").toFile());
        List<String> values = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode field : form.findParents("key")) {
            if ("callOutcome".equals(field.path("key").asText())) {
                field.path("values").forEach(v -> values.add(v.path("value").asText()));
            }
        }
        return values;
    }

    @Test
    void everyOutcomeTheFormOffersHasAPath() throws java.io.IOException {
        List<String> outcomes = formOutcomes();
        assertThat(outcomes).as("callOutcome values of callCustomer.form").isNotEmpty();
        for (String outcome : outcomes) {
            ProcessInstance pi = start();
            call(pi, outcome);
            assertThat(engine().getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId())
                    .activityIdIn(CALL).count()).as(outcome + " must leave the call").isZero();
        }
    }

    @Test
    void anOutcomeTheModelDoesNotKnowIsRefused() {
        ProcessInstance pi = start();
        assertThatThrownBy(() -> call(pi, "ANSWERING_MACHINE")).isInstanceOf(ProcessEngineException.class);
        assertThat(pi).isWaitingAt(CALL);
    }
}
