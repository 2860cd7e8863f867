package com.careloop.feedback;

import com.careloop.identity.ApiAccess;
import com.careloop.identity.ApiUser;
import java.net.URI;
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

    public FeedbackController(FeedbackService service, FeedbackProgressRepository progress, CommentSync comments, ApiAccess access) {
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
     * Registers inbound feedback (a line of the register: channel, customer, contact, product, type, urgency or its
     * suggestion, the customer's words) and starts its handling: 201 with the item. Every field rule is checked by
     * {@link InboundRegister} at once (a 400 names each broken field; nothing is written).
     */
    @PostMapping
    public ResponseEntity<FeedbackView> register(@RequestBody InboundFeedbackRequest request) {
        ApiUser user = access.requireAny(ApiAccess.REGISTER_FEEDBACK);
        FeedbackItem item = service.registerInbound(request, user.id());
        return ResponseEntity.created(URI.create("/api/feedback/" + item.getNumber()))
                .body(FeedbackView.of(service.get(item.getId()), progress.findByFeedbackItemIdOrderByRecordedAtAscIdAsc(item.getId())));
    }
}
