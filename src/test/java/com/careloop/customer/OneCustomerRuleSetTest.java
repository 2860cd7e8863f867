package com.careloop.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 6: POST /api/customers and the CSV import validated differently — "a@b" was an e-mail address over REST and
 * not in a file, and the import cleared the wrong-number flag whenever a phone was given (the same number included)
 * while REST cleared it only for a new number. One set of rules, one writer: both refuse "a@b", both keep the flag for
 * the same number and clear it for a new one.
 */
class OneCustomerRuleSetTest extends CareLoopTest {

    @Autowired TestRestTemplate rest;
    @Autowired CustomerRepository customers;
    @Autowired CustomerService service;

    String id() {
        return "R-" + UUID.randomUUID().toString().substring(0, 8);
    }

    ResponseEntity<Map<String, Object>> importCsv(String csv) {
        return Api.as(rest, "agent1").postCsv("/api/customers/import", csv);
    }

    @Test
    void anEmailAddressIsTheSameForRestAndTheImport() {
        String viaRest = id();
        ResponseEntity<Map<String, Object>> r = Api.as(rest, "agent1").post("/api/customers",
                Map.of("externalId", viaRest, "name", "王五", "email", "wang@localhost"));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody().get("errors").toString()).contains("email");
        assertThat(customers.findByExternalId(viaRest)).isEmpty();

        String viaFile = id();
        ResponseEntity<Map<String, Object>> imported = importCsv("externalId,name,email\n" + viaFile + ",王五,wang@localhost\n");
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(((Number) imported.getBody().get("rejected")).intValue()).isEqualTo(1);
        assertThat(customers.findByExternalId(viaFile)).isEmpty();

        String good = id();
        assertThat(Api.as(rest, "agent1").post("/api/customers", Map.of("externalId", good, "name", "王五", "email", "wang@example.com"))
                .getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(importCsv("externalId,name,email\n" + id() + ",王五,wang@example.com\n").getBody()).containsEntry("rejected", 0);
    }

    @Test
    void theWrongNumberFlagIsClearedOnlyByANewNumberEitherWay() {
        for (boolean viaFile : List.of(false, true)) {
            String ext = id();
            CustomerView c = service.upsert(new CustomerRequest(ext, "赵六", null, "13800138000", null, null, null, null, null, null, null,
                    null, null, null)).customer();
            service.flagContactInvalid(c.id());
            update(viaFile, ext, "13800138000");
            assertThat(customers.findByExternalId(ext).orElseThrow().isContactInvalid()).as("same number, file=" + viaFile).isTrue();
            update(viaFile, ext, "13900139000");
            assertThat(customers.findByExternalId(ext).orElseThrow().isContactInvalid()).as("new number, file=" + viaFile).isFalse();
        }
    }

    void update(boolean viaFile, String ext, String phone) {
        if (viaFile) {
            assertThat(importCsv("externalId,name,phone\n" + ext + ",赵六," + phone + "\n").getBody()).containsEntry("rejected", 0);
        } else {
            assertThat(Api.as(rest, "agent1").post("/api/customers", Map.of("externalId", ext, "name", "赵六", "phone", phone))
                    .getStatusCode().is2xxSuccessful()).isTrue();
        }
    }
}
