package com.careloop.testsupport;

import com.careloop.customer.CustomerRequest;
import com.careloop.customer.CustomerService;
import com.careloop.customer.CustomerTier;
import com.careloop.customer.CustomerView;
import com.careloop.followup.FollowUpService;
import com.careloop.followup.FollowUpView;
import com.careloop.followup.Scenario;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/** Customers, follow-ups and task completions for process and integration tests. */
public class Fixtures {

    private final ProcessEngine engine;
    private final CustomerService customers;
    private final FollowUpService followUps;

    public Fixtures(ProcessEngine engine, CustomerService customers, FollowUpService followUps) {
        this.engine = engine;
        this.customers = customers;
        this.followUps = followUps;
    }

    /**
     * A customer with a landline (bpmn/surveyChannel.dmn: no mobile number, so every follow-up is by phone, as before
     * survey texts); {@link #mobileCustomer} for one who can get survey texts.
     */
    public CustomerView customer(CustomerTier tier, String accountAgent) {
        return customer(tier, accountAgent, LANDLINE);
    }

    /** The default customers' phone: a Beijing landline. */
    public static final String LANDLINE = "010-62345678";

    public CustomerView customer(CustomerTier tier, String accountAgent, String phone) {
        String id = "T-" + UUID.randomUUID().toString().substring(0, 8);
        return customers.upsert(new CustomerRequest(id, "测试客户 " + id, "测试公司", phone, id.toLowerCase() + "@example.com",
                tier, accountAgent, false, "test", null, null, null, null, null)).customer();
    }

    /** A customer with a mainland mobile number of their own (139 + 8 random digits), who can get survey texts. */
    public CustomerView mobileCustomer() {
        return customer(CustomerTier.STANDARD, null, String.format("139%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000)));
    }

    public CustomerView customer() {
        return customer(CustomerTier.STANDARD, null);
    }

    public FollowUpView followUp(CustomerView customer, Scenario scenario) {
        return followUps.start(customer.id(), scenario);
    }

    public Task task(String processInstanceId, String taskKey) {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult();
    }

    public void complete(Task task, Object... keyValues) {
        engine.getTaskService().complete(task.getId(), vars(keyValues));
    }

    public static Map<String, Object> vars(Object... keyValues) {
        Map<String, Object> vars = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            vars.put((String) keyValues[i], keyValues[i + 1]);
        }
        return vars;
    }

    /** Runs every job (timers included, whatever their due date) of the process instance whose activity matches. */
    public void executeJobs(String processInstanceId, String activityId) {
        ManagementService m = engine.getManagementService();
        for (Job job : m.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).list()) {
            m.executeJob(job.getId());
        }
    }

    /**
     * Starts the handling of the feedback items a recorded call reported: each item's feedbackHandling child is
     * started by its own job of the follow-up's call activity (asynchronous after the call is recorded).
     */
    public void startFeedbackHandling(String followUpProcessInstanceId) {
        executeJobs(followUpProcessInstanceId, HANDLE_FEEDBACK);
    }

    /** The call activity of followUp that starts one feedbackHandling child per reported item. */
    public static final String HANDLE_FEEDBACK = "CallActivity_HandleFeedback";

    /** cs-center's verification of an inbound item (Task_VerifyFeedback of feedbackHandling) as VALID: handling goes on. */
    public void verifyValid(String processInstanceId) {
        complete(task(processInstanceId, "Task_VerifyFeedback"), "verification", "VALID");
    }

    public Job job(String processInstanceId, String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).activityId(activityId).singleResult();
    }
}
