package com.careloop.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerService;
import com.careloop.customer.CustomerView;
import com.careloop.followup.FollowUpService;
import com.careloop.followup.FollowUpStatus;
import com.careloop.followup.FollowUpView;
import com.careloop.followup.Scenario;
import com.careloop.notification.DeliveryLog;
import com.careloop.notification.NotificationWorker;
import com.careloop.sla.ServiceParameters;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every answer of the survey page: 200, 400 (a message per field, nothing stored), 403 (no CSRF), 404, 410, 429. */
class SurveyPageStatusTest extends CareLoopTest {

    @Autowired ProcessEngine engine;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;
    @Autowired NotificationWorker notifications;
    @Autowired DeliveryLog deliveries;
    @Autowired ServiceParameters parameters;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    Fixtures fx;
    SurveyClient phone;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(engine, customers, followUps);
        phone = new SurveyClient(port);
    }

    record Link(FollowUpView followUp, String token) {}

    Link link() {
        CustomerView c = fx.mobileCustomer();
        FollowUpView f = fx.followUp(c, Scenario.PROMOTION);
        notifications.runOnce(f.number());
        return new Link(f, SurveyClient.tokenIn(deliveries.texts(c.phone(), 1).get(0).body()));
    }

    boolean nothingStored(Link l) {
        FollowUpView v = followUps.get(l.followUp().number());
        return v.survey() == null && v.status() == FollowUpStatus.AWAITING_SURVEY;
    }

    @Test
    void invalidAnswersGet400WithAChineseMessagePerFieldAndNothingIsStored() {
        Link l = link();
        SurveyClient.Page missing = phone.answer(l.token(), Map.of("attitude", "9", "resolved", "maybe", "comment", "长".repeat(1001)));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("id=\"satisfaction-err\"").contains("请选择 1–5 分")
                .contains("id=\"nps-err\"").contains("请选择 0–10 分")
                .contains("id=\"attitude-err\"").contains("分数须在 1–5 之间")
                .contains("id=\"resolved-err\"").contains("请选择“是”或“否”")
                .contains("id=\"comment-err\"").contains("留言最多 1000 个字")
                .contains("aria-invalid=\"true\"").contains("请检查标出的问题");
        assertThat(nothingStored(l)).isTrue();
        assertThat(phone.answer(l.token(), Map.of("satisfaction", "6", "nps", "-1")).status()).isEqualTo(400);
        assertThat(nothingStored(l)).isTrue();
        // the page in English says the same in English
        assertThat(phone.answer(l.token() + "?lang=en", Map.of()).body()).contains("Choose a score from 1 to 5");
    }

    @Test
    void aPostWithoutThePagesCsrfTokenIsRefused() {
        Link l = link();
        SurveyClient.Page form = phone.get(l.token());
        assertThat(phone.post(l.token(), Map.of("satisfaction", "5", "nps", "10"), null).status()).isEqualTo(403);
        assertThat(phone.post(l.token(), Map.of("satisfaction", "5", "nps", "10", "_csrf", form.csrfField()), null).status())
                .as("the field without the cookie").isEqualTo(403);
        assertThat(phone.post(l.token(), Map.of("satisfaction", "5", "nps", "10", "_csrf", "forged"), form.csrfCookie()).status())
                .isEqualTo(403);
        assertThat(nothingStored(l)).isTrue();
        assertThat(form.headers().get("set-cookie")).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/s/");
    }

    @Test
    void unknownTokensAre404AndAnExpiredLinkIs410() {
        assertThat(phone.get(SurveyLinks.newToken()).status()).isEqualTo(404);
        assertThat(phone.get("not-a-token").status()).isEqualTo(404);
        assertThat(phone.answer(SurveyLinks.newToken(), Map.of("satisfaction", "5", "nps", "10")).status()).isEqualTo(404);

        Link l = link();
        jdbc.update("update survey_link set expires_at = created_at where follow_up_id = ?", l.followUp().id());
        SurveyClient.Page expired = phone.get(l.token());
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.body()).contains("此调查已过期");
        assertThat(phone.post(l.token(), Map.of("satisfaction", "5", "nps", "10"), null).status()).isEqualTo(410);
        assertThat(nothingStored(l)).isTrue();
    }

    @Test
    void moreUnknownTokensThanTheLimitFromOneAddressGet429() {
        int limit = parameters.surveyUnknownTokensPerMinute();
        // from an address of its own (127.0.0.2), so the other tests on 127.0.0.1 are not limited
        for (int i = 0; i < limit; i++) {
            assertThat(phone.getFrom("127.0.0.2", SurveyLinks.newToken())).isEqualTo(404);
        }
        assertThat(phone.getFrom("127.0.0.2", SurveyLinks.newToken())).as("one more than the limit").isEqualTo(429);
        Link l = link();
        assertThat(phone.getFrom("127.0.0.2", l.token())).as("even a real link, for the rest of the minute").isEqualTo(429);
        assertThat(phone.get(l.token()).status()).as("another address is not limited").isEqualTo(200);
    }

    @Test
    void thePageWorksInEnglishToo() {
        Link l = link();
        SurveyClient.Page en = phone.get(l.token() + "?lang=en");
        assertThat(en.status()).isEqualTo(200);
        assertThat(en.body()).contains("lang=\"en\"").contains("Promotion").contains("Overall, how satisfied are you?").contains(">中文</a>");
    }
}
