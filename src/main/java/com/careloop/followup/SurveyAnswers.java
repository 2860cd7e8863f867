package com.careloop.followup;

import com.careloop.feedback.CommentFeedback;
import com.careloop.feedback.FeedbackChannel;
import com.careloop.sla.ServiceParameters;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The survey answers customers give themselves, on the page of a survey link (the survey module): stored as the same
 * {@link SurveyResponse} a call records (so every KPI counts it), with the channel it came by; then the follow-up's
 * process is told by the message {@value #MESSAGE}, correlated by its business key (the follow-up number). A comment
 * goes through the feedback classification ({@link CommentFeedback}): a complaint in it becomes a feedback item.
 */
@Service
public class SurveyAnswers {

    /** The message the followUp process waits for while a survey link is open (event gateway, or the call task's boundary). */
    public static final String MESSAGE = "SurveyAnswered";

    /** What the survey page may show: the follow-up's scenario and when it was opened (nothing about the customer). */
    public record Subject(long followUpId, String number, Scenario scenario, Instant openedAt) {}

    /** The answer was stored; {@code callBack}: a detractor or a customer who asked for a call (a call-back task follows). */
    public record Recorded(long surveyId, boolean callBack) {}

    /** The follow-up no longer takes an answer by link (answered already, reached by phone, closed). */
    public static class Closed extends RuntimeException {
        Closed(String message) {
            super(message);
        }
    }

    private final FollowUpRepository followUps;
    private final SurveyResponseRepository surveys;
    private final FollowUpService followUpService;
    private final RuntimeService runtime;
    private final ServiceParameters parameters;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CommentFeedback comments;

    SurveyAnswers(FollowUpRepository followUps, SurveyResponseRepository surveys, FollowUpService followUpService,
                  RuntimeService runtime, ServiceParameters parameters, ApplicationEventPublisher events, Clock clock,
                  CommentFeedback comments) {
        this.comments = comments;
        this.followUps = followUps;
        this.surveys = surveys;
        this.followUpService = followUpService;
        this.runtime = runtime;
        this.parameters = parameters;
        this.events = events;
        this.clock = clock;
    }

    /** The follow-up, when its survey link may be answered now; empty when it is answered, reached by phone or closed. */
    @Transactional(readOnly = true)
    public Optional<Subject> awaiting(long followUpId) {
        return followUps.findById(followUpId).filter(FollowUp::isAwaitingSurvey).filter(f -> waitsForTheMessage(f))
                .map(f -> new Subject(f.getId(), f.getNumber(), f.getScenario(), f.getCreatedAt()));
    }

    private boolean waitsForTheMessage(FollowUp f) {
        return com.careloop.engine.MessageWaits.waits(runtime, f.getProcessInstanceId(), MESSAGE);
    }

    /**
     * Stores the answer, closes the follow-up's links and moves its process on (the message {@value #MESSAGE}), all in
     * one transaction.
     *
     * @throws Closed when the follow-up takes no answer by link any more (nothing is written)
     */
    @Transactional
    public Recorded record(long followUpId, OnlineAnswer answer, AnswerChannel channel) {
        FollowUp followUp = followUps.findById(followUpId).orElseThrow(() -> new Closed("no follow-up " + followUpId));
        if (!followUp.isAwaitingSurvey() || surveys.findByFollowUpId(followUpId).isPresent() || !waitsForTheMessage(followUp)) {
            throw new Closed("follow-up " + followUp.getNumber() + " takes no survey answer by link any more");
        }
        Instant now = clock.instant();
        SurveyResponse survey = surveys.saveAndFlush(new SurveyResponse(followUpId, answer, channel, now));
        events.publishEvent(survey.answered(followUp, followUpService.tierOf(followUp)));
        followUp.stopAwaitingSurvey();
        if (answer.comment() != null) { // a complaint (fault, suggestion, question) in the comment becomes a feedback item
            comments.register(followUpId, followUp.getCustomerId(), answer.comment(),
                    channel == AnswerChannel.WEB ? FeedbackChannel.WEB : FeedbackChannel.SMS);
        }
        runtime.createMessageCorrelation(MESSAGE).processInstanceBusinessKey(followUp.getNumber())
                .setVariables(Variables.createVariables()
                        .putValue(FollowUpVariables.SURVEY_CALL_BACK, answer.needsCallBack())
                        .putValue(FollowUpVariables.SURVEY_CALL_BACK_DUE, Date.from(now.plus(parameters.surveyCallBackWithin()))))
                .correlateWithResult();
        return new Recorded(survey.getId(), answer.needsCallBack());
    }
}
