package com.careloop.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The field keys a user task's Camunda Form declares (the form JSON deployed with the process, found through
 * the task's camunda:formRef), parsed once per process definition and task: the only variables a submission
 * of that task may carry. A task without a Camunda Form declares none.
 */
@Component
public class DeclaredFormFields {

    private final TaskService tasks;
    private final FormService forms;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Set<String>> byTaskDefinition = new ConcurrentHashMap<>();

    public DeclaredFormFields(TaskService tasks, FormService forms) {
        this.tasks = tasks;
        this.forms = forms;
    }

    /** The declared keys of the task's form; empty when the task does not exist or the caller may not see it. */
    public Optional<Set<String>> ofTask(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            return Optional.empty();
        }
        // formRefBinding="deployment": one form per process definition and task, so this never goes stale
        return Optional.of(byTaskDefinition.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
                k -> read(taskId)));
    }

    private Set<String> read(String taskId) {
        try (InputStream form = forms.getDeployedTaskForm(taskId)) {
            return keysOf(json.readTree(form));
        } catch (ProcessEngineException noForm) {
            return Set.of();
        } catch (IOException e) {
            throw new IllegalStateException("unreadable form of task " + taskId, e);
        }
    }

    /** Input keys of a form-js schema: a component's key, or the path of a group / dynamic list holding nested keys. */
    public static Set<String> keysOf(JsonNode schema) {
        Set<String> keys = new LinkedHashSet<>();
        collect(schema, keys);
        return Set.copyOf(keys);
    }

    private static void collect(JsonNode container, Set<String> keys) {
        for (JsonNode c : container.path("components")) {
            String path = c.path("path").asText("");
            if (!path.isEmpty()) {
                keys.add(path.split("\\.")[0]);
                continue;
            }
            String key = c.path("key").asText("");
            if (!key.isEmpty()) {
                keys.add(key.split("\\.")[0]);
            }
            collect(c, keys);
        }
    }
}
