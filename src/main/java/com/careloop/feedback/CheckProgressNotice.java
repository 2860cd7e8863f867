package com.careloop.feedback;

import com.careloop.sla.ServiceParameters;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Before the resolution deadline (Timer_ProgressNotice): the customer gets a progress notice unless one went out
 * within {@code feedback.progressNoticeQuiet}, the item is no longer open, or the deadline has already passed (a
 * notice "before the deadline" that would arrive after it is skipped). Sets {@code progressNoticeDue}; when due, the
 * notice is stamped on the item now, in the transaction that decides it, so a second timer cannot send another.
 */
@Component("checkProgressNotice")
class CheckProgressNotice implements JavaDelegate {

    private final FeedbackService feedback;
    private final ServiceParameters parameters;
    private final Clock clock;

    CheckProgressNotice(FeedbackService feedback, ServiceParameters parameters, Clock clock) {
        this.feedback = feedback;
        this.parameters = parameters;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FeedbackItem item = feedback.itemOf(execution);
        Instant now = clock.instant();
        Instant last = item.getLastProgressNoticeAt();
        boolean recent = last != null && last.plus(parameters.progressNoticeQuiet()).isAfter(now);
        boolean passed = execution.getVariable(FeedbackVariables.RESOLUTION_DUE) instanceof Date due && !now.isBefore(due.toInstant());
        boolean send = item.getStatus().open() && !recent && !passed;
        execution.setVariable(FeedbackVariables.PROGRESS_NOTICE_DUE, send);
        if (send) {
            item.progressNoticeSent(now);
            feedback.log(item, null, ProgressKind.PROGRESS_NOTICE, "向客户发送进展通知 Progress notice to the customer");
        } else {
            feedback.log(item, null, ProgressKind.PROGRESS_NOTICE, recent
                    ? "近期已发过进展通知，不再发送 Skipped: one went out within " + parameters.progressNoticeQuiet()
                    : "期限已过或已结案，不发送 Skipped: deadline passed or item closed");
        }
    }
}
