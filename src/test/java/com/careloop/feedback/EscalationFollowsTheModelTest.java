package com.careloop.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerView;
import com.careloop.customer.CustomerService;
import com.careloop.followup.FollowUpView;
import com.careloop.followup.FollowUpService;
import com.careloop.followup.Scenario;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A designer renames the SLA-guarded tasks of feedbackHandling in Modeler: the escalation still reaches the late
 * task, because it follows the task its boundary timer is attached to. The renamed copy is deployed under its
 * own process key for this test only (nothing else starts it) and removed afterwards.
 */
class EscalationFollowsTheModelTest extends CareLoopTest {

    static final String KEY = "feedbackHandlingRenamedTasks";
    static final String RESPOND = "Task_CallTheCustomerBack";
    static final String RESOLVE = "Task_FixTheProblem";

    @Autowired ProcessEngine engine;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired CustomerService customerService;
    @Autowired FollowUpService followUpService;
    @Autowired FeedbackService feedbackService;
    @Autowired FeedbackItemRepository items;
    @Autowired FeedbackProgressRepository progress;

    Fixtures fx;
    String deploymentId;

    @BeforeEach
    void deployRenamedCopy() throws IOException {
        fx = new Fixtures(engine, customerService, followUpService);
        String xml = Files.readString(Path.of("bpmn/feedbackHandling.bpmn"))
                .replace("\"" + FeedbackService.PROCESS_KEY + "\"", "\"" + KEY + "\"")
                .replace("Task_RespondToCustomer", RESPOND)
                .replace("Task_ResolveFeedback", RESOLVE);
        assertThat(xml).doesNotContain("Task_RespondToCustomer", "Task_ResolveFeedback", "id=\"feedbackHandling\"");
        deploymentId = repository.createDeployment().name("test: feedbackHandling with renamed tasks")
                .addString(KEY + ".bpmn", xml).deploy().getId();
    }

    @AfterEach
    void removeRenamedCopy() {
        repository.deleteDeployment(deploymentId, true);
    }

    Task task(ProcessInstance pi, String key) {
        return fx.task(pi.getId(), key);
    }

    java.util.List<String> groups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId).toList();
    }

    @Test
    void renamedTasksAreStillEscalatedWhenTheirSlaRunsOut() {
        CustomerView customer = fx.customer();
        FollowUpView call = fx.followUp(customer, Scenario.USAGE);
        FeedbackItem item = feedbackService.registerItemFromCall(call.id(), customer.id(), FeedbackType.PROBLEM, Urgency.NORMAL,
                "外机异响", "agent1");
        ProcessInstance pi = runtime.startProcessInstanceByKey(KEY, item.getNumber(), Map.of("feedbackItemId", item.getId()));

        Task respond = task(pi, RESPOND);
        assertThat(groups(respond)).containsExactly("aftersales-tech");
        fx.executeJobs(pi.getId(), "Timer_ResponseSlaBreached");
        assertThat(groups(respond)).containsExactlyInAnyOrder("aftersales-tech", "cs-supervisors");
        assertThat(items.findById(item.getId()).orElseThrow().isOverdue()).isTrue();

        fx.complete(respond, "contactMade", true, "responsePlan", "预约上门", "resolvedOnFirstContact", false);
        Task resolve = task(pi, RESOLVE);
        assertThat(groups(resolve)).containsExactly("aftersales-tech");
        fx.executeJobs(pi.getId(), "Timer_ResolutionSlaBreached");
        assertThat(groups(resolve)).containsExactlyInAnyOrder("aftersales-tech", "cs-supervisors");
        assertThat(progress.findByFeedbackItemIdOrderByRecordedAtAscIdAsc(item.getId())).extracting(FeedbackProgress::getKind)
                .containsSubsequence(ProgressKind.ESCALATED, ProgressKind.RESPONDED, ProgressKind.ESCALATED);
    }
}
