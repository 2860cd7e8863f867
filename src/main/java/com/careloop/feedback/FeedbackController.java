package com.careloop.feedback;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.careloop.identity.ApiAccess;
import com.careloop.identity.ApiUser;
import java.net.URI;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.RequestParam;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/feedback")
public class FeedbackController {

    private final FeedbackService service;
    private final FeedbackProgressRepository progress;
    private final CommentSync comments;
    private final ApiAccess access;
    private final FeedbackRegisterQuery register;

    public FeedbackController(FeedbackService service, FeedbackProgressRepository progress, CommentSync comments, ApiAccess access,
                              FeedbackRegisterQuery register) {
        this.register = register;
        this.service = service;
        this.progress = progress;
        this.comments = comments;
        this.access = access;
    }

    /**
     * The item with its progress log, followed by the Tasklist comments not yet copied into it. A read: it writes
     * nothing (the comments are copied when a task of the item is recorded).
     */
    @GetMapping("/{number}")
    @Transactional(readOnly = true)
    public FeedbackView get(@PathVariable String number) {
        access.requireAny(ApiAccess.READ);
        FeedbackItem item = service.get(number);
        List<FeedbackProgress> log = new ArrayList<>(progress.findByFeedbackItemIdOrderByRecordedAtAscIdAsc(item.getId()));
        if (item.getProcessInstanceId() != null) {
            log.addAll(comments.pending(item, item.getProcessInstanceId()));
            log.sort(Comparator.comparing(FeedbackProgress::getRecordedAt));
        }
        return FeedbackView.of(item, log);
    }

    /**
     * The register as a list: a page of the items the reader may see ({@link FeedbackRegisterQuery}), filtered, sorted
     * by the next deadline; {@code q} searches the customer's words. An unknown enum value or team is a 400 naming it.
     */
    @GetMapping
    public FeedbackRegisterQuery.Page list(@RequestParam(required = false) FeedbackStatus status,
                                           @RequestParam(required = false) FeedbackType type,
                                           @RequestParam(required = false) Urgency urgency,
                                           @RequestParam(required = false) FeedbackChannel channel,
                                           @RequestParam(required = false) String team,
                                           @RequestParam(required = false) Boolean overdue,
                                           @RequestParam(required = false) Boolean paused,
                                           @RequestParam(required = false) String customerExternalId,
                                           @RequestParam(required = false) String q,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                           @RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "20") int size) {
        ApiUser user = access.requireAny(ApiAccess.READ);
        return register.find(new FeedbackRegisterQuery.Filter(status, type, urgency, channel, blankToNull(team), overdue, paused,
                blankToNull(customerExternalId), q, from, to, page, size), user);
    }

    /** A handler's progress entry (已联系客户, 已安排维修, 等待配件到货, free text): 201 with the item and its log. */
    @ApiResponse(responseCode = "201", description = "已记录 Recorded: the item with its log")
    @ApiResponse(responseCode = "409", description = "反馈已关闭 The item is closed")
    @PostMapping("/{number}/progress")
    public ResponseEntity<FeedbackView> progress(@PathVariable String number, @RequestBody ProgressEntryRequest request) {
        ApiUser user = access.requireAny(ApiAccess.READ);
        FeedbackItem item = service.recordProgress(number, request, user);
        return ResponseEntity.created(URI.create("/api/feedback/" + item.getNumber()))
                .body(FeedbackView.of(item, progress.findByFeedbackItemIdOrderByRecordedAtAscIdAsc(item.getId())));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * Registers inbound feedback (a line of the register: channel, customer, contact, product, type, urgency or its
     * suggestion, the customer's words) and starts its handling: 201 with the item. Every field rule is checked by
     * {@link InboundRegister} at once (a 400 names each broken field; nothing is written).
     */
    @ApiResponse(responseCode = "201", description = "已登记并开始处理 Registered; its handling has started")
    @PostMapping
    public ResponseEntity<FeedbackView> register(@RequestBody InboundFeedbackRequest request) {
        ApiUser user = access.requireAny(ApiAccess.REGISTER_FEEDBACK);
        FeedbackItem item = service.registerInboundItem(request, user.id());
        return ResponseEntity.created(URI.create("/api/feedback/" + item.getNumber()))
                .body(FeedbackView.of(service.get(item.getId()), progress.findByFeedbackItemIdOrderByRecordedAtAscIdAsc(item.getId())));
    }
}
