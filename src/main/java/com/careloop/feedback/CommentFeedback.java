package com.careloop.feedback;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A survey answer's free-text comment (by the page of a survey link) goes through feedback classification as a call's
 * reported feedback does: bpmn/commentClassification.dmn gives its type (a complaint, fault, suggestion or question;
 * none for praise), bpmn/feedbackUrgency.dmn its urgency, and a typed comment becomes a feedback item of the
 * follow-up, on the channel it came by, handled by its own feedbackHandling (routed at once, as a call's items are).
 */
@Service
public class CommentFeedback {

    /** The follow-up entry of a survey comment's item: one per follow-up (a retried answer registers nothing twice). */
    static final String ENTRY = "SURVEY_COMMENT";

    private final CommentClassification classification;
    private final UrgencySuggestion urgency;
    private final FeedbackService feedback;

    CommentFeedback(CommentClassification classification, UrgencySuggestion urgency, FeedbackService feedback) {
        this.classification = classification;
        this.urgency = urgency;
        this.feedback = feedback;
    }

    /** The item this comment became, or empty when it is no feedback (NONE) or blank. Never logs the comment. */
    @Transactional
    public Optional<FeedbackRef> register(long followUpId, long customerId, String comment, FeedbackChannel channel) {
        return classification.classify(comment).map(type -> FeedbackRef.of(feedback.registerFromSurveyComment(followUpId, ENTRY,
                customerId, type, urgency.suggest(new UrgencySuggestion.Facts(comment, 1, false)).urgency(), comment, channel)));
    }
}
