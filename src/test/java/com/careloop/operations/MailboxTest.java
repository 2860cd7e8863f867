package com.careloop.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.notification.Message;
import com.careloop.notification.Notifier;
import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import com.icegreen.greenmail.util.GreenMail;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.TestPropertySource;

/** The default run's mail catcher: notifications go to it, and cs-managers (only) read them at GET /api/mailbox. */
@TestPropertySource(properties = "careloop.mailbox.enabled=true")
@Tag("own-context") // its own JVM (pom: own-context-tests): a second context here would be a second engine "default"
class MailboxTest extends CareLoopTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    Notifier notifier;
    @Autowired
    GreenMail catcher;
    @Autowired
    JavaMailSenderImpl sender;

    @Test
    void aNotificationIsCaughtOnLoopbackAndListedForManagersOnly() {
        assertThat(sender.getHost()).isEqualTo("127.0.0.1");
        assertThat(sender.getPort()).isEqualTo(catcher.getSmtp().getPort()).isNotEqualTo(MAIL.getSmtp().getPort());
        String number = "FB-MAILBOX-" + UUID.randomUUID().toString().substring(0, 8);
        notifier.send(new Message("URGENT_ASSIGNED", new Object[] {number, "投诉 Complaint", "紧急 Urgent", "cs-supervisors", "2026-12-03 18:00"},
                List.of("cs-head@careloop.local"), List.of(), number, "mailbox-test:" + number));

        List<Map<String, Object>> mails = Api.as(rest, "manager1").getList("/api/mailbox").getBody();
        Map<String, Object> mine = mails.stream().filter(m -> String.valueOf(m.get("subject")).contains(number)).findFirst().orElseThrow();
        assertThat(mine.get("subject").toString()).startsWith("【CareLoop】紧急反馈");
        assertThat(mine.get("to")).isEqualTo(List.of("cs-head@careloop.local"));
        assertThat(mine.get("receivedAt")).isNotNull();
        assertThat(mine.get("body").toString()).contains(number).contains("Tasklist");

        assertThat(Api.as(rest, "demo").getRaw("/api/mailbox").getStatusCode().value()).isEqualTo(200);
        assertThat(Api.as(rest, "agent1").getRaw("/api/mailbox").getStatusCode().value()).isEqualTo(403);
        assertThat(Api.anonymous(rest).getRaw("/api/mailbox").getStatusCode().value()).isEqualTo(401);
        assertThat(Api.as(rest, "manager1").getRaw("/api/mailbox?limit=0").getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void healthShowsTheCatcherAsMailUp() {
        Map<String, Object> health = Api.anonymous(rest).get("/actuator/health").getBody();
        assertThat(health).containsEntry("status", "UP");
        @SuppressWarnings("unchecked")
        Map<String, Object> mail = (Map<String, Object>) ((Map<String, Object>) health.get("components")).get("mail");
        assertThat(mail).containsEntry("status", "UP");
    }
}
