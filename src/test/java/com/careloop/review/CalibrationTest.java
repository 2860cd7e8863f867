package com.careloop.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.followup.FollowUpView;
import com.careloop.identity.CareLoopGroups;
import com.careloop.quality.QualityKpis;
import com.careloop.testsupport.Api;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Calibration over the API: only a cs-manager starts one, with 2-5 named supervisors (not the call's agent); each scores
 * once, blind — before all have submitted a supervisor sees only their own scores and the manager none; then each score,
 * the spread per criterion and the manager's reference score. Calibrations never count toward the agent's qaScore.
 */
class CalibrationTest extends ReviewTestSupport {

    @Autowired QualityKpis kpis;

    static Map<String, Object> body(Map<String, Integer> scores) {
        Map<String, String> comments = new HashMap<>();
        scores.forEach((k, v) -> comments.put(k, "评语 " + k));
        return Map.of("scores", scores, "comments", comments);
    }

    static Map<String, Integer> all(int score) {
        Map<String, Integer> m = new HashMap<>();
        for (String k : List.of("greeting", "consent", "questions", "confirmation", "empathy", "closing", "record")) {
            m.put(k, score);
        }
        return m;
    }

    @Test
    @SuppressWarnings("unchecked")
    void blindUntilEverySupervisorHasScoredAndNeverCountedTowardTheAgent() {
        String agent = user("qa-agent-", CareLoopGroups.AGENTS);
        String s1 = user("qa-sup-", CareLoopGroups.CS_SUPERVISORS);
        String s2 = user("qa-sup-", CareLoopGroups.CS_SUPERVISORS);
        FollowUpView call = reachedCall(agent, 4, 8);
        String path = "/api/reviews/calibrations";

        assertThat(Api.as(rest, s1).postRaw(path, "{\"followUpNumber\":\"" + call.number() + "\",\"supervisors\":[\"" + s1 + "\",\"" + s2 + "\"]}")
                .getStatusCode()).as("a supervisor does not start one").isEqualTo(HttpStatus.FORBIDDEN);
        for (List<String> bad : List.of(List.of(s1), List.of(s1, s1), List.of(s1, agent), List.of(s1, s2, "supervisor1", "u4", "u5", "u6"))) {
            ResponseEntity<String> r = Api.as(rest, "manager1").postRaw(path, json(Map.of("followUpNumber", call.number(), "supervisors", bad)));
            assertThat(r.getStatusCode()).as(bad.toString()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(r.getBody()).contains("supervisors");
        }
        assertThat(Api.as(rest, "manager1").postRaw(path, json(Map.of("followUpNumber", "FU-NONE", "supervisors", List.of(s1, s2))))
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        ResponseEntity<Map<String, Object>> started = Api.as(rest, "manager1").post(path,
                Map.of("followUpNumber", call.number(), "supervisors", List.of(s1, s2)));
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = ((Number) started.getBody().get("id")).longValue();
        String one = path + "/" + id;

        Map<String, Integer> first = all(2);
        first.put("empathy", 0);
        assertThat(Api.as(rest, s1).post(one + "/scores", body(first)).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(Api.as(rest, s1).post(one + "/scores", body(all(1))).getStatusCode()).as("once").isEqualTo(HttpStatus.CONFLICT);
        assertThat(Api.as(rest, "supervisor1").get(one).getStatusCode()).as("not named").isEqualTo(HttpStatus.FORBIDDEN);

        Map<String, Object> bySecond = Api.as(rest, s2).get(one).getBody();
        assertThat(bySecond.get("status")).isEqualTo("OPEN");
        assertThat((List<Map<String, Object>>) bySecond.get("scorers")).allSatisfy(s -> assertThat(s.get("scores")).isNull());
        assertThat(bySecond.get("spread")).isNull();
        Map<String, Object> byFirst = Api.as(rest, s1).get(one).getBody();
        assertThat((List<Map<String, Object>>) byFirst.get("scorers")).filteredOn(s -> s.get("scorer").equals(s1)).singleElement()
                .satisfies(s -> assertThat(s.get("scores")).isNotNull())
                .satisfies(s -> assertThat(s.get("submittedAt")).isNotNull());
        assertThat((List<Map<String, Object>>) byFirst.get("scorers")).filteredOn(s -> s.get("scorer").equals(s2)).singleElement()
                .satisfies(s -> assertThat(s.get("scores")).isNull());
        assertThat((List<Map<String, Object>>) Api.as(rest, "manager1").get(one).getBody().get("scorers"))
                .as("the manager is blind too").allSatisfy(s -> assertThat(s.get("scores")).isNull());

        Map<String, Integer> bad = all(2);
        bad.put("record", 3);
        ResponseEntity<String> refused = Api.as(rest, s2).postRaw(one + "/scores", json(body(bad)));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("scores.record");
        Map<String, Integer> second = all(2);
        second.put("empathy", 2);
        second.put("closing", 1);
        assertThat(Api.as(rest, s2).post(one + "/scores", body(second)).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(Api.as(rest, "manager1").post(one + "/scores", body(all(2))).getStatusCode()).as("the reference").isEqualTo(HttpStatus.OK);

        Map<String, Object> result = Api.as(rest, s2).get(one).getBody();
        assertThat(result.get("status")).isEqualTo("COMPLETE");
        assertThat((List<Map<String, Object>>) result.get("scorers")).hasSize(3).allSatisfy(s -> assertThat(s.get("scores")).isNotNull())
                .anySatisfy(s -> {
                    assertThat(s.get("scorer")).isEqualTo("manager1");
                    assertThat(s.get("reference")).isEqualTo(true);
                    assertThat(s.get("scorePercent")).isEqualTo(100.0);
                });
        Map<String, Map<String, Object>> spread = (Map<String, Map<String, Object>>) result.get("spread");
        assertThat(spread.get("empathy")).containsEntry("min", 0).containsEntry("max", 2).containsEntry("spread", 2);
        assertThat(spread.get("closing")).containsEntry("spread", 1);
        assertThat(spread.get("greeting")).containsEntry("spread", 0);

        assertThat(kpis.report(week, week.plusDays(7), null, agent, null).totals().reviews()).as("calibrations are not reviews").isZero();
        assertThat(reviews.find(agent, null, null, null, null, 10)).isEmpty();
    }

    String json(Object body) {
        try {
            return this.json.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
