package com.careloop.review;

import com.careloop.engine.FormText;
import com.careloop.followup.FollowUpQueries;
import com.careloop.followup.FollowUpView;
import com.careloop.identity.TaskWork;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of the callReviewCase tasks: the call record ({@value ReviewVariables#CALL_RECORD}: outcome,
 * scores, the agent's notes, the feedback items raised, the call attempts with their times) and, once scored, the
 * review ({@value ReviewVariables#REVIEW_SUMMARY}: each criterion's score and comment, the total) as task-local plain
 * text for the form. They live in the tables, not in the process, and never in history (PersonalFields).
 */
@Component("reviewTaskContext")
class ReviewTaskContext implements TaskListener {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final CallReviews reviews;
    private final FollowUpQueries followUps;
    private final Clock clock;

    ReviewTaskContext(CallReviews reviews, FollowUpQueries followUps, Clock clock) {
        this.reviews = reviews;
        this.followUps = followUps;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        ReviewView review = reviews.get(((Number) task.getVariable(ReviewVariables.REVIEW_ID)).longValue());
        task.setVariableLocal(ReviewVariables.CALL_RECORD, callRecord(followUps.byNumber(review.followUpNumber())));
        if (ReviewVariables.TASK_REVIEW.equals(task.getTaskDefinitionKey())) {
            // nobody reviews their own call: the task-access guard refuses it to the call's agent
            task.setVariableLocal(TaskWork.NOT_FOR, review.agent());
        }
        if (review.scorePercent() != null) {
            task.setVariableLocal(ReviewVariables.REVIEW_SUMMARY, summary(review));
        }
    }

    String callRecord(FollowUpView f) {
        StringBuilder s = new StringBuilder();
        s.append("回访 Follow-up ").append(f.number()).append(" · ").append(f.scenario().label()).append(" · 坐席 Agent ")
                .append(FormText.plain(f.lastAgent())).append("\n\n");
        FollowUpView.Survey v = f.survey();
        if (v != null) {
            s.append("满意度 Satisfaction ").append(v.satisfaction()).append("/5 · NPS ").append(v.nps()).append("/10")
                    .append(" · 态度 Attitude ").append(dash(v.scoreAttitude())).append(" · 专业 Expertise ").append(dash(v.scoreExpertise()))
                    .append(" · 及时 Timeliness ").append(dash(v.scoreTimeliness())).append(" · 解决 Resolution ").append(dash(v.scoreResolution()))
                    .append(" · 便捷 Convenience ").append(dash(v.scoreConvenience()))
                    .append(" · 原问题已解决 Issue resolved ").append(v.issueResolved() == null ? "-" : v.issueResolved() ? "是 yes" : "否 no")
                    .append("\n\n");
            s.append("坐席备注 Agent's notes: ").append(v.notes() == null ? "-" : FormText.plain(v.notes())).append("\n\n");
        }
        s.append("反馈单 Feedback items: ").append(f.feedbackNumbers().isEmpty() ? "-" : String.join(", ", f.feedbackNumbers())).append("\n\n");
        s.append("拨打记录 Call attempts:");
        for (FollowUpView.Attempt a : f.attempts()) {
            s.append("\n\n").append(a.attemptNo()).append(". ").append(time(a.calledAt())).append(" · ").append(a.outcome().name())
                    .append(" · ").append(FormText.plain(a.agent()));
        }
        s.append("\n\n录音 Recording: -");
        return s.toString();
    }

    static String summary(ReviewView r) {
        StringBuilder s = new StringBuilder();
        s.append("**总分 Total ").append(r.scorePercent()).append(" %**").append(Boolean.TRUE.equals(r.passed()) ? " · 合格 passed" : " · 不合格 failed")
                .append(Boolean.TRUE.equals(r.criticalFailed()) ? " · 关键项 0 分 a critical criterion at 0" : "")
                .append(" · 质检人 Reviewer ").append(FormText.plain(r.reviewer()));
        for (ReviewView.Score sc : r.scores()) {
            s.append("\n\n").append(FormText.plain(sc.label())).append(sc.critical() ? "（关键 critical）" : "").append(": **")
                    .append(sc.score()).append("/2**");
            if (sc.comment() != null) {
                s.append(" — ").append(FormText.plain(sc.comment()));
            }
        }
        if (r.agentReason() != null) {
            s.append("\n\n坐席申诉理由 The agent's reason: ").append(FormText.plain(r.agentReason()));
        }
        return s.toString();
    }

    private String time(Instant t) {
        return t == null ? "-" : TIME.format(t.atZone(clock.getZone()));
    }

    private static String dash(Integer v) {
        return v == null ? "-" : v.toString();
    }
}
