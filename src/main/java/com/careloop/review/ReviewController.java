package com.careloop.review;

import com.careloop.errors.ForbiddenException;
import com.careloop.errors.InvalidRequestException;
import com.careloop.identity.ApiAccess;
import com.careloop.identity.ApiUser;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reviews?agent=&team=&from=&to=&status=&limit=}: call reviews with their scores, newest sample first
 * ({@code from}/{@code to}: dates yyyy-MM-dd of the sample, [from, to), Asia/Shanghai). cs-supervisors, cs-managers
 * (and camunda-admin) read everyone's; anyone else only their own calls' reviews once scored (the agent sees a passed
 * review here without a task) — asking for another agent's is 403.
 */
@RestController
@RequestMapping("/api/reviews")
public class ReviewController {

    static final int MAX_LIMIT = 500;

    private final CallReviews reviews;
    private final ApiAccess access;
    private final Clock clock;

    ReviewController(CallReviews reviews, ApiAccess access, Clock clock) {
        this.reviews = reviews;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping
    public List<ReviewView> list(@RequestParam(required = false) String agent, @RequestParam(required = false) String team,
                                 @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                 @RequestParam(required = false) String status, @RequestParam(required = false) String limit) {
        ApiUser user = access.requireAny(ApiAccess.READ);
        String who = blankToNull(agent);
        boolean everyone = !Collections.disjoint(user.groups(), ApiAccess.READ_KPIS);
        if (!everyone) {
            if (who != null && !who.equals(user.id())) {
                throw new ForbiddenException("坐席只能查看本人的质检 An agent may read only their own reviews: ?agent=" + user.id());
            }
            who = user.id();
        }
        List<InvalidRequestException.FieldError> errors = new ArrayList<>();
        Instant f = date("from", from, errors);
        Instant t = date("to", to, errors);
        if (f != null && t != null && !f.isBefore(t)) {
            errors.add(new InvalidRequestException.FieldError("to", "must be after from (the period is [from, to))"));
        }
        ReviewStatus s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = ReviewStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new InvalidRequestException.FieldError("status", "must be one of " + Arrays.toString(ReviewStatus.values())));
            }
        }
        int n = 100;
        if (limit != null && !limit.isBlank()) {
            try {
                n = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > MAX_LIMIT) {
                errors.add(new InvalidRequestException.FieldError("limit", "must be a whole number between 1 and " + MAX_LIMIT));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        List<ReviewView> found = reviews.find(who, blankToNull(team), f, t, s, n);
        return everyone ? found : found.stream().filter(r -> r.status() != ReviewStatus.OPEN).toList();
    }

    private Instant date(String name, String value, List<InvalidRequestException.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip()).atStartOfDay(clock.getZone()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new InvalidRequestException.FieldError(name, "must be a date yyyy-MM-dd, not '" + value + "'"));
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
