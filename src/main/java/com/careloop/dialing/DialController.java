package com.careloop.dialing;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.careloop.errors.InvalidRequestException;
import com.careloop.identity.ApiAccess;
import com.careloop.identity.CareLoopGroups;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/follow-ups/{number}/dial} and {@code POST /api/feedback/{number}/dial}: the "拨打 Call" action of the
 * call and re-visit tasks (200 {@code {phone, adapter:"reveal"}} or 202 {@code {adapter:"http"}}; 403 not the assignee,
 * 404 unknown number, 409 no open task); {@code GET /api/audit/contact-access} for cs-managers.
 */
@RestController
public class DialController {

    /** Who may read the contact-access audit. */
    static final Set<String> READ_AUDIT = Set.of(CareLoopGroups.CS_MANAGERS, CareLoopGroups.ADMIN);
    static final int MAX_PAGE_SIZE = 200;

    private final DialService dialing;
    private final ContactAccessAudit audit;
    private final ApiAccess access;
    private final Clock clock;

    DialController(DialService dialing, ContactAccessAudit audit, ApiAccess access, Clock clock) {
        this.dialing = dialing;
        this.audit = audit;
        this.access = access;
        this.clock = clock;
    }

    @ApiResponse(responseCode = "200", description = "号码（仅任务处理人，已审计）The number, to the task's assignee only (audited)")
    @ApiResponse(responseCode = "202", description = "已交给外呼系统 Handed to the CTI (click-to-call)")
    @ApiResponse(responseCode = "409", description = "无可拨打的任务或号码 No open task or number to dial")
    @ApiResponse(responseCode = "502", description = "外呼系统失败 The CTI failed")
    @PostMapping("/api/follow-ups/{number}/dial")
    public ResponseEntity<Map<String, Object>> dialFollowUp(@PathVariable String number) {
        return answer(dialing.followUp(number, access.currentUser().id()));
    }

    @ApiResponse(responseCode = "200", description = "号码（仅任务处理人，已审计）The number, to the task's assignee only (audited)")
    @ApiResponse(responseCode = "202", description = "已交给外呼系统 Handed to the CTI (click-to-call)")
    @ApiResponse(responseCode = "409", description = "无可拨打的任务或号码 No open task or number to dial")
    @ApiResponse(responseCode = "502", description = "外呼系统失败 The CTI failed")
    @PostMapping("/api/feedback/{number}/dial")
    public ResponseEntity<Map<String, Object>> dialFeedback(@PathVariable String number) {
        return answer(dialing.feedback(number, access.currentUser().id()));
    }

    private static ResponseEntity<Map<String, Object>> answer(DialService.Dialed dialed) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("adapter", dialed.adapter());
        body.put("taskId", dialed.taskId());
        if (dialed.phone() != null) {
            body.put("phone", dialed.phone());
        }
        return ResponseEntity.status(dialed.phone() != null ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .cacheControl(CacheControl.noStore()).body(body);
    }

    @ExceptionHandler(DialFailedException.class)
    ResponseEntity<ProblemDetail> dialFailed(DialFailedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, e.getMessage());
        problem.setTitle("Dial failed");
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /**
     * The audit, newest first: {@code from} / {@code to} an ISO date (a whole day in the calendar zone, {@code to}
     * inclusive) or an instant ({@code to} exclusive); {@code user} one user id; {@code page} from 0, {@code size} up
     * to {@value #MAX_PAGE_SIZE}.
     */
    @GetMapping("/api/audit/contact-access")
    public ContactAccessAudit.Page contactAccess(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                                 @RequestParam(required = false) String user,
                                                 @RequestParam(required = false, defaultValue = "0") String page,
                                                 @RequestParam(required = false, defaultValue = "50") String size) {
        access.requireAny(READ_AUDIT);
        Instant start = instant("from", from, false);
        Instant end = instant("to", to, true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new InvalidRequestException("to", "must be after from");
        }
        int p = number("page", page, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE);
        int s = number("size", size, 1, MAX_PAGE_SIZE);
        return audit.find(start, end, user == null || user.isBlank() ? null : user.strip(), p, s);
    }

    private Instant instant(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value.strip());
            return (endOfDay ? day.plusDays(1) : day).atStartOfDay(clock.getZone()).toInstant();
        } catch (DateTimeParseException notADate) {
            try {
                return Instant.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidRequestException(field, "must be a date (2026-12-01) or an instant (2026-12-01T08:00:00Z) but was '"
                        + value + "'");
            }
        }
    }

    private static int number(String field, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new InvalidRequestException(field, "must be a whole number from " + min + " to " + max + " but was '" + value + "'");
    }
}
