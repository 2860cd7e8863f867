package com.careloop.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerService;
import com.careloop.followup.FollowUpView;
import com.careloop.followup.FollowUpService;
import com.careloop.followup.Scenario;
import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Issue 11.12: an Object variable naming a class outside the allow-list is never instantiated. */
class DeserializationValidationTest extends CareLoopTest {

    @Autowired ProcessEngine engine;
    @Autowired TaskService tasks;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;
    @Autowired TestRestTemplate rest;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "java.net.URL|\"http://evil.example/\"",
            "com.careloop.customer.CustomerRequest|{\"externalId\":\"X-1\",\"name\":\"x\"}"})
    void anObjectOfANonAllowedClassIsRefused(String type, String serialized) {
        FollowUpView f = new Fixtures(engine, customers, followUps).followUp(new Fixtures(engine, customers, followUps).customer(), Scenario.USAGE);
        Task task = tasks.createTaskQuery().processInstanceId(f.processInstanceId()).singleResult();
        Object value;
        try {
            tasks.setVariableLocal(task.getId(), "probe", Variables.serializedObjectValue(serialized)
                    .objectTypeName(type).serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
            value = tasks.getVariableLocal(task.getId(), "probe");
        } catch (RuntimeException refused) {
            assertThat(refused).hasStackTraceContaining(type);
            value = null;
        }
        assertThat(value).as("no " + type + " instantiated").isNull();

        var viaRest = Api.as(rest, "demo").getRaw("/engine-rest/task/" + task.getId() + "/localVariables/probe");
        assertThat(viaRest.getStatusCode().is2xxSuccessful()).as(viaRest.getBody()).isFalse();
    }
}
