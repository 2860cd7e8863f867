package com.careloop.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careloop.followup.FollowUpView;
import com.careloop.identity.CareLoopGroups;
import com.careloop.testsupport.Api;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * GET /api/reviews: an agent reads only their own reviews, once scored (a passed one without any task), and is refused
 * another agent's (403); supervisors and managers read everyone's with the filters; bad filters are 400. Nobody
 * reviews their own call: a supervisor who made the call can neither claim its review nor complete it.
 */
class ReviewApiTest extends ReviewTestSupport {

    @Test
    void anAgentReadsOnlyTheirOwnReviews() throws Exception {
        String agent = user("qa-agent-", CareLoopGroups.AGENTS);
        String colleague = user("qa-agent-", CareLoopGroups.AGENTS);
        FollowUpView mine = reachedCall(agent, 5, 10);
        FollowUpView theirs = reachedCall(colleague, 5, 10);
        assertThat(reviews.sampleWeek(week)).isEqualTo(2);
        assertThat(Api.as(rest, agent).getList("/api/reviews").getBody()).as("not before it is scored").isEmpty();
        ProcessInstance pi = caseOf(mine);
        Task t = task(pi.getId(), ReviewVariables.TASK_REVIEW);
        claim("supervisor1", t);
        assertThat(submit("supervisor1", t, scores(2)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        Task other = task(caseOf(theirs).getId(), ReviewVariables.TASK_REVIEW);
        claim("supervisor1", other);
        submit("supervisor1", other, scores(1));

        ResponseEntity<List<Map<String, Object>>> own = Api.as(rest, agent).getList("/api/reviews");
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(own.getBody()).singleElement().satisfies(r -> {
            assertThat(r.get("followUpNumber")).isEqualTo(mine.number());
            assertThat(r.get("status")).isEqualTo("PASSED");
            assertThat(r.get("scorePercent")).isEqualTo(100.0);
            assertThat((List<?>) r.get("scores")).hasSize(7);
        });
        assertThat(Api.as(rest, agent).getList("/api/reviews?agent=" + agent).getBody()).hasSize(1);
        ResponseEntity<String> foreign = Api.as(rest, agent).getRaw("/api/reviews?agent=" + colleague);
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(foreign.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(Api.as(rest, colleague).getList("/api/reviews").getBody()).singleElement()
                .satisfies(r -> assertThat(r.get("followUpNumber")).isEqualTo(theirs.number()));

        for (String reader : List.of("supervisor1", "manager1")) {
            assertThat(Api.as(rest, reader).getList("/api/reviews?agent=" + colleague).getBody()).singleElement()
                    .satisfies(r -> assertThat(r.get("status")).isEqualTo("FAILED"));
        }
        String from = week.toString();
        String to = week.plusDays(7).toString();
        assertThat(Api.as(rest, "manager1").getList("/api/reviews?team=agents&status=passed&from=" + from + "&to=" + to).getBody())
                .extracting(r -> r.get("followUpNumber")).contains(mine.number()).doesNotContain(theirs.number());
    }

    @Test
    void badFiltersAreRefused() {
        for (String query : List.of("status=MAYBE", "from=yesterday", "from=2031-02-02&to=2031-02-01", "limit=0", "limit=x")) {
            ResponseEntity<String> r = Api.as(rest, "manager1").getRaw("/api/reviews?" + query);
            assertThat(r.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(r.getHeaders().getContentType().toString()).as(query).contains("problem+json");
        }
    }

    @Test
    void nobodyReviewsTheirOwnCall() throws Exception {
        String both = user("qa-lead-", CareLoopGroups.AGENTS, CareLoopGroups.CS_SUPERVISORS);
        FollowUpView own = reachedCall(both, 5, 10);
        assertThat(reviews.sampleWeek(week)).isEqualTo(1);
        ProcessInstance pi = caseOf(own);
        Task t = task(pi.getId(), ReviewVariables.TASK_REVIEW);
        ResponseEntity<String> claimed = claim(both, t);
        assertThat(claimed.getStatusCode()).as("claim: " + claimed.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(claimed.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(task(pi.getId(), ReviewVariables.TASK_REVIEW).getAssignee()).isNull();
        assertThatThrownBy(() -> tasks.setAssignee(t.getId(), both)).hasMessageContaining(NotTheCallsAgent.MESSAGE);
        // completed around the claim (the Java API, as that user): refused by the recording too
        identity.setAuthenticatedUserId(both);
        try {
            Map<String, Object> fields = new java.util.HashMap<>(scores(2));
            assertThatThrownBy(() -> tasks.complete(t.getId(), fields)).isNotNull();
        } finally {
            identity.clearAuthentication();
        }
        assertThat(reviewOf(own).status()).isEqualTo(ReviewStatus.OPEN);
        // another supervisor may
        claim("supervisor1", t);
        assertThat(submit("supervisor1", t, scores(2)).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(reviewOf(own).status()).isEqualTo(ReviewStatus.PASSED);
    }

    @Test
    void notEvenAnAdministratorClaimsTheReviewOfTheirOwnCall() throws Exception {
        String admin = user("qa-admin-", CareLoopGroups.AGENTS, CareLoopGroups.CS_SUPERVISORS, CareLoopGroups.ADMIN);
        FollowUpView own = reachedCall(admin, 5, 10);
        assertThat(reviews.sampleWeek(week)).isEqualTo(1);
        ProcessInstance pi = caseOf(own);
        Task t = task(pi.getId(), ReviewVariables.TASK_REVIEW);
        ResponseEntity<String> claimed = claim(admin, t);
        assertThat(claimed.getStatusCode()).as("claim: " + claimed.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(claimed.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(task(pi.getId(), ReviewVariables.TASK_REVIEW).getAssignee()).as("nothing changed").isNull();
        assertThat(reviewOf(own).status()).isEqualTo(ReviewStatus.OPEN);
    }
}
