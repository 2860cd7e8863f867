package com.careloop.followup;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerService;
import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 11 item 5: the privacy history level kept personal variables out of ACT_HI_VARINST, but a form
 * submitted through Tasklist / submit-form also writes every field as a form-property history detail
 * (ACT_HI_DETAIL, TYPE_ 'FormProperty'): a phone number and an ID-card number typed into the notes stayed
 * there. After the fix, no history table (nor a history byte array) holds any of the personal free text.
 */
class HistoryPrivacyTest extends CareLoopTest {

    static final String PHONE = "13912345678";
    static final String ID_CARD = "11010519491231002X";
    static final String IN_FEEDBACK = "漏水第三次了";
    static final String IN_TAGS = "邻居张阿姨";

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;
    @Autowired SurveyResponseRepository surveys;
    @Autowired JdbcTemplate jdbc;

    @Test
    void personalFreeTextOfASubmittedCallFormIsInNoHistoryTable() throws Exception {
        Fixtures fx = new Fixtures(engine, customers, followUps);
        FollowUpView f = fx.followUp(fx.customer(), Scenario.USAGE);
        Task task = fx.task(f.processInstanceId(), "Task_CallCustomer");
        engine.getTaskService().setAssignee(task.getId(), "agent1");
        String notes = "客户换号了，新号码 " + PHONE + "，身份证 " + ID_CARD;
        Map<String, Object> form = Map.of("variables", Map.of(
                "callOutcome", Map.of("value", "REACHED"),
                "satisfaction", Map.of("value", 2, "type", "Long"),
                "nps", Map.of("value", 3, "type", "Long"),
                "feedbackType", Map.of("value", "COMPLAINT"),
                "feedbackUrgency", Map.of("value", "NORMAL"),
                "feedbackText", Map.of("value", IN_FEEDBACK + "，回电 " + PHONE),
                "notes", Map.of("value", notes),
                "tags", Map.of("value", IN_TAGS)));
        ResponseEntity<String> submitted = Api.as(rest, "agent1").postRaw("/engine-rest/task/" + task.getId() + "/submit-form",
                new ObjectMapper().writeValueAsString(form));
        assertThat(submitted.getStatusCode()).as(submitted.getBody()).isIn(HttpStatus.NO_CONTENT, HttpStatus.OK);
        assertThat(surveys.findByFollowUpId(f.id()).orElseThrow().getNotes()).as("recorded in CareLoop's table").isEqualTo(notes);

        List<String> found = new ArrayList<>();
        for (String secret : List.of(PHONE, ID_CARD, IN_FEEDBACK, IN_TAGS)) {
            found.addAll(com.careloop.testsupport.HistoryScan.columnsContaining(jdbc, secret));
        }
        assertThat(found).as("history columns holding personal free text").isEmpty();
    }
}
