package com.careloop.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;

import com.careloop.sla.ServiceParameters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.core.env.StandardEnvironment;

/**
 * Base of the model tests (camunda-bpm-examples style): one in-memory engine (src/test/resources/camunda.cfg.xml),
 * only the model under test deployed ({@code @Deployment} on the class), every delegate and listener a mock that
 * sets what the gateways and timers read. The parameters are the real table (bpmn/serviceParameters.dmn, deployed
 * with the model), so the tests follow whatever limits a designer sets.
 */
@ExtendWith(ProcessEngineExtension.class)
public abstract class ModelTest {


    /** the mocked delegates that ran, in order */
    protected final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    protected ServiceParameters parameters;

    private ProcessEngine engine;

    /** the engine of camunda.cfg.xml, one per JVM (the extension caches it) */
    protected ProcessEngine engine() {
        return engine;
    }

    @BeforeEach
    void bindEngineAndMocks(ProcessEngine engine) {
        this.engine = engine;
        init(engine);
        ModelTestEngineConfiguration.BEANS.clear();
        parameters = new ServiceParameters(engine().getRepositoryService(), engine().getIdentityService(), new StandardEnvironment());
        ModelTestEngineConfiguration.BEANS.put("serviceParameters", parameters);
        TaskListener noop = task -> { };
        ModelTestEngineConfiguration.BEANS.put("recordCompletedBy", noop);
    }

    @AfterEach
    void unbindMocks() {
        ModelTestEngineConfiguration.BEANS.clear();
    }

    /** A mocked delegate: records its call, then does what the real one leaves in the process. */
    protected void mock(String bean, JavaDelegate behaviour) {
        ModelTestEngineConfiguration.BEANS.put(bean, (JavaDelegate) execution -> {
            calls.add(bean);
            behaviour.execute(execution);
        });
    }

    protected void mock(String bean) {
        mock(bean, execution -> { });
    }

    protected void listener(String bean) {
        ModelTestEngineConfiguration.BEANS.put(bean, (TaskListener) task -> { });
    }

    protected Task task(String processInstanceId, String taskKey) {
        Task task = engine().getTaskService().createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
                .singleResult();
        assertThat(task).as("open task " + taskKey).isNotNull();
        return task;
    }

    protected void complete(String processInstanceId, String taskKey, VariableMap variables) {
        engine().getTaskService().complete(task(processInstanceId, taskKey).getId(), variables);
    }

    /** Runs the job (timer or asynchronous continuation) waiting at {@code activityId}. */
    protected void executeJob(String processInstanceId, String activityId) {
        List<Job> jobs = engine().getManagementService().createJobQuery().processInstanceId(processInstanceId)
                .activityId(activityId).list();
        assertThat(jobs).as("job at " + activityId).hasSize(1);
        engine().getManagementService().executeJob(jobs.get(0).getId());
    }

    /** Plays the notification worker for the external task waiting at {@code activityId}: locks and completes it. */
    protected void sendNotification(String processInstanceId, String activityId) {
        var external = engine().getExternalTaskService();
        var waiting = external.createExternalTaskQuery().processInstanceId(processInstanceId).activityId(activityId).list();
        assertThat(waiting).as("notification task at " + activityId).hasSize(1);
        var locked = external.fetchAndLock(10, "model-test").topic(waiting.get(0).getTopicName(), 60_000)
                .execute();
        var task = locked.stream().filter(t -> t.getActivityId().equals(activityId) && t.getProcessInstanceId().equals(processInstanceId)).findFirst().orElseThrow();
        external.complete(task.getId(), "model-test");
        locked.stream().filter(t -> t != task).forEach(t -> external.unlock(t.getId()));
    }
}
