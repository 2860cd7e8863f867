package com.careloop.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.followup.FollowUpView;
import com.careloop.identity.CareLoopGroups;
import com.careloop.quality.KpiGroup;
import com.careloop.quality.KpiGrouping;
import com.careloop.quality.KpiReport;
import com.careloop.quality.QualityKpis;
import com.careloop.testsupport.Api;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * qaScore (the mean total of the reviews scored in the period) and reviews (how many) join the KPIs: for the agent,
 * grouped by agent and by team, and over GET /api/kpis; an agent without reviews has none.
 */
class ReviewKpisTest extends ReviewTestSupport {

    @Autowired QualityKpis kpis;

    void score(FollowUpView f, int score) throws Exception {
        Task t = task(caseOf(f).getId(), ReviewVariables.TASK_REVIEW);
        claim("supervisor1", t);
        assertThat(submit("supervisor1", t, scores(score)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void qaScoreIsTheMeanReviewTotalByAgentAndTeam() throws Exception {
        String agent = user("qa-agent-", CareLoopGroups.AGENTS);
        String unreviewed = user("qa-agent-", CareLoopGroups.AGENTS);
        FollowUpView good = reachedCall(agent, 5, 10);
        FollowUpView poor = reachedCall(agent, 5, 10);
        assertThat(reviews.sampleWeek(week)).isEqualTo(2);
        score(good, 2);
        score(poor, 1);
        reachedCall(unreviewed, 5, 10);

        KpiReport mine = kpis.report(week, week.plusDays(7), null, agent, null);
        assertThat(mine.totals().reviews()).isEqualTo(2L);
        assertThat(mine.totals().qaScore()).isEqualTo(75.0);
        KpiReport byAgent = kpis.report(week, week.plusDays(7), KpiGrouping.AGENT, null, null);
        assertThat(byAgent.groups()).filteredOn(g -> g.key().equals(agent)).singleElement()
                .satisfies(g -> assertThat(g.kpis().qaScore()).isEqualTo(75.0))
                .satisfies(g -> assertThat(g.kpis().reviews()).isEqualTo(2L));
        assertThat(byAgent.groups()).filteredOn(g -> g.key().equals(unreviewed)).singleElement()
                .satisfies(g -> assertThat(g.kpis().qaScore()).isNull())
                .satisfies(g -> assertThat(g.kpis().reviews()).isZero());
        KpiGroup team = kpis.report(week, week.plusDays(7), KpiGrouping.TEAM, null, null).groups().stream()
                .filter(g -> g.key().equals(CareLoopGroups.AGENTS)).findFirst().orElseThrow();
        assertThat(team.kpis().reviews()).isEqualTo(2L);
        assertThat(team.kpis().qaScore()).isEqualTo(75.0);

        Map<String, Object> api = Api.as(rest, agent).get("/api/kpis?from=" + week + "&to=" + week.plusDays(7) + "&agent=" + agent).getBody();
        @SuppressWarnings("unchecked")
        Map<String, Object> totals = (Map<String, Object>) api.get("totals");
        assertThat(totals.get("qaScore")).isEqualTo(75.0);
        assertThat(totals.get("reviews")).isEqualTo(2);
    }
}
