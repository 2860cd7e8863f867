package com.careloop.feedback;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The closure re-visit answered by the customer on the page of a survey link (the survey module): recorded as the
 * phone re-visit records it (the item's re-visit result, a progress-log line with satisfaction, NPS and the channel),
 * then the item's feedbackHandling process is told by the message {@value #MESSAGE}, correlated by its business key
 * (the feedback number), with the facts the re-visit outcome gateway reads: reached, and satisfied = resolved. So
 * {@code resolved = no} takes the phone re-visit's "not satisfied" path (reopen, or the manager the second time) and
 * {@code resolved = yes} its "satisfied" path (closed as resolved-satisfied).
 */
@Service
public class RevisitAnswers {

    /** The message feedbackHandling waits for while a re-visit link is open (event gateway, or the re-visit task's boundary). */
    public static final String MESSAGE = "SurveyAnswered";

    /** What the survey page may show: the item's type and when it was registered (nothing about the customer). */
    public record Subject(long itemId, FeedbackType type, Instant registeredAt) {}

    /** What the customer answered: satisfaction 1–5, NPS 0–10, whether the issue is resolved, a comment (may be null). */
    public record Answer(int satisfaction, int nps, boolean resolved, String comment) {}

    /** The item's re-visit takes no answer by link any more (answered, reached by phone, reopened, closed). */
    public static class Closed extends RuntimeException {
        Closed(String message) {
            super(message);
        }
    }

    private final FeedbackItemRepository items;
    private final FeedbackService feedback;
    private final CommentSync comments;
    private final RuntimeService runtime;
    private final Clock clock;

    RevisitAnswers(FeedbackItemRepository items, FeedbackService feedback, CommentSync comments, RuntimeService runtime, Clock clock) {
        this.items = items;
        this.feedback = feedback;
        this.comments = comments;
        this.runtime = runtime;
        this.clock = clock;
    }

    /** The item, when its re-visit link may be answered now. */
    @Transactional(readOnly = true)
    public Optional<Subject> awaiting(long itemId) {
        return items.findById(itemId).filter(this::awaitsTheAnswer).map(i -> new Subject(i.getId(), i.getType(), i.getCreatedAt()));
    }

    private boolean awaitsTheAnswer(FeedbackItem item) {
        return item.getRevisitSurveySince() != null && com.careloop.engine.MessageWaits.waits(runtime, item.getProcessInstanceId(), MESSAGE);
    }

    /**
     * Records the answer and moves the item's process on, in one transaction. {@code channel}: the label of the channel
     * it came by ("短信 SMS", "网页 Web").
     *
     * @throws Closed when the re-visit takes no answer by link any more (nothing is written)
     */
    @Transactional
    public void record(long itemId, Answer answer, String channel) {
        FeedbackItem item = items.findById(itemId).orElseThrow(() -> new Closed("no feedback item " + itemId));
        if (!awaitsTheAnswer(item)) {
            throw new Closed("feedback item " + item.getNumber() + " takes no re-visit answer by link any more");
        }
        item.recordRevisit(item.getRevisitAttempts(), answer.resolved());
        item.stopAwaitingRevisitSurvey();
        String what = (answer.resolved() ? "客户满意 Customer satisfied" : "客户不满意 Customer not satisfied") + " (" + answer.satisfaction()
                + "/5, NPS " + answer.nps() + "/10) · " + channel;
        feedback.log(item, null, ProgressKind.REVISIT, what + (answer.comment() == null ? "" : " — " + answer.comment()));
        comments.sync(item, item.getProcessInstanceId());
        runtime.createMessageCorrelation(MESSAGE).processInstanceBusinessKey(item.getNumber())
                .setVariables(Variables.createVariables()
                        .putValue(FeedbackVariables.CALL_OUTCOME, RevisitOutcome.REACHED.name())
                        .putValue(FeedbackVariables.CUSTOMER_SATISFIED, answer.resolved()))
                .correlateWithResult();
    }

    /** The re-visit's text went out (the notification task's completion): its links may be answered now. */
    void textSent(FeedbackItem item) {
        item.awaitRevisitSurvey(clock.instant());
    }
}
