package com.careloop.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerService;
import com.careloop.customer.CustomerView;
import com.careloop.feedback.FeedbackService;
import com.careloop.feedback.FeedbackType;
import com.careloop.feedback.InboundFeedbackRequest;
import com.careloop.feedback.Urgency;
import com.careloop.followup.FollowUpService;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * POST/GET /api/feedback/{number}/attachments: photos checked by their bytes and declared type, at most 5 × 10 MB,
 * the item's access rule; every refusal (400 type, 413 size, 409 sixth file, 403, 404) writes nothing.
 */
class FeedbackAttachmentApiTest extends CareLoopTest {

    static final byte[] JPEG = bytes(new int[] {0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0}, 2000);
    static final byte[] PNG = bytes(new int[] {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 500);
    static final byte[] PDF = bytes(new int[] {'%', 'P', 'D', 'F', '-', '1', '.', '7'}, 500);

    @Autowired TestRestTemplate rest;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;
    @Autowired FeedbackService feedback;
    @Autowired ProcessEngine engine;
    @Autowired JdbcTemplate jdbc;

    String number;

    static byte[] bytes(int[] magic, int length) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) 0x20);
        for (int i = 0; i < magic.length; i++) {
            b[i] = (byte) magic[i];
        }
        return b;
    }

    @BeforeEach
    void item() {
        CustomerView customer = new Fixtures(engine, customers, followUps).customer();
        number = feedback.registerInbound(new InboundFeedbackRequest(customer.id(), null, null, null, null, null, null, null, null, null,
                FeedbackType.PROBLEM, Urgency.NORMAL, null, "外机漏水，附照片"), "center1").number();
    }

    ResponseEntity<Map> upload(String user, String fileName, String type, byte[] content) {
        HttpHeaders part = new HttpHeaders();
        part.setContentType(MediaType.parseMediaType(type));
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new HttpEntity<>(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }, part));
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, user);
        h.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.exchange("/api/feedback/" + number + "/attachments", HttpMethod.POST, new HttpEntity<>(body, h), Map.class);
    }

    int stored() {
        return jdbc.queryForObject("select count(*) from feedback_attachment a join feedback_item i on i.id = a.feedback_item_id where i.number = ?",
                Integer.class, number);
    }

    HttpHeaders auth(String user) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, user);
        return h;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPhotoIsStoredListedAndReadBack() {
        ResponseEntity<Map> r = upload("center1", "漏水.jpg", "image/jpeg", JPEG);
        assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(r.getBody()).containsEntry("fileName", "漏水.jpg").containsEntry("contentType", "image/jpeg").containsEntry("size", JPEG.length)
                .containsEntry("uploadedBy", "center1");
        assertThat(upload("center1", "invoice.pdf", "application/pdf", PDF).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = ((Number) r.getBody().get("id")).longValue();

        ResponseEntity<List> list = rest.exchange("/api/feedback/" + number + "/attachments", HttpMethod.GET, new HttpEntity<>(auth("tech1")), List.class);
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(((List<Map<String, Object>>) list.getBody())).extracting(m -> m.get("fileName")).containsExactly("漏水.jpg", "invoice.pdf");
        ResponseEntity<byte[]> file = rest.exchange("/api/feedback/" + number + "/attachments/" + id, HttpMethod.GET,
                new HttpEntity<>(auth("manager1")), byte[].class);
        assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(file.getHeaders().getContentType().toString()).isEqualTo("image/jpeg");
        assertThat(file.getBody()).isEqualTo(JPEG);
        assertThat(rest.exchange("/api/feedback/" + number + "/attachments/999999999", HttpMethod.GET, new HttpEntity<>(auth("manager1")),
                String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.exchange("/api/feedback/FB000000000/attachments", HttpMethod.GET, new HttpEntity<>(auth("manager1")),
                String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aWrongTypeIsA400AndWritesNothing() {
        for (Object[] bad : new Object[][] {
                {"photo.jpg", "image/jpeg", PNG},              // PNG bytes declared as JPEG
                {"notes.txt", "text/plain", "just text".getBytes()},
                {"fake.jpg", "image/jpeg", "<html>".getBytes()},
                {"empty.png", "image/png", new byte[0]}}) {
            ResponseEntity<Map> r = upload("center1", (String) bad[0], (String) bad[1], (byte[]) bad[2]);
            assertThat(r.getStatusCode()).as((String) bad[0]).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(r.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            assertThat(r.getBody().toString()).as((String) bad[0]).contains("file").doesNotContain("one file is required");
        }
        HttpHeaders h = auth("center1");
        h.setContentType(MediaType.MULTIPART_FORM_DATA);
        LinkedMultiValueMap<String, Object> noFile = new LinkedMultiValueMap<>();
        noFile.add("other", "x");
        assertThat(rest.exchange("/api/feedback/" + number + "/attachments", HttpMethod.POST, new HttpEntity<>(noFile, h), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(stored()).isZero();
    }

    @Test
    void overTenMegabytesIsA413AndWritesNothing() {
        byte[] big = bytes(new int[] {0xFF, 0xD8, 0xFF, 0xE0}, 10 * 1024 * 1024 + 1);
        ResponseEntity<Map> r = upload("center1", "big.jpg", "image/jpeg", big);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(r.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        byte[] huge = bytes(new int[] {0xFF, 0xD8, 0xFF, 0xE0}, 11 * 1024 * 1024);
        assertThat(upload("center1", "huge.jpg", "image/jpeg", huge).getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(stored()).isZero();
        byte[] justRight = bytes(new int[] {0xFF, 0xD8, 0xFF, 0xE0}, 10 * 1024 * 1024);
        assertThat(upload("center1", "ok.jpg", "image/jpeg", justRight).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void aSixthFileIsA409AndOthersMayNotAdd() {
        for (int i = 1; i <= 5; i++) {
            assertThat(upload("center1", "p" + i + ".png", "image/png", PNG).getStatusCode()).as("file " + i).isEqualTo(HttpStatus.CREATED);
        }
        ResponseEntity<Map> sixth = upload("center1", "p6.png", "image/png", PNG);
        assertThat(sixth.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(sixth.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(stored()).isEqualTo(5);
        assertThat(upload("tech1", "t.png", "image/png", PNG).getStatusCode()).as("not routed to tech yet").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(upload("agent1", "a.png", "image/png", PNG).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void otherEndpointsKeepTheOneMegabyteJsonLimit() {
        HttpHeaders h = auth("center1");
        h.setContentType(MediaType.APPLICATION_JSON);
        String body = "{\"description\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}";
        assertThat(rest.exchange("/api/feedback", HttpMethod.POST, new HttpEntity<>(body, h), String.class).getStatusCode())
                .isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    }
}
