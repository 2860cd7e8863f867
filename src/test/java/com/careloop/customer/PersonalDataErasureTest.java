package com.careloop.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.followup.FollowUpService;
import com.careloop.notification.NotificationWorker;
import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import com.careloop.testsupport.HistoryScan;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 17 (PIPL), end to end on PostgreSQL: a customer is called (notes, feedback in their own words, tags), the
 * complaint is answered, resolved and confirmed on a re-visit, with a Tasklist comment on the way; the erase request
 * is refused while the feedback item is open (naming it), then anonymises the customer: no business table and no
 * ACT_HI_* column (nor a history byte array) holds the name, phone, e-mail or any of the free texts, the scores stay,
 * the KPIs of the period are unchanged, and the erase is audited. Only cs-managers and administrators may erase;
 * an unknown customer is 404; a second erase is the same 204.
 */
class PersonalDataErasureTest extends CareLoopTest {

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired JdbcTemplate jdbc;
    @Autowired NotificationWorker notifications;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;

    private ResponseEntity<Map<String, Object>> erase(String user, String externalId) {
        return Api.as(rest, user).delete("/api/customers/" + externalId + "/personal-data");
    }

    @Test
    void anEraseRequestAnonymisesTheCustomerEverywhereAndKeepsTheKpis() throws Exception {
        Fixtures fx = new Fixtures(engine, customers, followUps);
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String ext = "E-" + tag;
        String name = "欧阳娜娜" + tag;
        String company = "欧阳科技" + tag;
        String phone = "139" + String.format("%08d", Math.abs(tag.hashCode()) % 100_000_000);
        String email = "nana." + tag + "@example.com";
        String feedbackText = "充电器第三次烧坏了" + tag;
        String notes = "客户说邻居也买了同款 " + tag;
        String tags = "老客户" + tag;
        String comment = "已与客户电话沟通 " + tag;
        String responsePlan = "明天上门检测 " + tag;
        String solution = "更换整机 " + tag;
        String revisitNotes = "客户对更换满意 " + tag;
        List<String> secrets = List.of(name, company, phone, email, feedbackText, notes, tags, comment, responsePlan, solution, revisitNotes);

        ResponseEntity<Map<String, Object>> created = Api.as(rest, "manager1").post("/api/customers", Map.of("externalId", ext,
                "name", name, "company", company, "phone", phone, "email", email, "tags", tags));
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        long customerId = ((Number) created.getBody().get("id")).longValue();

        // the call, as agent1 makes it in Tasklist
        ResponseEntity<Map<String, Object>> started = Api.as(rest, "manager1").post("/api/follow-ups",
                Map.of("customerId", customerId, "scenario", "NEW_PURCHASE"));
        assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.CREATED);
        String followUp = (String) started.getBody().get("number");
        String followUpProcess = (String) started.getBody().get("processInstanceId");
        Task call = fx.task(followUpProcess, "Task_CallCustomer");
        assertThat(call).isNotNull();
        assertThat(Api.as(rest, "agent1").postRaw("/engine-rest/task/" + call.getId() + "/claim", "{\"userId\":\"agent1\"}")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        Map<String, Object> form = Map.of("variables", Map.of(
                "callOutcome", Map.of("value", "REACHED"),
                // satisfied and a promoter: one feedback item (the problem), no service recovery
                "satisfaction", Map.of("value", 4, "type", "Long"),
                "nps", Map.of("value", 9, "type", "Long"),
                "feedbackType", Map.of("value", "PROBLEM"),
                "feedbackUrgency", Map.of("value", "NORMAL"),
                "feedbackText", Map.of("value", feedbackText),
                "notes", Map.of("value", notes),
                "tags", Map.of("value", tags)));
        ResponseEntity<String> submitted = Api.as(rest, "agent1").postRaw("/engine-rest/task/" + call.getId() + "/submit-form",
                new ObjectMapper().writeValueAsString(form));
        assertThat(submitted.getStatusCode()).as(submitted.getBody()).isIn(HttpStatus.NO_CONTENT, HttpStatus.OK);
        fx.startFeedbackHandling(followUpProcess);
        Map<String, Object> item = jdbc.queryForMap("select i.number, i.process_instance_id from feedback_item i"
                + " join follow_up f on f.id = i.follow_up_id where f.number = ?", followUp);
        String itemNumber = (String) item.get("number");
        String itemProcess = (String) item.get("process_instance_id");
        notifications.runOnce(itemNumber);

        // open cases hold the erase up, named in the answer; nothing changes
        ResponseEntity<Map<String, Object>> refused = erase("manager1", ext);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody()).containsEntry("reason", "OPEN_CASES");
        assertThat((String) refused.getBody().get("detail")).contains(itemNumber);
        assertThat(jdbc.queryForObject("select name from customer where id = ?", String.class, customerId)).isEqualTo(name);

        // the item is answered (with a Tasklist comment), resolved and confirmed on the re-visit
        Task respond = fx.task(itemProcess, "Task_RespondToCustomer");
        engine.getTaskService().createComment(respond.getId(), itemProcess, comment);
        engine.getTaskService().complete(respond.getId(), Fixtures.vars("contactMade", true, "responsePlan", responsePlan,
                "resolvedOnFirstContact", false));
        engine.getTaskService().complete(fx.task(itemProcess, "Task_ResolveFeedback").getId(),
                Fixtures.vars("handlingOutcome", "RESOLVED", "solution", solution));
        Task revisit = fx.task(itemProcess, "Task_ConfirmResolution");
        if (revisit.getAssignee() == null) {
            engine.getTaskService().claim(revisit.getId(), "agent1");
        }
        engine.getTaskService().complete(revisit.getId(), Fixtures.vars("callOutcome", "REACHED", "customerSatisfied", true,
                "satisfaction", 5L, "notes", revisitNotes));
        executeAllJobs(itemProcess);
        executeAllJobs(followUpProcess);
        assertThat(jdbc.queryForObject("select status from feedback_item where number = ?", String.class, itemNumber)).isEqualTo("CLOSED");
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceIds(
                java.util.Set.of(itemProcess, followUpProcess)).unfinished().count()).as("both processes ended").isZero();
        List<String> before = new ArrayList<>();
        for (String secret : secrets) {
            before.addAll(tablesContaining(secret));
            before.addAll(HistoryScan.columnsContaining(jdbc, secret));
        }
        assertThat(before).as("the test's texts are stored before the erase").isNotEmpty();

        // reports and exports carry no contact data: the day's report (JSON and XLSX) and the agents' report
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        for (String report : List.of("/api/reports/daily?date=" + today, "/api/reports/agents?month=" + today.toString().substring(0, 7))) {
            HttpHeaders h = new HttpHeaders();
            h.setBasicAuth("manager1", "manager1");
            h.setAccept(List.of(org.springframework.http.MediaType.APPLICATION_JSON));
            ResponseEntity<String> json = rest.exchange(report, HttpMethod.GET, new HttpEntity<>(h), String.class);
            assertThat(json.getStatusCode()).as(report).isEqualTo(HttpStatus.OK);
            assertThat(json.getHeaders().getContentType().isCompatibleWith(org.springframework.http.MediaType.APPLICATION_JSON)).isTrue();
            assertThat(json.getBody()).as(report).isNotBlank().doesNotContain(phone, email, name, company);
            assertThat(xlsxText(report)).as(report + " (XLSX)").isNotEmpty().doesNotContain(phone, email, name, company);
        }

        String period = "?from=" + LocalDate.now(ZoneId.of("Asia/Shanghai")) + "&to=" + LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);
        Map<String, Object> kpis = Api.as(rest, "manager1").get("/api/kpis" + period).getBody();
        Map<String, Object> kpisByAgent = Api.as(rest, "manager1").get("/api/kpis" + period + "&groupBy=agent").getBody();
        Map<String, Object> surveyBefore = jdbc.queryForMap("select satisfaction, nps, feedback_type from survey_response s"
                + " join follow_up f on f.id = s.follow_up_id where f.number = ?", followUp);

        // who may erase
        assertThat(erase("agent1", ext).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(erase("supervisor1", ext).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map<String, Object>> unknown = erase("manager1", "nobody-" + tag);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(jdbc.queryForObject("select name from customer where id = ?", String.class, customerId)).isEqualTo(name);

        assertThat(erase("manager1", ext).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        Map<String, Object> erasedOnce = jdbc.queryForMap("select name, erased_at from customer where id = ?", customerId);
        assertThat(erase("demo", ext).getStatusCode()).as("idempotent").isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(jdbc.queryForMap("select name, erased_at from customer where id = ?", customerId)).isEqualTo(erasedOnce);

        List<String> found = new ArrayList<>();
        for (String secret : secrets) {
            found.addAll(tablesContaining(secret));
            found.addAll(HistoryScan.columnsContaining(jdbc, secret));
        }
        assertThat(found).as("personal data left after the erase").isEmpty();

        ResponseEntity<Map<String, Object>> read = Api.as(rest, "manager1").get("/api/customers/" + customerId);
        assertThat(read.getBody()).containsEntry("externalId", ext).containsEntry("name", CustomerService.ERASED_NAME)
                .containsEntry("phone", null).containsEntry("email", null).containsEntry("optOut", true);
        assertThat(read.getBody().get("erasedAt")).isNotNull();
        assertThat(jdbc.queryForMap("select satisfaction, nps, feedback_type from survey_response s"
                + " join follow_up f on f.id = s.follow_up_id where f.number = ?", followUp)).as("scores stay").isEqualTo(surveyBefore);
        assertThat(Api.as(rest, "manager1").get("/api/kpis" + period).getBody()).as("KPIs of the period").isEqualTo(kpis);
        assertThat(Api.as(rest, "manager1").get("/api/kpis" + period + "&groupBy=agent").getBody()).isEqualTo(kpisByAgent);

        // audited, with who erased
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> audit = (List<Map<String, Object>>) Api.as(rest, "manager1")
                .get("/api/audit/contact-access?size=200").getBody().get("items");
        assertThat(audit).filteredOn(e -> "ERASED".equals(e.get("outcome")) && ext.equals(e.get("number")))
                .extracting(e -> e.get("user")).containsExactlyInAnyOrder("manager1", "demo");
        // the erased customer is never selected or started again
        ResponseEntity<Map<String, Object>> again = Api.as(rest, "manager1").post("/api/follow-ups",
                Map.of("customerId", customerId, "scenario", "NEW_PURCHASE"));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody()).containsEntry("reason", "OPTED_OUT");
        // and the CRM cannot bring the personal data back, neither by REST nor by a CSV line
        ResponseEntity<Map<String, Object>> reimport = Api.as(rest, "manager1").post("/api/customers", Map.of("externalId", ext,
                "name", "王芳", "tier", "STANDARD", "phone", "13912345678"));
        assertThat(reimport.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(reimport.getBody().toString()).contains("externalId");
        assertThat(jdbc.queryForMap("select name, phone from customer where id = ?", customerId))
                .containsEntry("name", CustomerService.ERASED_NAME).containsEntry("phone", null);
    }

    /** Every cell of the report's XLSX workbook, as text. */
    private String xlsxText(String path) throws java.io.IOException {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth("manager1", "manager1");
        h.setAccept(List.of(org.springframework.http.MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")));
        ResponseEntity<byte[]> r = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(h), byte[].class);
        assertThat(r.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        StringBuilder text = new StringBuilder();
        org.apache.poi.ss.usermodel.DataFormatter format = new org.apache.poi.ss.usermodel.DataFormatter();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(r.getBody()))) {
            wb.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> text.append(format.formatCellValue(cell)).append('\n'))));
        }
        return text.toString();
    }

    /** Every text column of every business table (all but the engine's ACT_* and Flyway's) that holds the text. */
    private List<String> tablesContaining(String secret) {
        List<String> hits = new ArrayList<>();
        List<Map<String, Object>> columns = jdbc.queryForList("select table_name, column_name from information_schema.columns"
                + " where table_schema = current_schema() and lower(table_name) not like 'act\\_%'"
                + " and lower(table_name) <> 'flyway_schema_history' and data_type in ('character varying', 'text', 'character')");
        assertThat(columns).extracting(c -> c.get("table_name")).contains("customer", "survey_response", "feedback_item", "feedback_progress");
        for (Map<String, Object> c : columns) {
            Long n = jdbc.queryForObject("select count(*) from " + c.get("table_name") + " where " + c.get("column_name") + " like ?",
                    Long.class, "%" + secret + "%");
            if (n != null && n > 0) {
                hits.add(c.get("table_name") + "." + c.get("column_name") + " holds '" + secret + "'");
            }
        }
        return hits;
    }

    /** Runs the process instance's due jobs (async continuations) until none is left; timers in the future stay. */
    private void executeAllJobs(String processInstanceId) {
        ManagementService m = engine.getManagementService();
        for (int round = 0; round < 20; round++) {
            List<Job> due = m.createJobQuery().processInstanceId(processInstanceId).executable().list();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                m.executeJob(job.getId());
            }
        }
    }

}
