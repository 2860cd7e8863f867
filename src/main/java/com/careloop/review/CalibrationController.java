package com.careloop.review;

import com.careloop.identity.ApiAccess;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Calibration over the API: {@code POST /api/reviews/calibrations} {followUpNumber, supervisors} (cs-managers, 201);
 * {@code POST /api/reviews/calibrations/{id}/scores} {scores: {criterion: 0-2}, comments: {criterion: text}} (a named
 * supervisor, or a cs-manager's reference score; once each, 409 again); {@code GET /api/reviews/calibrations/{id}}
 * (blind until every named supervisor has submitted).
 */
@RestController
@RequestMapping("/api/reviews/calibrations")
public class CalibrationController {

    /** the start body */
    public record StartRequest(String followUpNumber, List<String> supervisors) {}

    /** a score body */
    public record ScoreRequest(Map<String, Integer> scores, Map<String, String> comments) {}

    private final Calibrations calibrations;
    private final ApiAccess access;

    CalibrationController(Calibrations calibrations, ApiAccess access) {
        this.calibrations = calibrations;
        this.access = access;
    }

    @PostMapping
    public ResponseEntity<CalibrationView> start(@RequestBody StartRequest body) {
        CalibrationView v = calibrations.start(access.requireAny(ApiAccess.READ), body.followUpNumber(), body.supervisors());
        return ResponseEntity.created(URI.create("/api/reviews/calibrations/" + v.id())).body(v);
    }

    @PostMapping("/{id}/scores")
    public CalibrationView score(@PathVariable long id, @RequestBody ScoreRequest body) {
        return calibrations.submit(id, access.requireAny(ApiAccess.READ), body.scores(), body.comments());
    }

    @GetMapping("/{id}")
    public CalibrationView get(@PathVariable long id) {
        return calibrations.get(id, access.requireAny(ApiAccess.READ));
    }
}
