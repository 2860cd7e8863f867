package com.careloop.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerRequest;
import com.careloop.customer.CustomerService;
import com.careloop.customer.CustomerView;
import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** POST /api/feedback as the register of seed 002: channels, customer lookup, product, urgency suggestion, bad input. */
class FeedbackRegisterApiTest extends CareLoopTest {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired CustomerService customers;

    static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    CustomerView customer(String phone) {
        String id = "R-" + UUID.randomUUID().toString().substring(0, 8);
        return customers.upsertView(new CustomerRequest(id, "登记客户 " + id, null, phone, null, null, null, false, null,
                null, null, null, null, null));
    }

    static Map<String, Object> line(Object... keyValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    ResponseEntity<Map<String, Object>> register(Map<String, Object> body) {
        return Api.as(rest, "center1").post("/api/feedback", body);
    }

    Map<String, Object> registered(Map<String, Object> body) {
        ResponseEntity<Map<String, Object>> r = register(body);
        assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(HttpStatus.CREATED);
        return Api.as(rest, "manager1").get("/api/feedback/" + r.getBody().get("number")).getBody();
    }

    /** Rows of the tables a registration writes: a refused one leaves them as they were. */
    String counts() {
        return jdbc.queryForObject("select (select count(*) from feedback_item) || '/' || (select count(*) from feedback_progress)"
                + " || '/' || (select count(*) from customer) || '/' || (select count(*) from act_ru_execution)", String.class);
    }

    @Test
    void aRegisterLineKeepsChannelContactAndProductAndReadsTheBatchFromTheSerial() {
        String phone = phone();
        CustomerView c = customer(phone());
        // a model of this test's own: batch-quality counting (3 faults of one model and batch) must not see other tests' items
        String model = "KFR-35GW-" + phone.substring(7);
        Map<String, Object> item = registered(line("customerExternalId", c.externalId(), "channel", "WECHAT",
                "contactName", "王先生", "contactPhone", phone, "productModel", model, "orderNumber", "SO-778",
                "serialNumber", "AC2405-00123", "type", "PROBLEM", "description", "空调不制冷"));
        assertThat(item).containsEntry("channel", "WECHAT").containsEntry("customerId", c.id().intValue())
                .containsEntry("contactName", "王先生").containsEntry("productModel", model)
                .containsEntry("orderNumber", "SO-778").containsEntry("serialNumber", "AC2405-00123")
                .containsEntry("batch", "2405").containsEntry("urgency", "NORMAL").containsEntry("urgencySuggested", true)
                .containsEntry("contactPhoneMasked", phone.substring(0, 3) + "****" + phone.substring(7))
                .containsEntry("status", "NEW").containsEntry("verification", null);
        assertThat(item.toString()).doesNotContain(phone);
        // the contact's phone and name stay in the feedback table: no process variable, no history row carries them
        assertThat(jdbc.queryForObject("select count(*) from act_ru_variable where text_ like ? or text_ like ?", Integer.class,
                "%" + phone + "%", "%王先生%")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from act_hi_varinst where text_ like ? or text_ like ?", Integer.class,
                "%" + phone + "%", "%王先生%")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from act_hi_detail where text_ like ? or text_ like ?", Integer.class,
                "%" + phone + "%", "%王先生%")).isZero();

        Map<String, Object> givenBatch = registered(line("customerId", c.id(), "channel", "STORE", "serialNumber", "XX-1",
                "batch", "B7", "type", "SUGGESTION", "urgency", "LOW", "description", "希望周末上门"));
        assertThat(givenBatch).containsEntry("batch", "B7").containsEntry("urgency", "LOW").containsEntry("urgencySuggested", false);
        Map<String, Object> oldRequest = registered(line("customerId", c.id(), "type", "CONSULTATION", "urgency", "NORMAL",
                "description", "怎么续保"));
        assertThat(oldRequest).containsEntry("channel", "HOTLINE").containsEntry("urgencySuggested", false).containsEntry("batch", null);
    }

    @Test
    void theCustomerIsFoundByPhoneOrCreatedOnTheSpot() {
        String phone = phone();
        CustomerView known = customer(phone);
        assertThat(registered(line("contactPhone", phone, "channel", "HOTLINE", "type", "CONSULTATION", "description", "保修多久")))
                .containsEntry("customerId", known.id().intValue());

        String newPhone = phone();
        Map<String, Object> created = registered(line("contactPhone", newPhone, "customerName", "李女士", "channel", "APP",
                "type", "COMPLAINT", "description", "安装师傅迟到"));
        Long newId = ((Number) created.get("customerId")).longValue();
        assertThat(customers.find(newId)).get().satisfies(v -> {
            assertThat(v.name()).isEqualTo("李女士");
            assertThat(v.phone()).isEqualTo(newPhone);
            assertThat(v.externalId()).isEqualTo("REG-" + created.get("number"));
        });
        assertThat(created.get("progress").toString()).contains("Customer created on the spot");

        Map<String, Object> byExternalId = registered(line("customerExternalId", "CRM-" + UUID.randomUUID(), "customerName", "赵先生",
                "channel", "EMAIL", "type", "CONSULTATION", "description", "发票怎么开"));
        assertThat(customers.find(((Number) byExternalId.get("customerId")).longValue()).orElseThrow().name()).isEqualTo("赵先生");

        String shared = phone();
        customer(shared);
        customer(shared);
        String before = counts();
        ResponseEntity<Map<String, Object>> ambiguous = register(line("contactPhone", shared, "type", "PROBLEM", "description", "坏了"));
        assertThat(ambiguous.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ambiguous.getBody().get("errors").toString()).contains("contactPhone").contains("customerExternalId");
        ResponseEntity<Map<String, Object>> unknown = register(line("contactPhone", phone(), "type", "PROBLEM", "description", "坏了"));
        assertThat(unknown.getBody().get("errors").toString()).contains("contactPhone").contains("customerName");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void theUrgencyIsSuggestedAndARegistrarLoweringAnUrgentSuggestionSaysWhy() {
        CustomerView c = customer(phone());
        Map<String, Object> smoke = registered(line("customerId", c.id(), "channel", "ONLINE_CHAT", "type", "PROBLEM",
                "description", "插座处有漏电的感觉"));
        assertThat(smoke).containsEntry("urgency", "URGENT").containsEntry("urgencySuggested", true).containsEntry("suggestedUrgency", "URGENT");
        assertThat(smoke.get("urgencyReason").toString()).contains("漏电");

        String before = counts();
        ResponseEntity<Map<String, Object>> noReason = register(line("customerId", c.id(), "type", "PROBLEM", "urgency", "NORMAL",
                "description", "机器冒烟一次后正常"));
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noReason.getBody().get("errors").toString()).contains("urgencyOverrideReason");
        assertThat(counts()).isEqualTo(before);

        Map<String, Object> overridden = registered(line("customerId", c.id(), "type", "PROBLEM", "urgency", "NORMAL",
                "urgencyOverrideReason", "客户确认是水汽不是烟", "description", "机器冒烟一次后正常"));
        assertThat(overridden).containsEntry("urgency", "NORMAL").containsEntry("urgencySuggested", false)
                .containsEntry("suggestedUrgency", "URGENT").containsEntry("urgencyOverrideReason", "客户确认是水汽不是烟");
        assertThat(overridden.get("progress").toString()).contains("URGENCY").contains("客户确认是水汽不是烟");
    }

    @Test
    void theThirdContactOnTheSameSerialWithinTheWindowIsSuggestedUrgent() {
        CustomerView c = customer(phone());
        String serial = "WM" + ThreadLocalRandom.current().nextInt(1_000_000);
        Map<String, Object> first = registered(line("customerId", c.id(), "serialNumber", serial, "type", "PROBLEM", "description", "洗衣机漏水"));
        Map<String, Object> second = registered(line("customerId", c.id(), "serialNumber", serial, "type", "PROBLEM", "description", "还是漏水"));
        Map<String, Object> otherSerial = registered(line("customerId", c.id(), "serialNumber", serial + "X", "type", "PROBLEM", "description", "另一台漏水"));
        Map<String, Object> third = registered(line("customerId", c.id(), "serialNumber", serial, "type", "PROBLEM", "description", "第三次说漏水"));
        assertThat(List.of(first.get("urgency"), second.get("urgency"), otherSerial.get("urgency"))).containsOnly("NORMAL");
        assertThat(third).containsEntry("urgency", "URGENT").containsEntry("urgencySuggested", true);
        assertThat(third.get("urgencyReason").toString()).contains("Third contact");

        // by product model when no serial number is given
        registered(line("customerId", c.id(), "productModel", "M-" + serial, "type", "COMPLAINT", "description", "噪音大"));
        registered(line("customerId", c.id(), "productModel", "M-" + serial, "type", "COMPLAINT", "description", "噪音还是大"));
        assertThat(registered(line("customerId", c.id(), "productModel", "M-" + serial, "type", "COMPLAINT", "description", "第三次投诉噪音")))
                .containsEntry("urgency", "URGENT");
    }

    @Test
    void badLinesAreRefusedNamingTheFieldAndWriteNothing() {
        CustomerView owner = customer(phone());
        CustomerView other = customer(phone());
        String serial = "TV" + ThreadLocalRandom.current().nextInt(1_000_000);
        registered(line("customerId", owner.id(), "serialNumber", serial, "type", "PROBLEM", "description", "黑屏"));
        String before = counts();

        ResponseEntity<Map<String, Object>> channel = register(line("customerId", owner.id(), "channel", "PIGEON", "type", "PROBLEM",
                "description", "黑屏"));
        assertThat(channel.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(channel.getBody().get("errors").toString()).contains("channel").contains("WECHAT");
        ResponseEntity<Map<String, Object>> system = register(line("customerId", owner.id(), "channel", "FOLLOW_UP", "type", "PROBLEM",
                "description", "黑屏"));
        assertThat(system.getBody().get("errors").toString()).contains("channel").contains("set by the system");
        ResponseEntity<Map<String, Object>> serialOfAnother = register(line("customerId", other.id(), "serialNumber", serial,
                "type", "PROBLEM", "description", "黑屏"));
        assertThat(serialOfAnother.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(serialOfAnother.getBody().get("errors").toString()).contains("serialNumber").contains("another customer");
        ResponseEntity<Map<String, Object>> several = register(line("customerExternalId", "NOPE-" + UUID.randomUUID(),
                "contactPhone", "abc", "type", "PROBLEM", "description", " "));
        assertThat(several.getBody().get("errors").toString()).contains("customerExternalId").contains("contactPhone").contains("description");
        ResponseEntity<Map<String, Object>> mismatch = register(line("customerId", owner.id(), "customerExternalId", other.externalId(),
                "type", "PROBLEM", "description", "黑屏"));
        assertThat(mismatch.getBody().get("errors").toString()).contains("customerExternalId");
        assertThat(counts()).isEqualTo(before);
    }
}
