package com.careloop.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * POST /api/sms/receipts: the providers' delivery receipts (Alibaba SmsReport, Tencent 状态回执), signed like the
 * replies (401 without, nothing changed), unreadable → 400 and nothing recorded; each marks its text DELIVERED or FAILED
 * in the outbox. The texts are sent through the module's own Notifier with a provider-like channel that returns ids.
 */
class SmsReceiptTest extends CareLoopTest {

    @Autowired NotificationProperties props;
    @Autowired @Qualifier("notificationTemplates") MessageSource templates;
    @Autowired ObjectProvider<JavaMailSender> mail;
    @Autowired NotificationDeliveryRepository repository;
    @Autowired PlatformTransactionManager tx;
    @Autowired Clock clock;
    @Autowired DeliveryLog log;
    @Autowired TestRestTemplate rest;

    /** Sends one survey-like text to {@code to} through a channel that answers with {@code providerId}. */
    void sendThroughAProvider(String to, String providerId) {
        SmsChannel provider = new SmsChannel() {
            @Override
            public boolean send(String phoneNumber, String text) {
                return true;
            }

            @Override
            public Sent deliver(Text text) {
                return new Sent(true, providerId);
            }
        };
        new Notifier(props, templates, mail, provider, repository, tx, clock)
                .send(new Message("APPOINTMENT_TEXT", new Object[] {"CareLoop", "12月3日 10:00", "12-03 10:00"}, List.of(), List.of(to),
                        "receipt-test", "receipt-test:" + UUID.randomUUID()));
    }

    /** The replies' and receipts' secret of the test configuration. */
    static byte[] hmac(String body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("test-inbound-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
    }

    ResponseEntity<String> push(String body, boolean signed) throws Exception {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        if (signed) {
            h.set("X-CareLoop-Signature", "sha256=" + java.util.HexFormat.of().formatHex(hmac(body)));
        }
        return rest.postForEntity("/api/sms/receipts", new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), h), String.class);
    }

    String outboxStatus(String to) {
        List<Map<String, Object>> texts = Api.as(rest, "manager1").getList("/api/sms/outbox?to=" + to).getBody();
        return (String) texts.get(0).get("status");
    }

    @Test
    void alibabaAndTencentReceiptsMarkTheirTexts() throws Exception {
        String a = "1391" + String.format("%07d", (int) (Math.random() * 10_000_000));
        String t = "1392" + String.format("%07d", (int) (Math.random() * 10_000_000));
        String bizId = "biz-" + UUID.randomUUID();
        String sid = "sid-" + UUID.randomUUID();
        sendThroughAProvider(a, bizId);
        sendThroughAProvider(t, sid);
        assertThat(outboxStatus(a)).isEqualTo("SENT");

        String alibaba = "[{\"phone_number\":\"" + a + "\",\"send_time\":\"2026-12-02 10:00:00\",\"report_time\":\"2026-12-02 10:00:05\","
                + "\"success\":true,\"err_code\":\"DELIVERED\",\"err_msg\":\"用户接收成功\",\"sms_size\":\"1\",\"biz_id\":\"" + bizId + "\"}]";
        ResponseEntity<String> r = push(alibaba, true);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        assertThat(r.getBody()).contains("\"matched\":1");
        assertThat(outboxStatus(a)).isEqualTo("DELIVERED");
        assertThat(log.texts(a, 1).get(0).receiptAt()).isEqualTo(Instant.parse("2026-12-02T02:00:05Z"));

        String tencent = "[{\"user_receive_time\":\"2026-12-02 10:01:00\",\"nationcode\":\"86\",\"mobile\":\"" + t + "\","
                + "\"report_status\":\"FAIL\",\"errmsg\":\"MK:0010\",\"description\":\"空号\",\"sid\":\"" + sid + "\"}]";
        assertThat(push(tencent, true).getBody()).contains("\"matched\":1");
        assertThat(outboxStatus(t)).isEqualTo("FAILED");

        assertThat(push("[{\"biz_id\":\"of-another-installation\",\"success\":true}]", true).getBody()).contains("\"matched\":0");
    }

    @Test
    void unsignedOrUnreadablePushesChangeNothing() throws Exception {
        String a = "1393" + String.format("%07d", (int) (Math.random() * 10_000_000));
        String bizId = "biz-" + UUID.randomUUID();
        sendThroughAProvider(a, bizId);
        String body = "[{\"biz_id\":\"" + bizId + "\",\"success\":false,\"err_code\":\"IS:0001\"}]";
        ResponseEntity<String> unsigned = push(body, false);
        assertThat(unsigned.getStatusCode().value()).isEqualTo(401);
        assertThat(unsigned.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(push("not json", true).getStatusCode().value()).isEqualTo(400);
        // one readable receipt and one of neither form: the whole push is refused
        assertThat(push("[{\"biz_id\":\"" + bizId + "\",\"success\":false},{\"phone\":\"x\"}]", true).getStatusCode().value()).isEqualTo(400);
        assertThat(push("[{\"biz_id\":\"" + bizId + "\",\"report_time\":\"yesterday\"}]", true).getStatusCode().value()).isEqualTo(400);
        assertThat(outboxStatus(a)).isEqualTo("SENT");
    }

    @Test
    void parsingKeepsNoNumber() throws Exception {
        var reports = SmsReceipts.parse(new ObjectMapper().readTree("{\"sid\":\"s1\",\"report_status\":\"SUCCESS\",\"mobile\":\"13900001111\"}"),
                Instant.EPOCH);
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.delivered()).isTrue();
            assertThat(r.at()).isEqualTo(Instant.EPOCH);
            assertThat(r.toString()).doesNotContain("13900001111");
        });
        assertThatThrownBy(() -> SmsReceipts.parse(new ObjectMapper().readTree("42"), Instant.EPOCH)).isInstanceOf(SmsReceipts.Unreadable.class);
    }
}
