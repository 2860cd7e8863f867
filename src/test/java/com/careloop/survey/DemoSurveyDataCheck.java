package com.careloop.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.notification.Delivery;
import com.careloop.notification.DeliveryLog;
import com.careloop.testsupport.TestPostgres;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A manual check of the default run's demo data (not a *Test: surefire does not pick it up, since its default-profile
 * context would be a second engine in the shared test JVM): the demo texts two survey links, one still open and one
 * answered by text. {@code mvn -B -o test -Dtest=DemoSurveyDataCheck -Dtests.ownContext.skip=true -Dtests.excludedGroups=x}
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoSurveyDataCheck {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestPostgres::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @Autowired DeliveryLog deliveries;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    @Test
    void demo() {
        List<Delivery> texts = deliveries.texts(null, 100).stream().filter(d -> "SURVEY_TEXT".equals(d.type())).toList();
        System.out.println("DEMO-CHECK texts=" + texts.size());
        SurveyClient phone = new SurveyClient(port);
        int open = 0, gone = 0;
        for (Delivery d : texts) {
            int s = phone.get(SurveyClient.tokenIn(d.body())).status();
            if (s == 200) open++;
            if (s == 410) gone++;
        }
        Long sms = jdbc.queryForObject("select count(*) from survey_response where channel = 'SMS'", Long.class);
        System.out.println("DEMO-CHECK open=" + open + " gone=" + gone + " smsAnswers=" + sms + " text=" + texts.get(0).body().replaceAll("/s/\\S+", "/s/<token>"));
        assertThat(open).isEqualTo(1);
        assertThat(sms).isEqualTo(1);
    }
}
