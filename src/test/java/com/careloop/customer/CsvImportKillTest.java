package com.careloop.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.testsupport.CareLoopNode;
import com.careloop.testsupport.CareLoopTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 11.7, the kill test: a second CareLoop JVM on the test's PostgreSQL imports a generated CSV of 200,000
 * customers (POST /api/customers/import), is killed with SIGKILL in the middle, and a node started afterwards (with
 * the heartbeat timeout shortened to 5 s) marks the import INTERRUPTED; its committed counts are exactly the
 * customer rows of that file in the database.
 */
@Tag("slow")
class CsvImportKillTest extends CareLoopTest {

    static final int ROWS = 200_000;

    @Autowired JdbcTemplate jdbc;
    @Autowired CustomerImports imports;

    @Test
    void anImportKilledMidwayIsInterruptedAfterRestartWithCountsEqualToTheCommittedRows() throws Exception {
        String tag = "kill-" + UUID.randomUUID().toString().substring(0, 8);
        Path csv = Path.of("target", tag + ".csv");
        Files.createDirectories(csv.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("externalId,name,company,phone,email,tier,tags\n");
            for (int i = 0; i < ROWS; i++) {
                out.write(tag + "-" + i + ",导入客户 " + i + ",测试公司," + (13800000000L + i) + "," + tag + "-" + i + "@example.com,STANDARD," + tag + "\n");
            }
        }
        String admin = "killadmin";
        String password = "Kx7-" + UUID.randomUUID();

        CareLoopNode first = CareLoopNode.start("import-first", admin, password).awaitReady(Duration.ofMinutes(4));
        long importId;
        long createdAtKill;
        try {
            String boundary = "----careloop" + UUID.randomUUID();
            HttpRequest upload = first.request("/api/customers/import")
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.concat(
                            HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                                    + csv.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n"),
                            HttpRequest.BodyPublishers.ofFile(csv),
                            HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
                    .build();
            CompletableFuture<HttpResponse<String>> response = first.http().sendAsync(upload, HttpResponse.BodyHandlers.ofString());

            // wait until a good part (but not all) of the file is committed, then kill -9
            long deadline = System.currentTimeMillis() + 300_000;
            Long id = null;
            long created = 0;
            while (System.currentTimeMillis() < deadline && !response.isDone()) {
                List<Map<String, Object>> rec = jdbc.queryForList("select id, created_count from customer_import where file_name = ?",
                        csv.getFileName().toString());
                if (!rec.isEmpty()) {
                    id = ((Number) rec.get(0).get("id")).longValue();
                    created = ((Number) rec.get(0).get("created_count")).longValue();
                    if (created >= 20_000) {
                        break;
                    }
                }
                Thread.sleep(20);
            }
            assertThat(response.isDone()).as("still importing when killed (%s)", response.isDone() ? response.join().body() : "").isFalse();
            assertThat(id).as("the import record").isNotNull();
            first.kill();
            importId = id;
            createdAtKill = created;
        } finally {
            first.kill();
        }
        long rows = customersOf(tag);
        assertThat(rows).as("killed in the middle of the file").isGreaterThanOrEqualTo(createdAtKill).isLessThan(ROWS);
        // what kill -9 left: a record still RUNNING (no node will finish it) with the counts of its last committed batch
        Map<String, Object> left = jdbc.queryForMap("select status, created_count, updated_count from customer_import where id = ?", importId);
        assertThat(left.get("status")).isEqualTo("RUNNING");
        System.out.printf("kill test: import %d killed at created_count %d; %d of %d customer rows in the database, record %s%n",
                importId, createdAtKill, rows, ROWS, left);

        // a restarted node finds it without a heartbeat and says so
        try (CareLoopNode second = CareLoopNode.start("import-second", admin, password,
                "--careloop.customer.import-abandoned-after=PT5S").awaitReady(Duration.ofMinutes(4))) {
            HttpResponse<String> r = second.get("/api/customers/imports/" + importId);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode record = new ObjectMapper().readTree(r.body());
            assertThat(record.get("status").asText()).isEqualTo("INTERRUPTED");
            assertThat(record.get("fileName").asText()).isEqualTo(csv.getFileName().toString());
            assertThat(record.get("created").asLong()).as("created = the file's customer rows in the database").isEqualTo(rows);
            assertThat(record.get("updated").asLong()).isZero();
            assertThat(record.get("accepted").asLong()).isEqualTo(rows);
            assertThat(record.get("rejected").asLong()).isZero();
            // header on line 1, one customer per line after it, committed through line N = rows 2..N
            assertThat(record.get("committedThroughLine").asLong()).isEqualTo(rows + 1);
            assertThat(record.get("failure").asText()).contains("lines up to " + (rows + 1) + " were committed");
            assertThat(record.get("finishedAt").isNull()).isFalse();
        }
        // and every later read says the same, on any node
        CustomerImports.View view = imports.get(importId);
        assertThat(view.status()).isEqualTo(CustomerImports.Status.INTERRUPTED);
        assertThat(view.accepted()).isEqualTo(customersOf(tag));
        Files.deleteIfExists(csv);
    }

    private long customersOf(String tag) {
        Long n = jdbc.queryForObject("select count(*) from customer where external_id like ?", Long.class, tag + "-%");
        return n == null ? 0 : n;
    }
}
