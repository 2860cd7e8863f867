package com.careloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A designer reads in Modeler who does each step and what each gateway decides: zh-CN first, then English. */
class ModelDocumentationTest {

    @ParameterizedTest
    @ValueSource(strings = {"bpmn/followUp.bpmn", "bpmn/feedbackHandling.bpmn", "bpmn/qualityReports.bpmn", "bpmn/batchQualityIncident.bpmn",
            "bpmn/callReview.bpmn", "bpmn/callReviewCase.bpmn", "bpmn/webhookDeliveryFailed.bpmn"})
    void everyTaskAndGatewayIsDocumentedInBothLanguages(String file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(new File(file));
        Stream<FlowNode> steps = Stream.concat(model.getModelElementsByType(Activity.class).stream(),
                model.getModelElementsByType(Gateway.class).stream());
        assertThat(steps).isNotEmpty().allSatisfy(step -> {
            String text = step.getDocumentations().stream().map(Documentation::getTextContent).reduce("", String::concat).strip();
            assertThat(text).as(step.getId()).isNotBlank()
                    .containsPattern("\\p{IsHan}")
                    .containsPattern("[A-Za-z]{3,} [a-z]{2,}");
        });
    }
}
