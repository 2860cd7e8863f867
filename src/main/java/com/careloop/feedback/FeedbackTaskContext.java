package com.careloop.feedback;

import com.careloop.customer.CustomerService;
import com.careloop.engine.FormText;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** What a feedback task's form shows on top: item number, type, urgency, customer, deadlines (task-local). */
@Component("feedbackTaskContext")
class FeedbackTaskContext implements TaskListener {

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final FeedbackService feedback;
    private final CustomerService customers;
    private final Clock clock;

    FeedbackTaskContext(FeedbackService feedback, CustomerService customers, Clock clock) {
        this.feedback = feedback;
        this.customers = customers;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        FeedbackItem item = feedback.itemOf(task);
        task.setVariableLocal("feedbackTypeLabel", item.getType().label());
        task.setVariableLocal("urgencyLabel", item.getUrgency().label());
        task.setVariableLocal("customerName", FormText.plain(customers.find(item.getCustomerId()).map(c -> c.getName()).orElse("?")));
        task.setVariableLocal("responseDueLabel", label(task.getVariable(FeedbackVariables.RESPONSE_DUE)));
        task.setVariableLocal("resolutionDueLabel", label(task.getVariable(FeedbackVariables.RESOLUTION_DUE)));
        // the re-visit form asks again: do not pre-fill the previous attempt's answer
        task.getExecution().removeVariable(FeedbackVariables.CALL_OUTCOME);
    }

    private String label(Object date) {
        return date instanceof Date d ? LABEL.format(d.toInstant().atZone(clock.getZone())) : "";
    }
}
