package com.careloop.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerService;
import com.careloop.customer.CustomerView;
import com.careloop.followup.FollowUpService;
import com.careloop.followup.FollowUpView;
import com.careloop.followup.Scenario;
import com.careloop.notification.DeliveryLog;
import com.careloop.notification.NotificationWorker;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 200 customers answer their survey links at the same moment on loopback (each opened its page first; the 200 posts
 * are released together): every answer is stored exactly once (none lost), and the posts' latency is reported
 * (p50 / p95 / max). Slow (200 follow-ups with texts): {@code mvn -B test -Dtest=SurveyConcurrencyTest
 * -Dtests.excludedGroups=browser,own-context}.
 */
@Tag("slow")
class SurveyConcurrencyTest extends CareLoopTest {

    static final int ANSWERS = 200;

    @Autowired ProcessEngine engine;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;
    @Autowired NotificationWorker notifications;
    @Autowired DeliveryLog deliveries;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    record Prepared(FollowUpView followUp, String token, SurveyClient.Page form) {}

    @Test
    void twoHundredConcurrentAnswersAreAllStoredOnce() throws Exception {
        Fixtures fx = new Fixtures(engine, customers, followUps);
        SurveyClient phone = new SurveyClient(port);
        List<Prepared> links = new ArrayList<>();
        for (int i = 0; i < ANSWERS; i++) {
            CustomerView c = fx.mobileCustomer();
            FollowUpView f = fx.followUp(c, Scenario.USAGE);
            notifications.runOnce(f.number());
            String token = SurveyClient.tokenIn(deliveries.texts(c.phone(), 1).get(0).body());
            SurveyClient.Page form = phone.get(token);
            assertThat(form.status()).isEqualTo(200);
            links.add(new Prepared(f, token, form));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(ANSWERS);
        List<Future<long[]>> results = new ArrayList<>();
        for (Prepared p : links) {
            results.add(pool.submit(() -> {
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("satisfaction", "5");
                fields.put("nps", "9");
                fields.put("_csrf", p.form().csrfField());
                start.await();
                long t0 = System.nanoTime();
                int status = phone.post(p.token(), fields, p.form().csrfCookie()).status();
                return new long[] {status, System.nanoTime() - t0};
            }));
        }
        long wall0 = System.nanoTime();
        start.countDown();
        List<Long> millis = new ArrayList<>();
        int ok = 0;
        for (Future<long[]> r : results) {
            long[] v = r.get();
            if (v[0] == 200) {
                ok++;
            }
            millis.add(v[1] / 1_000_000);
        }
        long wall = (System.nanoTime() - wall0) / 1_000_000;
        pool.shutdown();
        millis.sort(Long::compare);
        long stored = 0;
        for (Prepared p : links) {
            stored += jdbc.queryForObject("select count(*) from survey_response where follow_up_id = ? and channel = 'SMS'", Long.class,
                    p.followUp().id());
        }
        long p50 = millis.get(millis.size() / 2);
        long p95 = millis.get((int) Math.ceil(millis.size() * 0.95) - 1);
        System.out.printf("SURVEY-CONCURRENCY answers=%d ok=%d stored=%d lost=%d p50=%dms p95=%dms max=%dms wall=%dms%n",
                ANSWERS, ok, stored, ANSWERS - stored, p50, p95, millis.get(millis.size() - 1), wall);
        assertThat(ok).isEqualTo(ANSWERS);
        assertThat(stored).as("none lost, none twice").isEqualTo(ANSWERS);
    }
}
