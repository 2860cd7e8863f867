package com.careloop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/** "My team's feedback" names the user tasks of feedbackHandling: the list is the model's, whatever a designer adds. */
class TasklistFilterModelTest {

    @Test
    void theFeedbackTasksOfTheTeamFilterAreTheUserTasksOfFeedbackHandling() {
        var model = Bpmn.readModelFromFile(new File("bpmn/feedbackHandling.bpmn"));
        assertThat(model.getModelElementsByType(UserTask.class)).extracting(UserTask::getId)
                .containsExactlyInAnyOrderElementsOf(TasklistFilters.FEEDBACK_TASKS);
    }
}
