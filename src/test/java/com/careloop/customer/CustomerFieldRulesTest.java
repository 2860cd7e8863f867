package com.careloop.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * One source for a customer's field rules: the CSV import validates each row as the {@link CustomerRequest} that
 * POST /api/customers receives, so for every bad field both refuse it with the same field name and message.
 */
class CustomerFieldRulesTest extends CareLoopTest {

    @Autowired TestRestTemplate rest;

    @Test
    void restAndImportRefuseTheSameFieldsWithTheSameMessages() {
        List<Map<String, String>> bad = List.of(
                Map.of("externalId", "", "name", "没有编号"),
                Map.of("externalId", "x".repeat(65), "name", "李雷"),
                Map.of("name", "名".repeat(201)),
                Map.of("name", "李雷", "company", "c".repeat(201)),
                Map.of("name", "李雷", "phone", "12ab"),
                Map.of("name", "李雷", "email", "wang@localhost"),
                Map.of("name", "李雷", "email", "a".repeat(195) + "@b.com"),
                Map.of("name", "李雷", "accountAgent", "a".repeat(65)),
                Map.of("name", "李雷", "tags", "t".repeat(501)),
                Map.of("name", "李雷", "products", "p".repeat(501)));
        for (Map<String, String> fields : bad) {
            Map<String, String> record = new LinkedHashMap<>();
            record.put("externalId", "F-" + UUID.randomUUID().toString().substring(0, 8));
            record.putAll(fields);
            ResponseEntity<Map<String, Object>> viaRest = Api.as(rest, "agent1").post("/api/customers", new LinkedHashMap<>(record));
            assertThat(viaRest.getStatusCode()).as(record.toString()).isEqualTo(HttpStatus.BAD_REQUEST);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> restErrors = (List<Map<String, Object>>) viaRest.getBody().get("errors");

            String header = String.join(",", record.keySet());
            String row = String.join(",", record.values());
            ResponseEntity<Map<String, Object>> viaFile = Api.as(rest, "agent1").postCsv("/api/customers/import", header + "\n" + row + "\n");
            assertThat(viaFile.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(((Number) viaFile.getBody().get("rejected")).intValue()).as(record.toString()).isEqualTo(1);
            String fileErrors = viaFile.getBody().toString();
            for (Map<String, Object> e : restErrors) {
                assertThat(fileErrors).as(record + " over the import").contains(String.valueOf(e.get("field")))
                        .contains(String.valueOf(e.get("message")));
            }
        }
    }
}
