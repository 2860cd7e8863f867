package com.careloop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.Test;

/** The models are the one source of a notification task's retry cycle: every such task names a valid one. */
class NotificationTasksInTheModelsTest {

    @Test
    void everyNotificationTaskNamesItsRetryCycle() {
        File[] models = new File("bpmn").listFiles((dir, name) -> name.endsWith(".bpmn"));
        List<ServiceTask> tasks = java.util.Arrays.stream(models).flatMap(f -> Bpmn.readModelFromFile(f)
                .getModelElementsByType(ServiceTask.class).stream())
                .filter(t -> NotificationWorker.TOPIC.equals(t.getCamundaTopic())).toList();
        assertThat(tasks).isNotEmpty().allSatisfy(t -> {
            String cycle = t.getExtensionElements() == null ? null : t.getExtensionElements().getElementsQuery()
                    .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).list().stream()
                    .flatMap(p -> p.getCamundaProperties().stream())
                    .filter(p -> RetryCycle.PROPERTY.equals(p.getCamundaName())).map(CamundaProperty::getCamundaValue)
                    .findFirst().orElse(null);
            assertThat(cycle).as(t.getId()).isNotNull();
            assertThat(RetryCycle.parse(cycle).attempts()).as(t.getId()).isPositive();
        });
    }
}
