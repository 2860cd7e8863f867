package com.careloop.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerView;
import com.careloop.customer.CustomerService;
import org.springframework.jdbc.core.JdbcTemplate;
import com.careloop.customer.CustomerTier;
import com.careloop.testsupport.CareLoopTest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** POST /api/customers/import on PostgreSQL: encodings, header aliases, bad rows, unreadable files, upsert, events. */
class CustomerImportTest extends CareLoopTest {

    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

    @Autowired TestRestTemplate rest;
    @Autowired CustomerService customers;
    @Autowired JdbcTemplate jdbc;

    final String p = "I" + UUID.randomUUID().toString().substring(0, 6) + "-";

    ResponseEntity<Map<String, Object>> postCsv(byte[] body) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth("agent1", "agent1");
        h.setContentType(MediaType.parseMediaType("text/csv"));
        return rest.exchange("/api/customers/import", HttpMethod.POST, new HttpEntity<>(body, h), MAP);
    }

    ResponseEntity<Map<String, Object>> postMultipart(byte[] body) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth("agent1", "agent1");
        h.setContentType(MediaType.MULTIPART_FORM_DATA);
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(body) {
            @Override
            public String getFilename() {
                return "customers.csv";
            }
        });
        return rest.exchange("/api/customers/import", HttpMethod.POST, new HttpEntity<>(parts, h), MAP);
    }

    CustomerView customer(String externalId) {
        return customers.byExternalId(externalId).orElseThrow();
    }

    @Test
    void utf8WithEnglishHeadersInAnyOrderAndQuotedFields() {
        String csv = "name,externalId,Phone,EMAIL,tier,accountAgent,firstPurchaseAt,optOut,tags,products\n"
                + "\"Zhang, San\"," + p + "1,13800138000,z@example.com,VIP,agent2,2026-11-20,false,\"vip,\"\"gold\"\"\",空调\n"
                + "Li Si," + p + "2,,,,,2026/11/01 10:30,0,,\r\n"
                + "\n"
                + "\"Wang\nWu\"," + p + "3,,,STANDARD,,,,,\n";
        ResponseEntity<Map<String, Object>> r = postCsv(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getBody()).containsEntry("accepted", 3).containsEntry("created", 3).containsEntry("rejected", 0)
                .containsEntry("encoding", "UTF-8");
        CustomerView zhang = customer(p + "1");
        assertThat(zhang.name()).isEqualTo("Zhang, San");
        assertThat(zhang.tier()).isEqualTo(CustomerTier.VIP);
        assertThat(zhang.tags()).isEqualTo("vip,\"gold\"");
        assertThat(zhang.products()).isEqualTo("空调");
        assertThat(zhang.firstPurchaseAt()).isEqualTo(Instant.parse("2026-11-19T16:00:00Z")); // midnight Asia/Shanghai
        assertThat(customer(p + "2").firstPurchaseAt()).isEqualTo(Instant.parse("2026-11-01T02:30:00Z"));
        assertThat(customer(p + "3").name()).isEqualTo("Wang\nWu");
    }

    @Test
    void utf8WithBomAndChineseHeadersAsMultipartThenUpsert() {
        String csv = "客户编号,客户名称,联系电话,客户等级,标签\n" + p + "10,王芳,+86 139-0000-0000,贵宾,老客户\n";
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = concat(bom, csv.getBytes(StandardCharsets.UTF_8));
        ResponseEntity<Map<String, Object>> r = postMultipart(body);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getBody()).containsEntry("created", 1);
        assertThat(customer(p + "10").tier()).isEqualTo(CustomerTier.VIP);

        String update = "客户编号,客户名称,公司\n" + p + "10,王芳芳,华兴科技\n";
        ResponseEntity<Map<String, Object>> second = postMultipart(update.getBytes(StandardCharsets.UTF_8));
        assertThat(second.getBody()).containsEntry("updated", 1).containsEntry("created", 0);
        CustomerView updated = customer(p + "10");
        assertThat(updated.name()).isEqualTo("王芳芳");
        assertThat(updated.company()).isEqualTo("华兴科技");
        assertThat(updated.phone()).as("empty cells keep what was there").isEqualTo("+86 139-0000-0000");
        assertThat(updated.tags()).isEqualTo("老客户");
    }

    @Test
    void gbkAsExcelInChinaWritesIt() {
        String csv = "客户编号,客户名称,公司,最近购买时间\r\n" + p + "20,李伟,远航贸易,2026-10-25 09:00\r\n";
        ResponseEntity<Map<String, Object>> r = postCsv(csv.getBytes(Charset.forName("GBK")));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((String) r.getBody().get("encoding")).isIn("GB18030", "GBK");
        assertThat(customer(p + "20").name()).isEqualTo("李伟");
        assertThat(customer(p + "20").company()).isEqualTo("远航贸易");
    }

    @Test
    void badRowsAreReportedWithLineAndColumnAndChangeNothing() {
        String csv = "externalId,name,phone,email,tier,lastLoginAt,optOut\n"
                + p + "30,Good One,13800000000,good@example.com,VIP,2026-01-01,否\n"
                + ",No Id,,,,,\n"
                + p + "31,,,,,,\n"
                + p + "32,Bad Phone,call me,,,,\n"
                + p + "33,Bad Email,,not-mail,GOLD,yesterday,maybe\n"
                + p + "34,Good Two,,,,,\n";
        ResponseEntity<Map<String, Object>> r = postCsv(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getBody()).containsEntry("accepted", 2).containsEntry("rejected", 4);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) r.getBody().get("errors");
        assertThat(errors).extracting(e -> e.get("line") + ":" + e.get("column")).containsExactlyInAnyOrder(
                "3:externalId", "4:name", "5:phone", "6:email", "6:tier", "6:lastLoginAt", "6:optOut");
        assertThat(customers.byExternalId(p + "31")).isEmpty();
        assertThat(customers.byExternalId(p + "33")).isEmpty();
        assertThat(customer(p + "34").name()).isEqualTo("Good Two");
    }

    @Test
    void unreadableFilesAreA400() {
        long before = jdbc.queryForObject("select count(*) from customer", Long.class);
        ResponseEntity<Map<String, Object>> empty = postCsv(new byte[0]);
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(empty.getBody().get("errors").toString()).contains("header row is required");

        ResponseEntity<Map<String, Object>> noHeader = postCsv((p + "40,张三,13800000000\n").getBytes(StandardCharsets.UTF_8));
        assertThat(noHeader.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noHeader.getBody().get("errors").toString()).contains("externalId").contains("name");

        ResponseEntity<Map<String, Object>> unclosed = postCsv(("externalId,name\n" + p + "41,\"open quote\n").getBytes(StandardCharsets.UTF_8));
        assertThat(unclosed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        ResponseEntity<Map<String, Object>> noFile = postMultipart(new byte[0]);
        assertThat(noFile.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(jdbc.queryForObject("select count(*) from customer", Long.class)).isEqualTo(before);
    }

    @Test
    void eventsMoveACustomerIntoAWindow() {
        postCsv(("externalId,name\n" + p + "50,赵丽\n").getBytes(StandardCharsets.UTF_8));
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth("agent1", "agent1");
        h.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map<String, Object>> purchase = rest.exchange("/api/customers/" + p + "50/events", HttpMethod.POST,
                new HttpEntity<>(Map.of("type", "PURCHASE", "at", "2026-11-20T02:00:00Z"), h), MAP);
        assertThat(purchase.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(purchase.getBody()).containsEntry("firstPurchaseAt", "2026-11-20T02:00:00Z").containsEntry("lastPurchaseAt", "2026-11-20T02:00:00Z");
        rest.exchange("/api/customers/" + p + "50/events", HttpMethod.POST, new HttpEntity<>(Map.of("type", "RESOLUTION"), h), MAP);
        assertThat(customer(p + "50").lastResolvedAt()).isNotNull();
        assertThat(rest.exchange("/api/customers/" + p + "50/events", HttpMethod.POST, new HttpEntity<>(Map.of("type", "DANCE"), h), MAP)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rest.exchange("/api/customers/" + p + "50/events", HttpMethod.POST,
                new HttpEntity<>(Map.of("type", "LOGIN", "at", "2099-01-01T00:00:00Z"), h), MAP).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rest.exchange("/api/customers/nobody-" + p + "/events", HttpMethod.POST, new HttpEntity<>(Map.of("type", "LOGIN"), h), MAP)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
