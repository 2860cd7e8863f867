package com.careloop.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerTier;
import com.careloop.followup.AnswerChannel;
import com.careloop.followup.Scenario;
import com.careloop.followup.SurveyAnswered;
import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * CSAT, NPS and the number of answers split by the channel the answer came by (issue #14: a survey text's answer is
 * counted like a call's and can be split by channel): answers on a call count under FOLLOW_UP (?channel=PHONE), those by
 * a survey link under SMS or WEB. The same formulas for each. A known set published as the followup module publishes
 * it, in June 2017 (a month no other test touches), on the tests' PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiChannelTest extends CareLoopTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate FROM = LocalDate.of(2017, 6, 1);
    static final LocalDate TO = LocalDate.of(2017, 7, 1);
    static final String AGENT = "kpi-channel-agent";
    static final long ID = 9_300_000_000L;

    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;
    @Autowired QualityKpis kpis;
    @Autowired TestRestTemplate rest;

    static Instant at(int day) {
        return LocalDateTime.of(2017, 6, day, 10, 0).atZone(SHANGHAI).toInstant();
    }

    SurveyAnswered answer(long n, int day, int satisfaction, int nps, AnswerChannel channel) {
        // answers by link have no agent; a call's answer is the agent's
        return new SurveyAnswered(ID + n, ID + n, channel == AnswerChannel.PHONE ? AGENT : null, Scenario.USAGE, CustomerTier.STANDARD,
                at(day), satisfaction, nps, satisfaction, null, null, null, null, false, null, channel);
    }

    @BeforeAll
    void knownSet() {
        new TransactionTemplate(transactions).executeWithoutResult(s -> List.of(
                // phone: CSAT 2/3, NPS (2 promoters - 1 detractor)/3
                answer(1, 3, 5, 10, AnswerChannel.PHONE), answer(2, 3, 4, 9, AnswerChannel.PHONE), answer(3, 10, 2, 3, AnswerChannel.PHONE),
                // SMS: CSAT 1/2, NPS (1 - 1)/2
                answer(4, 3, 5, 10, AnswerChannel.SMS), answer(5, 10, 1, 0, AnswerChannel.SMS),
                // web: CSAT 1/1, NPS 0/1 (a passive)
                answer(6, 10, 4, 8, AnswerChannel.WEB)).forEach(events::publishEvent));
    }

    @Test
    void groupedByChannelEachChannelHasItsAnswersUnderTheSameFormulas() {
        KpiReport report = kpis.report(FROM, TO, KpiGrouping.CHANNEL, null, null);
        Map<String, KpiGroup> byKey = report.groups().stream().collect(Collectors.toMap(KpiGroup::key, g -> g));
        // (the items open now, of other tests, add their channels with a backlog but no answers)
        assertThat(byKey.keySet()).contains("FOLLOW_UP", "SMS", "WEB");
        assertThat(byKey.get("SMS").label()).isEqualTo("短信 SMS");
        assertThat(byKey.get("WEB").label()).isEqualTo("网页 Web");
        KpiValues phone = byKey.get("FOLLOW_UP").kpis();
        assertThat(phone.surveys()).isEqualTo(3);
        assertThat(phone.csat()).isEqualTo(66.7);
        assertThat(phone.nps()).isEqualTo(33.3);
        KpiValues sms = byKey.get("SMS").kpis();
        assertThat(sms.surveys()).isEqualTo(2);
        assertThat(sms.csat()).isEqualTo(50.0);
        assertThat(sms.nps()).isEqualTo(0.0);
        assertThat(sms.csatMean()).isEqualTo(3.0);
        KpiValues web = byKey.get("WEB").kpis();
        assertThat(web.surveys()).isEqualTo(1);
        assertThat(web.csat()).isEqualTo(100.0);
        assertThat(web.nps()).isEqualTo(0.0);
        // every channel together: CSAT 4/6, NPS (3 - 2)/6
        assertThat(report.totals().surveys()).isEqualTo(6);
        assertThat(report.totals().csat()).isEqualTo(66.7);
        assertThat(report.totals().nps()).isEqualTo(16.7);
    }

    @Test
    void oneChannelAloneWhateverTheGrouping() {
        KpiReport sms = kpis.report(FROM, TO, null, null, null, "SMS");
        assertThat(sms.totals().surveys()).isEqualTo(2);
        assertThat(sms.totals().csat()).isEqualTo(50.0);
        assertThat(sms.totals().reviews()).as("call reviews are of calls").isZero();
        // by day (the single-dimension rows) and by agent (the combinations): the same answers
        KpiReport byDay = kpis.report(FROM, TO, KpiGrouping.DAY, null, null, "SMS");
        assertThat(byDay.groups()).extracting(KpiGroup::key).containsExactly("2017-06-03", "2017-06-10");
        assertThat(byDay.groups()).extracting(g -> g.kpis().surveys()).containsExactly(1L, 1L);
        KpiReport byAgent = kpis.report(FROM, TO, KpiGrouping.AGENT, null, null, "FOLLOW_UP");
        // (agents with items open now, of other tests, are groups with a backlog but no answers)
        assertThat(byAgent.groups()).filteredOn(g -> g.key().equals(AGENT)).singleElement()
                .satisfies(g -> assertThat(g.kpis().surveys()).isEqualTo(3));
        assertThat(byAgent.totals().nps()).isEqualTo(33.3);
        KpiReport agentsSms = kpis.report(FROM, TO, null, AGENT, null, "SMS");
        assertThat(agentsSms.totals().surveys()).as("no agent answered by link").isZero();
        assertThat(agentsSms.totals().csat()).isNull();
    }

    @Test
    void theApiFiltersByChannelAndRefusesAnUnknownOne() {
        Api manager = Api.as(rest, "manager1");
        Map<String, Object> body = manager.get("/api/kpis?from=2017-06-01&to=2017-07-01&channel=sms").getBody();
        assertThat(body).containsEntry("channel", "SMS");
        @SuppressWarnings("unchecked")
        Map<String, Object> totals = (Map<String, Object>) body.get("totals");
        assertThat(totals).containsEntry("surveys", 2).containsEntry("csat", 50.0).containsEntry("nps", 0.0);
        @SuppressWarnings("unchecked")
        Map<String, Object> phone = (Map<String, Object>) manager.get("/api/kpis?from=2017-06-01&to=2017-07-01&channel=PHONE")
                .getBody().get("totals");
        assertThat(phone).containsEntry("surveys", 3).containsEntry("csat", 66.7);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> groups = (List<Map<String, Object>>) manager.get("/api/kpis?from=2017-06-01&to=2017-07-01&groupBy=channel")
                .getBody().get("groups");
        assertThat(groups).extracting(g -> g.get("key")).contains("FOLLOW_UP", "SMS", "WEB");
        assertThat(KpiApiTest.badFields(manager.get("/api/kpis?from=2017-06-01&to=2017-07-01&channel=FAX"))).containsExactly("channel");
    }
}
