package com.careloop.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.careloop.customer.CustomerView;
import com.careloop.customer.CustomerService;
import com.careloop.customer.CustomerTier;
import com.careloop.feedback.FeedbackRef;
import com.careloop.feedback.FeedbackService;
import com.careloop.feedback.FeedbackType;
import com.careloop.feedback.Urgency;
import com.careloop.sla.ServiceParameters;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of bpmn/followUp.bpmn. */
class FollowUpProcessTest extends CareLoopTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired org.camunda.bpm.engine.TaskService taskService;
    @Autowired HistoryService history;
    @Autowired CustomerService customerService;
    @Autowired FollowUpService followUpService;
    @Autowired ScenarioPolicy scenarioPolicy;
    @Autowired FollowUpRepository followUps;
    @Autowired CallAttemptRepository attempts;
    @Autowired SurveyResponseRepository surveys;
    @Autowired FeedbackService feedback;
    @Autowired ServiceParameters parameters;
    @Autowired com.careloop.notification.NotificationWorker notifications;

    Fixtures fx;

    @BeforeEach
    void setUp() {
        init(engine);
        fx = new Fixtures(engine, customerService, followUpService);
    }

    ProcessInstance instance(FollowUpView f) {
        return runtime.createProcessInstanceQuery().processInstanceId(f.processInstanceId()).singleResult();
    }

    FollowUp reload(FollowUpView f) {
        return followUps.findById(f.id()).orElseThrow();
    }

    Task callTask(FollowUpView f) {
        return fx.task(f.processInstanceId(), "Task_CallCustomer");
    }

    @Test
    void reachedWithoutFeedbackClosesCompleted() {
        CustomerView c = fx.customer();
        FollowUpView f = fx.followUp(c, Scenario.NEW_PURCHASE);
        ProcessInstance pi = instance(f);
        assertThat(pi).isWaitingAt("Task_CallCustomer");
        Task task = callTask(f);
        assertThat(task).hasCandidateGroup("agents");
        assertThat(task.getDueDate()).isEqualTo(Date.from(f.dueAt()));
        assertThat(task.getPriority()).isEqualTo(f.priority())
                .isEqualTo(scenarioPolicy.of(Scenario.NEW_PURCHASE, com.careloop.customer.CustomerTier.STANDARD).priority());

        fx.complete(task, "callOutcome", "REACHED", "satisfaction", 5, "nps", 10, "scoreAttitude", 5,
                "issueResolved", true, "feedbackType", "NONE", "notes", "客户很满意", "tags", "好评");

        assertThat(pi).isEnded().hasPassed("Task_RecordCallAttempt", "Gateway_HasFeedback", "Task_CloseFollowUp");
        FollowUp closed = reload(f);
        assertThat(closed.getStatus()).isEqualTo(FollowUpStatus.CLOSED);
        assertThat(closed.getResult()).isEqualTo(FollowUpResult.COMPLETED);
        SurveyResponse survey = surveys.findByFollowUpId(f.id()).orElseThrow();
        assertThat(survey.getSatisfaction()).isEqualTo(5);
        assertThat(survey.getNotes()).isEqualTo("客户很满意");
        assertThat(feedback.ofFollowUp(f.id())).isEmpty();
        // free text lives in survey_response, not in the process history
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName("notes").count()).isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName("feedbackText").count()).isZero();
    }

    @Test
    void noAnswerIsRetriedInsideCallingHoursThenClosesUnreachable() {
        FollowUpView f = fx.followUp(fx.customer(), Scenario.USAGE);
        ProcessInstance pi = instance(f);
        int max = parameters.followUpMaxAttempts();
        List<CallOutcome> outcomes = new java.util.ArrayList<>();
        for (int attempt = 1; attempt <= max; attempt++) {
            CallOutcome outcome = attempt == 2 ? CallOutcome.BUSY : CallOutcome.NO_ANSWER;
            outcomes.add(outcome);
            fx.complete(callTask(f), "callOutcome", outcome.name());
            if (attempt < max) {
                assertThat(pi).isWaitingAt("Timer_RetryDue");
                Date retryAt = (Date) runtime.getVariable(pi.getId(), "retryAt");
                assertThat(retryAt).isAfter(new Date());
                fx.executeJobs(pi.getId(), "Timer_RetryDue");
                assertThat(pi).isWaitingAt("Task_CallCustomer");
            }
        }
        assertThat(pi).isEnded();
        FollowUp closed = reload(f);
        assertThat(closed.getResult()).isEqualTo(FollowUpResult.UNREACHABLE);
        assertThat(closed.getAttemptCount()).isEqualTo(max);
        assertThat(attempts.findByFollowUpIdOrderByAttemptNo(f.id())).extracting(CallAttempt::getOutcome)
                .containsExactlyElementsOf(outcomes);
    }

    @Test
    void callBackLaterWaitsForTheAgreedTime() {
        FollowUpView f = fx.followUp(fx.customer(), Scenario.USAGE);
        ProcessInstance pi = instance(f);
        Instant callback = Instant.now().plus(2, ChronoUnit.DAYS);
        fx.complete(callTask(f), "callOutcome", "CALL_BACK_LATER", "callbackAt", callback.toString());
        assertThat(pi).isWaitingAt("Timer_CallbackDue");
        Date due = fx.job(pi.getId(), "Timer_CallbackDue").getDuedate();
        assertThat(due.toInstant()).isAfterOrEqualTo(callback.truncatedTo(ChronoUnit.SECONDS));
        fx.executeJobs(pi.getId(), "Timer_CallbackDue");
        Task again = callTask(f);
        assertThat(runtime.getVariable(pi.getId(), "callOutcome")).as("the previous answer is not pre-filled").isNull();
        assertThat(taskService.getVariableLocal(again.getId(), com.careloop.identity.TasklistFilters.CALLBACK_SCHEDULED))
                .as("on the agent's call-backs filter").isEqualTo(true);
        fx.complete(again, "callOutcome", "REACHED", "satisfaction", 4, "nps", 8);
        assertThat(pi).isEnded();
        assertThat(reload(f).getResult()).isEqualTo(FollowUpResult.COMPLETED);
    }

    @Test
    void wrongNumberFlagsTheContactData() {
        CustomerView c = fx.customer();
        FollowUpView f = fx.followUp(c, Scenario.USAGE);
        ProcessInstance pi = instance(f);
        fx.complete(callTask(f), "callOutcome", "WRONG_NUMBER");
        assertThat(pi).isEnded().hasPassed("Task_FlagContactData");
        assertThat(customerService.get(c.id()).contactInvalid()).isTrue();
        assertThat(reload(f).getResult()).isEqualTo(FollowUpResult.WRONG_NUMBER);
    }

    @Test
    void refusalIsRememberedForTheCoolingPeriod() {
        CustomerView c = fx.customer();
        FollowUpView f = fx.followUp(c, Scenario.CHURN_RISK);
        ProcessInstance pi = instance(f);
        fx.complete(callTask(f), "callOutcome", "REFUSED");
        assertThat(pi).isEnded().hasPassed("Task_RecordRefusal");
        assertThat(customerService.get(c.id()).refusedAt()).isNotNull();
        assertThat(reload(f).getResult()).isEqualTo(FollowUpResult.REFUSED);
    }

    @Test
    void reportedIssuesBecomeFeedbackItemsHandledBeforeTheFollowUpCloses() {
        FollowUpView f = fx.followUp(fx.customer(), Scenario.POST_RESOLUTION);
        ProcessInstance pi = instance(f);
        fx.complete(callTask(f), "callOutcome", "REACHED", "satisfaction", 2, "nps", 3, "feedbackType", "COMPLAINT",
                "feedbackUrgency", "URGENT", "feedbackText", "维修后仍然漏水", "purchaseIntent", true);

        assertThat(pi).isWaitingAt("CallActivity_HandleFeedback");
        assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).count())
                .as("the handling starts after the call is recorded, one job per item").isZero();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
                .activityId(Fixtures.HANDLE_FEEDBACK).count()).isEqualTo(2);
        fx.startFeedbackHandling(pi.getId());
        List<FeedbackRef> items = feedback.ofFollowUp(f.id());
        assertThat(items).extracting(FeedbackRef::type).containsExactly(FeedbackType.COMPLAINT, FeedbackType.SALES_LEAD);
        assertThat(items.get(0).urgency()).isEqualTo(Urgency.URGENT);
        assertThat(items.get(0).description()).isEqualTo("维修后仍然漏水");
        assertThat(items).allSatisfy(i -> assertThat(i.number()).matches("FB\\d{8}\\d{4}"));
        List<ProcessInstance> children = runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).list();
        assertThat(children).hasSize(2).allSatisfy(child -> assertThat(child.getProcessDefinitionId()).startsWith("feedbackHandling:"));

        // the complaint goes to the supervisors, the lead to sales; close both
        for (FeedbackRef item : items) {
            String child = item.processInstanceId();
            notifications.runOnce(item.number()); // the urgent complaint's notification task
            Task respond = fx.task(child, "Task_RespondToCustomer");
            fx.complete(respond, "contactMade", true, "responsePlan", "已致电", "resolvedOnFirstContact", false);
            Task resolve = fx.task(child, "Task_ResolveFeedback");
            if (item.type() == FeedbackType.SALES_LEAD) {
                fx.complete(resolve, "handlingOutcome", "CONVERTED", "solution", "已下单");
            } else {
                fx.complete(resolve, "handlingOutcome", "RESOLVED", "solution", "更换配件", "compensation", "COUPON");
                fx.complete(fx.task(child, "Task_ConfirmResolution"), "callOutcome", "REACHED", "customerSatisfied", true, "satisfaction", 5);
            }
        }
        assertThat(pi).isEnded().hasPassed("CallActivity_HandleFeedback", "Task_CloseFollowUp");
        assertThat(reload(f).getResult()).isEqualTo(FollowUpResult.COMPLETED);
    }

    @Test
    void detractorWithoutComplaintGetsAServiceRecoveryItem() {
        FollowUpView f = fx.followUp(fx.customer(), Scenario.USAGE);
        fx.complete(callTask(f), "callOutcome", "REACHED", "satisfaction", 3, "nps", 5, "feedbackType", "NONE");
        assertThat(feedback.ofFollowUp(f.id())).extracting(FeedbackRef::type)
                .containsExactly(FeedbackType.SERVICE_RECOVERY);
        assertThat(instance(f)).isWaitingAt("CallActivity_HandleFeedback");
        fx.startFeedbackHandling(f.processInstanceId());
        assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(f.processInstanceId()).count()).isEqualTo(1);
    }

    @Test
    void aRoutingFailureBecomesAnIncidentAndTheCallStaysRecorded() {
        // a routing table that cannot route complaints, deployed for this test only
        String broken;
        try {
            broken = Files.readString(Path.of("bpmn/feedbackRouting.dmn")).replace("<text>\"COMPLAINT\"</text>", "<text>\"NO_SUCH_TYPE\"</text>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RepositoryService repository = engine.getRepositoryService();
        ManagementService management = engine.getManagementService();
        String deployment = repository.createDeployment().name("test: routing without complaints")
                .addString("feedbackRouting.dmn", broken).deploy().getId();
        try {
            FollowUpView f = fx.followUp(fx.customer(), Scenario.USAGE);
            ProcessInstance pi = instance(f);
            fx.complete(callTask(f), "callOutcome", "REACHED", "satisfaction", 2, "nps", 3, "feedbackType", "COMPLAINT",
                    "feedbackText", "送货延误");

            Job start = fx.job(pi.getId(), Fixtures.HANDLE_FEEDBACK);
            assertThat(start).as("the handling starts in its own job").isNotNull();
            for (int attempt = 1; attempt <= 3; attempt++) {
                assertThatThrownBy(() -> management.executeJob(start.getId())).hasMessageContaining("feedbackRouting returned no rule");
            }
            Incident incident = runtime.createIncidentQuery().processInstanceId(pi.getId()).singleResult();
            assertThat(incident).as("no retries left: an incident, visible in Cockpit").isNotNull();
            assertThat(incident.getActivityId()).isEqualTo(Fixtures.HANDLE_FEEDBACK);
            assertThat(incident.getIncidentMessage()).contains("feedbackRouting returned no rule for type COMPLAINT");
            // the agent's call is recorded all the same
            assertThat(attempts.findByFollowUpIdOrderByAttemptNo(f.id())).singleElement()
                    .satisfies(a -> assertThat(a.getOutcome()).isEqualTo(CallOutcome.REACHED));
            assertThat(surveys.findByFollowUpId(f.id())).isPresent();
            assertThat(reload(f).getAttemptCount()).isEqualTo(1);
            assertThat(feedback.ofFollowUp(f.id())).extracting(FeedbackRef::type)
                    .containsExactly(FeedbackType.COMPLAINT);
            assertThat(callTask(f)).as("the call is not offered again").isNull();
        } finally {
            repository.deleteDeployment(deployment, true);
        }
    }

    @Test
    void vipWithAccountAgentIsAssignedToThatAgent() {
        CustomerView vip = fx.customer(CustomerTier.VIP, "agent2");
        FollowUpView f = fx.followUp(vip, Scenario.VIP_CARE);
        assertThat(callTask(f)).isAssignedTo("agent2");
        assertThat(f.assignedAgent()).isEqualTo("agent2");
    }

    @Test
    void invalidSubmissionIsRefusedAndChangesNothing() {
        FollowUpView f = fx.followUp(fx.customer(), Scenario.USAGE);
        Task task = callTask(f);
        assertThatThrownBy(() -> fx.complete(task, "callOutcome", "REACHED", "satisfaction", 7, "nps", 11, "scoreAttitude", 0))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("satisfaction").hasMessageContaining("nps").hasMessageContaining("scoreAttitude");
        assertThatThrownBy(() -> fx.complete(task, "callOutcome", "MAYBE"))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("callOutcome");
        assertThatThrownBy(() -> fx.complete(task, "callOutcome", "REACHED", "satisfaction", 4, "nps", 8, "feedbackType", "COMPLAINT"))
                .hasMessageContaining("feedbackText");
        assertThatThrownBy(() -> fx.complete(task, "callOutcome", "CALL_BACK_LATER", "callbackAt", "2001-01-01T10:00:00Z"))
                .hasMessageContaining("callbackAt");
        assertThat(callTask(f).getId()).isEqualTo(task.getId());
        assertThat(attempts.findByFollowUpIdOrderByAttemptNo(f.id())).isEmpty();
        assertThat(surveys.findByFollowUpId(f.id())).isEmpty();
        assertThat(reload(f).getStatus()).isEqualTo(FollowUpStatus.OPEN);
    }
}
