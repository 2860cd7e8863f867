package com.careloop.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerImports;
import com.careloop.customer.CustomerService;
import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 11 item 7 on PostgreSQL: an import is a record (GET /api/customers/imports/{id}: RUNNING, COMPLETED,
 * FAILED, INTERRUPTED, counts, errors); a file that fails part-way says what was committed; an over-long record
 * is a line error; invalid GBK bytes are a line error; future dates and unknown VIP agents are refused by REST and
 * CSV alike.
 */
class CustomerImportRecordTest extends CareLoopTest {

    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

    @Autowired TestRestTemplate rest;
    @Autowired CustomerService customers;
    @Autowired CustomerImports imports;
    @Autowired JdbcTemplate jdbc;

    final String p = "R" + UUID.randomUUID().toString().substring(0, 6) + "-";

    ResponseEntity<Map<String, Object>> postCsv(byte[] body) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth("agent1", "agent1");
        h.setContentType(MediaType.parseMediaType("text/csv"));
        return rest.exchange("/api/customers/import", HttpMethod.POST, new HttpEntity<>(body, h), MAP);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> record(ResponseEntity<Map<String, Object>> r) {
        Object nested = r.getBody().get("import");
        return nested == null ? r.getBody() : (Map<String, Object>) nested;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> errors(Map<String, Object> record) {
        return (List<Map<String, Object>>) record.get("errors");
    }

    @Test
    void aCompletedImportCanBeReadBack() {
        String csv = "externalId,name,phone\n" + p + "1,甲,13800000001\n" + p + "2,,\n" + p + "3,丙,\n";
        ResponseEntity<Map<String, Object>> r = postCsv(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getBody()).containsEntry("status", "COMPLETED").containsEntry("accepted", 2).containsEntry("created", 2)
                .containsEntry("rejected", 1).containsKey("id");

        ResponseEntity<Map<String, Object>> read = Api.as(rest, "agent1").get("/api/customers/imports/" + r.getBody().get("id"));
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody()).containsEntry("status", "COMPLETED").containsEntry("created", 2).containsEntry("updated", 0)
                .containsEntry("rejected", 1).containsEntry("linesRead", 4).containsEntry("startedBy", "agent1")
                .containsKeys("startedAt", "finishedAt");
        assertThat(errors(read.getBody())).extracting(e -> e.get("line") + ":" + e.get("column")).containsExactly("3:name");
        assertThat(Api.as(rest, "agent1").get("/api/customers/imports/987654321").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aFileThatFailsPartWayStatesWhatWasCommitted() {
        StringBuilder csv = new StringBuilder("externalId,name\n");
        for (int line = 2; line <= 1501; line++) {
            csv.append(p).append(line).append(",客户").append(line).append('\n');
        }
        csv.append(p).append("1502,\"never closed\n");
        for (int line = 1503; line <= 1600; line++) {
            csv.append(p).append(line).append(",客户").append(line).append('\n');
        }
        ResponseEntity<Map<String, Object>> r = postCsv(csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) r.getBody().get("detail")).contains("line 1502").contains("1500");
        Map<String, Object> failed = record(r);
        assertThat(failed).containsEntry("status", "FAILED").containsEntry("created", 1500).containsEntry("committedThroughLine", 1501)
                .containsEntry("failureLine", 1502);
        assertThat(customers.byExternalId(p + "1501")).isPresent();
        assertThat(customers.byExternalId(p + "1503")).isEmpty();

        ResponseEntity<Map<String, Object>> read = Api.as(rest, "agent1").get("/api/customers/imports/" + failed.get("id"));
        assertThat(read.getBody()).containsEntry("status", "FAILED").containsEntry("created", 1500)
                .containsEntry("committedThroughLine", 1501);
        assertThat((String) read.getBody().get("failure")).contains("quoted field").contains("1502");
    }

    @Test
    void anOverLongRecordIsALineErrorAndTheImportGoesOn() {
        String huge = "x".repeat(300_000);
        String csv = "externalId,name,tags\n" + p + "10,甲,ok\n" + p + "11,乙,\"" + huge + "\"\n" + p + "12,丙,ok\n";
        ResponseEntity<Map<String, Object>> r = postCsv(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getBody()).containsEntry("created", 2).containsEntry("rejected", 1);
        assertThat(errors(r.getBody())).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("line", 3);
            assertThat((String) e.get("message")).contains("longer than");
        });
        assertThat(customers.byExternalId(p + "11")).isEmpty();
        assertThat(customers.byExternalId(p + "12")).isPresent();
    }

    @Test
    void invalidGbkBytesAreALineErrorNotReplacementCharacters() throws Exception {
        Charset gbk = Charset.forName("GBK");
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(("客户编号,客户名称\r\n" + p + "20,李伟\r\n" + p + "21,王").getBytes(gbk));
        file.write(new byte[] {(byte) 0x80, (byte) 0xFF}); // no GBK / GB18030 character starts like this
        file.write(("芳\r\n" + p + "22,赵敏\r\n").getBytes(gbk));
        ResponseEntity<Map<String, Object>> r = postCsv(file.toByteArray());
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getBody()).containsEntry("created", 2).containsEntry("rejected", 1);
        assertThat(errors(r.getBody())).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("line", 3).containsEntry("column", "name");
            assertThat((String) e.get("message")).contains("not valid GB18030");
        });
        assertThat(customers.byExternalId(p + "21")).isEmpty();
        assertThat(customers.byExternalId(p + "22").orElseThrow().name()).isEqualTo("赵敏");
    }

    @Test
    void futureDatesAndUnknownVipAgentsAreRefusedByRestAndCsvAlike() {
        String future = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        ResponseEntity<Map<String, Object>> restFuture = Api.as(rest, "agent1").post("/api/customers",
                Map.of("externalId", p + "30", "name", "未来", "lastPurchaseAt", future));
        assertThat(restFuture.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(restFuture.getBody().get("errors").toString()).contains("lastPurchaseAt").contains("in the future");
        ResponseEntity<Map<String, Object>> restGhost = Api.as(rest, "agent1").post("/api/customers",
                Map.of("externalId", p + "31", "name", "贵宾", "tier", "VIP", "accountAgent", "ghost-agent"));
        assertThat(restGhost.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(restGhost.getBody().get("errors").toString()).contains("accountAgent").contains("ghost-agent").contains("no user");
        assertThat(Api.as(rest, "agent1").post("/api/customers",
                Map.of("externalId", p + "32", "name", "贵宾", "tier", "VIP", "accountAgent", "agent2")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(customers.byExternalId(p + "30")).isEmpty();
        assertThat(customers.byExternalId(p + "31")).isEmpty();

        String csv = "externalId,name,tier,accountAgent,lastPurchaseAt\n"
                + p + "33,未来,,," + future + "\n"
                + p + "34,贵宾,VIP,ghost-agent,\n"
                + p + "35,贵宾,VIP,agent2,\n";
        ResponseEntity<Map<String, Object>> r = postCsv(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getBody()).containsEntry("created", 1).containsEntry("rejected", 2);
        assertThat(errors(r.getBody())).extracting(e -> e.get("line") + ":" + e.get("column") + ":" + e.get("message")).containsExactly(
                "2:lastPurchaseAt:" + messageOf(restFuture, "lastPurchaseAt"),
                "3:accountAgent:" + messageOf(restGhost, "accountAgent"));

        // no tier in the row, but the customer is stored as VIP: the same rule, in REST and CSV
        assertThat(Api.as(rest, "agent1").post("/api/customers", Map.of("externalId", p + "35", "name", "贵宾", "accountAgent", "ghost-agent"))
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<Map<String, Object>> update = postCsv(("externalId,name,accountAgent\n" + p + "35,贵宾,ghost-agent\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(update.getBody()).containsEntry("updated", 0).containsEntry("rejected", 1);
        assertThat(errors(update.getBody())).extracting(e -> e.get("line") + ":" + e.get("column")).containsExactly("2:accountAgent");
        assertThat(customers.byExternalId(p + "35").orElseThrow().accountAgent()).isEqualTo("agent2");
    }

    @SuppressWarnings("unchecked")
    static String messageOf(ResponseEntity<Map<String, Object>> r, String field) {
        return ((List<Map<String, String>>) r.getBody().get("errors")).stream().filter(e -> field.equals(e.get("field")))
                .map(e -> e.get("message")).findFirst().orElseThrow();
    }

    @Test
    void anImportLeftRunningByACrashIsInterruptedAtStart() {
        Timestamp longAgo = Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS));
        jdbc.update("insert into customer_import (status, file_name, started_by, started_at, heartbeat_at, lines_read,"
                + " committed_through_line, created_count) values ('RUNNING', 'crm.csv', 'agent1', ?, ?, 143001, 143001, 143000)",
                longAgo, longAgo);
        Long id = jdbc.queryForObject("select max(id) from customer_import", Long.class);

        imports.interruptAbandoned();

        Map<String, Object> read = Api.as(rest, "agent1").get("/api/customers/imports/" + id).getBody();
        assertThat(read).containsEntry("status", "INTERRUPTED").containsEntry("created", 143000).containsEntry("committedThroughLine", 143001)
                .containsKey("finishedAt");
        assertThat((String) read.get("failure")).contains("143001");
    }
}
