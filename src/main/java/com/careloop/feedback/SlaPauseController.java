package com.careloop.feedback;

import com.careloop.identity.ApiAccess;
import com.careloop.identity.ApiUser;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SLA pause of a feedback item ({@link SlaPause}): {@code POST /api/feedback/{number}/pause} {reason, note} and
 * {@code POST /api/feedback/{number}/resume} {note}; 200 with the item ({@code pausedNow}, {@code pausedMinutes}, the
 * moved deadlines) and its log. 400 unknown reason, 403 not a handler of its open task, 404 unknown number, 409
 * already paused / not paused / nothing running; nothing written on any of them.
 */
@RestController
@RequestMapping("/api/feedback")
public class SlaPauseController {

    private final SlaPause pause;
    private final FeedbackController items;
    private final ApiAccess access;

    public SlaPauseController(SlaPause pause, FeedbackController items, ApiAccess access) {
        this.pause = pause;
        this.items = items;
        this.access = access;
    }

    @PostMapping("/{number}/pause")
    @Transactional
    public FeedbackView pause(@PathVariable String number, @RequestBody(required = false) SlaPause.PauseRequest request) {
        ApiUser user = access.requireAny(ApiAccess.READ);
        pause.pauseItem(number, request, user);
        return items.get(number);
    }

    @PostMapping("/{number}/resume")
    @Transactional
    public FeedbackView resume(@PathVariable String number, @RequestBody(required = false) SlaPause.ResumeRequest request) {
        ApiUser user = access.requireAny(ApiAccess.READ);
        pause.resumeItem(number, request, user);
        return items.get(number);
    }
}
