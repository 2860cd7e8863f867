package com.careloop.review;

import com.careloop.errors.ConflictException;
import com.careloop.errors.ForbiddenException;
import com.careloop.errors.InvalidRequestException;
import com.careloop.errors.NotFoundException;
import com.careloop.followup.FollowUpQueries;
import com.careloop.followup.ReachedCalls;
import com.careloop.identity.ApiUser;
import com.careloop.identity.CareLoopGroups;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calibration (issue 15): a cs-manager names {@value #MIN_SCORERS}-{@value #MAX_SCORERS} supervisors to score one reached
 * call on the scorecard independently; nobody sees another's scores before every named supervisor has submitted;
 * then each score, the spread per criterion and the manager's reference score. Calibrations never count toward the
 * agent: they are not reviews (ReviewFigures reads reviews only).
 */
@Service
public class Calibrations {

    static final int MIN_SCORERS = 2;
    static final int MAX_SCORERS = 5;

    private final CalibrationStore store;
    private final ScorecardTable scorecards;
    private final FollowUpQueries followUps;
    private final ReachedCalls calls;
    private final IdentityService identity;
    private final Clock clock;

    Calibrations(CalibrationStore store, ScorecardTable scorecards, FollowUpQueries followUps, ReachedCalls calls,
                 IdentityService identity, Clock clock) {
        this.store = store;
        this.scorecards = scorecards;
        this.followUps = followUps;
        this.calls = calls;
        this.identity = identity;
        this.clock = clock;
    }

    /** Starts a calibration of the call (a cs-manager): 400 naming the field for a bad call or list of supervisors. */
    @Transactional
    public CalibrationView start(ApiUser manager, String followUpNumber, List<String> supervisors) {
        requireManager(manager);
        List<InvalidRequestException.FieldError> errors = new ArrayList<>();
        ReachedCalls.ReachedCall call = null;
        if (followUpNumber == null || followUpNumber.isBlank()) {
            errors.add(new InvalidRequestException.FieldError("followUpNumber", "is required"));
        } else {
            try {
                call = calls.ofFollowUp(followUps.byNumber(followUpNumber.strip()).id()).orElse(null);
                if (call == null) {
                    errors.add(new InvalidRequestException.FieldError("followUpNumber", "the call was not reached: nothing to score"));
                }
            } catch (NotFoundException e) {
                errors.add(new InvalidRequestException.FieldError("followUpNumber", "no follow-up " + followUpNumber));
            }
        }
        LinkedHashSet<String> named = new LinkedHashSet<>(supervisors == null ? List.of() : supervisors);
        if (supervisors == null || named.size() != supervisors.size() || named.size() < MIN_SCORERS || named.size() > MAX_SCORERS) {
            errors.add(new InvalidRequestException.FieldError("supervisors", "must name " + MIN_SCORERS + " to " + MAX_SCORERS
                    + " different supervisors"));
        } else {
            for (String s : named) {
                if (s == null || identity.createUserQuery().userId(s).memberOfGroup(CareLoopGroups.CS_SUPERVISORS).count() == 0) {
                    errors.add(new InvalidRequestException.FieldError("supervisors", s + " is not in cs-supervisors"));
                } else if (call != null && s.equals(call.agent())) {
                    errors.add(new InvalidRequestException.FieldError("supervisors", NotTheCallsAgent.MESSAGE + ": " + s));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        long id = store.insert(call.followUpId(), call.number(), call.agent(), manager.id(), List.copyOf(named), clock.instant());
        return view(id, manager);
    }

    /**
     * The reader's score: a named supervisor's own, or a cs-manager's reference score; once each. Every criterion 0 / 1 / 2.
     */
    @Transactional
    public CalibrationView submit(long id, ApiUser user, Map<String, Integer> scores, Map<String, String> comments) {
        CalibrationStore.Head head = head(id);
        boolean named = store.scorers(id).stream().anyMatch(s -> !s.reference() && s.scorer().equals(user.id()));
        boolean reference = !named && user.groups().contains(CareLoopGroups.CS_MANAGERS);
        if (!named && !reference) {
            throw new ForbiddenException("只有被指定的主管或客服经理可以评分 Only the named supervisors and cs-managers score a calibration");
        }
        Scorecard card = scorecards.current();
        List<InvalidRequestException.FieldError> errors = new ArrayList<>();
        Map<String, Integer> given = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        for (Criterion c : card.criteria()) {
            Integer s = scores == null ? null : scores.get(c.key());
            if (s == null || s < 0 || s > Scorecard.MAX_SCORE) {
                errors.add(new InvalidRequestException.FieldError("scores." + c.key(), "must be 0, 1 or 2"));
            }
            String comment = comments == null ? null : comments.get(c.key());
            if (comment != null && comment.length() > ScoreForm.MAX_COMMENT) {
                errors.add(new InvalidRequestException.FieldError("comments." + c.key(), "must be at most " + ScoreForm.MAX_COMMENT + " characters"));
            }
            given.put(c.key(), s);
            notes.put(c.key(), comment == null || comment.isBlank() ? null : comment.strip());
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (!"OPEN".equals(head.status()) && named) {
            throw new ConflictException("calibration " + id + " is complete");
        }
        if (!store.submit(id, user.id(), reference, card.score(given), given, notes, clock.instant())) {
            throw new ConflictException("已提交 " + user.id() + " has already scored calibration " + id);
        }
        store.completeIfAllSubmitted(id, clock.instant());
        return view(id, user);
    }

    /** The calibration as {@code user} may see it (cs-managers and the named supervisors). */
    @Transactional(readOnly = true)
    public CalibrationView get(long id, ApiUser user) {
        return view(id, user);
    }

    private CalibrationView view(long id, ApiUser user) {
        CalibrationStore.Head head = head(id);
        List<CalibrationStore.ScorerRow> rows = store.scorers(id);
        boolean manager = user.groups().contains(CareLoopGroups.CS_MANAGERS) || user.groups().contains(CareLoopGroups.ADMIN);
        if (!manager && rows.stream().noneMatch(r -> r.scorer().equals(user.id()))) {
            throw new ForbiddenException("只有客服经理和被指定的主管可以查看 Only cs-managers and the named supervisors see a calibration");
        }
        boolean complete = "COMPLETE".equals(head.status());
        List<CalibrationView.Scorer> scorers = new ArrayList<>();
        for (CalibrationStore.ScorerRow r : rows) {
            boolean visible = r.submittedAt() != null && (complete || r.scorer().equals(user.id()));
            scorers.add(new CalibrationView.Scorer(r.scorer(), r.reference(), r.submittedAt(), visible ? r.percent() : null,
                    visible ? r.scores() : null, visible ? r.comments() : null));
        }
        Map<String, CalibrationView.Spread> spread = null;
        if (complete) {
            spread = new LinkedHashMap<>();
            for (Criterion c : scorecards.current().criteria()) {
                List<Integer> given = rows.stream().filter(r -> !r.reference()).map(r -> r.scores().get(c.key()))
                        .filter(java.util.Objects::nonNull).toList();
                if (!given.isEmpty()) {
                    int min = given.stream().mapToInt(Integer::intValue).min().orElse(0);
                    int max = given.stream().mapToInt(Integer::intValue).max().orElse(0);
                    spread.put(c.key(), new CalibrationView.Spread(min, max, max - min));
                }
            }
        }
        return new CalibrationView(head.id(), head.followUpNumber(), head.agent(), head.startedBy(), head.startedAt(), head.status(),
                head.completedAt(), scorers, spread);
    }

    private CalibrationStore.Head head(long id) {
        return store.head(id).orElseThrow(() -> new NotFoundException("calibration", String.valueOf(id)));
    }

    private static void requireManager(ApiUser user) {
        if (!user.groups().contains(CareLoopGroups.CS_MANAGERS) && !user.groups().contains(CareLoopGroups.ADMIN)) {
            throw new ForbiddenException("只有客服经理可以发起校准 Only cs-managers start a calibration");
        }
    }
}
