package com.careloop.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careloop.customer.CustomerView;
import com.careloop.errors.InvalidRequestException;
import com.careloop.feedback.FeedbackRef;
import com.careloop.feedback.FeedbackType;
import com.careloop.feedback.Urgency;
import com.careloop.notification.Delivery;
import com.careloop.notification.DeliveryLog;
import com.careloop.notification.NotificationWorker;
import com.careloop.screening.ScreeningService;
import com.careloop.testsupport.Api;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Every path of bpmn/batchQualityIncident.bpmn with the shipped bpmn/batchQuality.dmn (3 complaints or faults of one
 * model and batch within 7 days): the threshold opens exactly one incident and tells the supervisors; later items are
 * linked and suggested URGENT; closing records root cause and action, with or without a campaign follow-up.
 */
class BatchIncidentProcessTest extends BatchIncidentTestSupport {

    @Autowired TestRestTemplate rest;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired NotificationWorker notifications;
    @Autowired DeliveryLog deliveries;
    @Autowired ScreeningService screening;
    @Autowired org.camunda.bpm.engine.FilterService filterService;
    final ObjectMapper json = new ObjectMapper();

    /** Three faults: the third reaches the threshold. */
    BatchIncidents.BatchIncident threeFaults() {
        register(FeedbackType.PROBLEM, null);
        register(FeedbackType.COMPLAINT, null);
        assertThat(incidentsOfModel()).as("two items: below the threshold").isEmpty();
        register(FeedbackType.PROBLEM, null);
        return incidentsOfModel().get(0);
    }

    Task investigation(BatchIncidents.BatchIncident incident) {
        return tasks.createTaskQuery().processInstanceBusinessKey(incident.number()).taskDefinitionKey(BatchIncidents.INVESTIGATE_TASK)
                .singleResult();
    }

    long passed(String processInstanceId, String activityId) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).activityId(activityId).finished().count();
    }

    /** The Tasklist filter 批次质量事件 Batch incidents as the user's Tasklist asks for it. */
    List<String> filterPage(String user) {
        String filter = filterService.createFilterQuery().filterName("批次质量事件 Batch incidents").singleResult().getId();
        ResponseEntity<String> r = Api.as(rest, user).postRaw("/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=1000",
                "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}");
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        List<String> ids = new java.util.ArrayList<>();
        try {
            json.readTree(r.getBody()).forEach(t -> ids.add(t.get("id").asText()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ids;
    }

    ResponseEntity<String> submit(String user, Task task, Map<String, Object> fields) throws Exception {
        if (tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee() == null) {
            assertThat(Api.as(rest, user).postRaw("/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"" + user + "\"}").getStatusCode())
                    .isEqualTo(HttpStatus.NO_CONTENT);
        }
        Map<String, Object> variables = new HashMap<>();
        fields.forEach((k, v) -> variables.put(k, Map.of("value", v)));
        return Api.as(rest, user).postRaw("/engine-rest/task/" + task.getId() + "/submit-form", json.writeValueAsString(Map.of("variables", variables)));
    }

    @Test
    void theThresholdOpensOneIncidentForProductAndAfterSalesAndTellsTheSupervisors() {
        FeedbackRef first = register(FeedbackType.PROBLEM, null);
        FeedbackRef second = register(FeedbackType.COMPLAINT, null);
        register(FeedbackType.SUGGESTION, null); // not watched: does not count
        assertThat(incidentsOfModel()).isEmpty();
        assertThat(first.urgency()).isEqualTo(Urgency.NORMAL);
        assertThat(second.urgency()).isEqualTo(Urgency.NORMAL);

        FeedbackRef third = register(FeedbackType.PROBLEM, null);
        assertThat(third.urgency()).as("the item that reaches the threshold is suggested URGENT").isEqualTo(Urgency.URGENT);
        assertThat(suggestedUrgent(third)).isTrue();

        assertThat(incidentsOfModel()).singleElement().satisfies(i -> {
            assertThat(i.status()).isEqualTo(BatchIncidents.Status.OPEN);
            assertThat(i.batch()).isEqualTo(BATCH);
            assertThat(i.number()).startsWith("BQ");
            assertThat(incidents.linkedItems(i.id())).extracting(com.careloop.feedback.BatchItems.Item::number)
                    .containsExactly(first.number(), second.number(), third.number());
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(i.processInstanceId()).singleResult().getBusinessKey())
                    .isEqualTo(i.number());
        });
        BatchIncidents.BatchIncident incident = incidentsOfModel().get(0);
        assertThat(feedback.ref(first.id()).urgency()).as("items linked at the opening keep their urgency").isEqualTo(Urgency.NORMAL);
        for (FeedbackRef item : List.of(first, second, third)) {
            assertThat(progressNotes(item.id())).contains("已关联批次质量事件 Linked to batch incident " + incident.number());
        }

        Task task = investigation(incident);
        assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
                .contains("product", "aftersales-tech");
        Map<String, Object> local = tasks.getVariablesLocal(task.getId());
        assertThat(local).containsEntry("itemCount", 3).containsEntry("productModel", model).containsEntry("batch", BATCH);
        assertThat((String) local.get("linkedItems")).contains(first.number(), second.number(), third.number());
        assertThat(task.getName()).contains(model);
        for (String user : List.of("product1", "tech1")) {
            assertThat(filterPage(user)).as(user + ": Tasklist filter 批次质量事件").contains(task.getId());
        }
        assertThat(filterPage("agent1")).doesNotContain(task.getId());

        assertThat(notifications.runOnce(incident.number())).isEqualTo(1);
        List<Delivery> sent = deliveries.byReference(incident.number());
        assertThat(sent).isNotEmpty().allSatisfy(d -> {
            assertThat(d.type()).isEqualTo("BATCH_INCIDENT");
            assertThat(d.subject()).startsWith("【CareLoop】批次质量事件 Batch quality incident").contains(model);
        });
        assertThat(sent).extracting(Delivery::recipient).contains("supervisor1@careloop.local");
        assertThat(passed(incident.processInstanceId(), "EndEvent_SupervisorsNotified")).isEqualTo(1);
    }

    @Test
    void laterItemsAreLinkedAndSuggestedUrgent() {
        BatchIncidents.BatchIncident incident = threeFaults();
        FeedbackRef later = register(FeedbackType.COMPLAINT, null);
        assertThat(later.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(suggestedUrgent(later)).isTrue();
        assertThat(incidentsOfModel()).as("still one incident").hasSize(1);
        assertThat(incidents.linkedItems(incident.id())).extracting(com.careloop.feedback.BatchItems.Item::number).contains(later.number())
                .hasSize(4);
        assertThat(progressNotes(later.id())).contains("已关联批次质量事件 Linked to batch incident " + incident.number());
        Task task = investigation(incident);
        assertThat(tasks.getVariablesLocal(task.getId())).containsEntry("itemCount", 4);
        assertThat((String) tasks.getVariableLocal(task.getId(), "linkedItems")).contains(later.number());

        CustomerView c = customer(null);
        assertThatThrownBy(() -> register(c, FeedbackType.PROBLEM, Urgency.NORMAL, null))
                .as("lowering the URGENT suggestion needs a reason").isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("urgencyOverrideReason");
        FeedbackRef lowered = register(c, FeedbackType.PROBLEM, Urgency.NORMAL, "客户确认为安装问题 installation issue");
        assertThat(lowered.urgency()).isEqualTo(Urgency.NORMAL);
        assertThat(incidents.linkedItems(incident.id())).hasSize(5);

        FeedbackRef suggestion = register(FeedbackType.SUGGESTION, null);
        assertThat(suggestion.urgency()).as("a suggestion is no fault of the batch").isEqualTo(Urgency.NORMAL);
        assertThat(incidents.linkedItems(incident.id())).hasSize(5);
    }

    @Test
    void closingWithoutCampaignRecordsRootCauseAndActionAndBadInputChangesNothing() throws Exception {
        BatchIncidents.BatchIncident incident = threeFaults();
        Task task = investigation(incident);

        ResponseEntity<String> bad = submit("product1", task, Map.of("rootCause", "压缩机批次缺陷", "action", "MAYBE", "startCampaign", false));
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("action");
        ResponseEntity<String> noCause = submit("product1", task, Map.of("action", "RECALL", "startCampaign", false));
        assertThat(noCause.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noCause.getBody()).contains("rootCause");
        assertThat(incidents.byNumber(incident.number()).status()).isEqualTo(BatchIncidents.Status.OPEN);

        ResponseEntity<String> ok = submit("product1", task, Map.of("rootCause", "供应商压缩机电容批次缺陷 supplier capacitor defect",
                "action", "SUPPLIER_CLAIM", "startCampaign", false));
        assertThat(ok.getStatusCode()).as(ok.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        BatchIncidents.BatchIncident closed = incidents.byNumber(incident.number());
        assertThat(closed.status()).isEqualTo(BatchIncidents.Status.CLOSED);
        assertThat(closed.action()).isEqualTo("SUPPLIER_CLAIM");
        assertThat(closed.rootCause()).contains("capacitor");
        assertThat(closed.closedBy()).isEqualTo("product1");
        assertThat(closed.campaignRunId()).isNull();
        assertThat(passed(incident.processInstanceId(), "EndEvent_IncidentClosed")).isEqualTo(1);

        FeedbackRef after = register(FeedbackType.PROBLEM, null);
        assertThat(after.urgency()).as("closed: the earlier items do not count again").isEqualTo(Urgency.NORMAL);
        assertThat(incidentsOfModel()).hasSize(1);
    }

    static String phone() {
        return "135" + String.format("%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
    }

    @Test
    void closingWithCampaignStartsACampaignFollowUpForEveryCustomerOfTheBatch() throws Exception {
        // the customers of the batch come from the CRM's CSV: column 批次 (batch) beside 产品 (products)
        String id = "BQC-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        String csv = "客户编号,客户名称,联系电话,产品,批次\n"
                + id + "-1,批次一," + phone() + "," + model + ",2409\n"
                + id + "-2,批次二," + phone() + ",空调，" + model + ",2409\n"
                + id + "-3,批次三," + phone() + "," + model + ",2410\n" // another batch: not called
                + id + "-4,批次四," + phone() + ",,2409\n"; // a batch without products: the line is refused
        ResponseEntity<Map<String, Object>> imported = Api.as(rest, "manager1").postCsv("/api/customers/import", csv);
        assertThat(imported.getStatusCode()).as(String.valueOf(imported.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(imported.getBody()).containsEntry("accepted", 3).containsEntry("rejected", 1);
        assertThat(imported.getBody().get("errors").toString()).contains("batch");
        assertThat(customers.byExternalId(id + "-4")).isEmpty();
        CustomerView owner1 = customers.byExternalId(id + "-1").orElseThrow();
        CustomerView owner2 = customers.byExternalId(id + "-2").orElseThrow();
        assertThat(owner1.products()).isEqualTo(model + "," + model + "/2409");
        assertThat(owner2.products()).isEqualTo("空调," + model + ",空调/2409," + model + "/2409");
        BatchIncidents.BatchIncident incident = threeFaults();
        Task task = investigation(incident);

        ResponseEntity<String> ok = submit("tech1", task, Map.of("rootCause", "主板焊点虚焊 cold solder joints", "action", "REPAIR_CAMPAIGN",
                "startCampaign", true));
        assertThat(ok.getStatusCode()).as(ok.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        BatchIncidents.BatchIncident closed = incidents.byNumber(incident.number());
        assertThat(closed.status()).isEqualTo(BatchIncidents.Status.CLOSED);
        assertThat(closed.action()).isEqualTo("REPAIR_CAMPAIGN");
        assertThat(closed.campaignRunId()).isNotNull();
        assertThat(passed(incident.processInstanceId(), "EndEvent_CampaignStarted")).isEqualTo(1);

        Map<String, Object> run = jdbc.queryForMap("select campaign_products, campaign_scenario, started_by, process_instance_id"
                + " from screening_run where id = ?", closed.campaignRunId());
        assertThat(run).containsEntry("campaign_products", model + "/" + BATCH).containsEntry("campaign_scenario", "PROMOTION")
                .containsEntry("started_by", "tech1");
        // run the campaign's jobs: the customers of the batch get their follow-up
        for (int i = 0; i < 20; i++) {
            List<Job> jobs = management.createJobQuery().processInstanceId((String) run.get("process_instance_id")).executable().list();
            if (jobs.isEmpty()) {
                break;
            }
            jobs.forEach(j -> management.executeJob(j.getId()));
        }
        assertThat(screening.created(closed.campaignRunId())).isEqualTo(2);
        assertThat(jdbc.queryForList("select customer_id from follow_up where customer_id in (?, ?)", Long.class, owner1.id(), owner2.id()))
                .containsExactlyInAnyOrder(owner1.id(), owner2.id());
    }
}
