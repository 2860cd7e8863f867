package com.careloop.feedback;

import com.careloop.customer.CustomerService;
import com.careloop.customer.CustomerView;
import com.careloop.customer.MaskedPhone;
import com.careloop.engine.FormText;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * What a feedback task's form shows on top, as task-local variables read from the feedback tables when the task is
 * created: item number, type, urgency, customer (name, masked phone), deadlines, the customer's own words, the
 * progress log, the response plan and — on the re-visit — the solution to confirm; and which outcomes the resolve
 * form offers ({@code salesLead}). The free-text ones are listed in {@code engine/PersonalFields}, so they never reach
 * history; they vanish with the task. The list columns of the Tasklist filters ({@link #LIST_COLUMNS}) are among them.
 */
@Component("feedbackTaskContext")
class FeedbackTaskContext implements TaskListener {

    /** Task-local variables the Tasklist filters show as list columns (names shared with the call tasks). */
    static final List<String> LIST_COLUMNS = List.of("customerName", "customerPhoneMasked", "feedbackTypeLabel", "urgencyLabel");

    static final String CUSTOMER_WORDS = "customerWords";
    static final String PROGRESS_LOG = "progressLog";
    static final String PLANNED_RESPONSE = "plannedResponse";
    static final String SOLUTION_TO_CONFIRM = "solutionToConfirm";
    /** whether the resolve form offers the sales outcomes (已成交 / 未成交) instead of resolved / rejected. */
    static final String SALES_LEAD = "salesLead";
    /** how many of the latest progress entries the form shows. */
    static final int PROGRESS_SHOWN = 20;

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final FeedbackService feedback;
    private final CustomerService customers;
    private final FeedbackProgressRepository progress;
    private final Clock clock;

    FeedbackTaskContext(FeedbackService feedback, CustomerService customers, FeedbackProgressRepository progress, Clock clock) {
        this.feedback = feedback;
        this.customers = customers;
        this.progress = progress;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        FeedbackItem item = feedback.itemOf(task);
        Optional<CustomerView> customer = customers.find(item.getCustomerId());
        task.setVariableLocal("feedbackTypeLabel", item.getType().label());
        task.setVariableLocal("urgencyLabel", item.getUrgency().label());
        task.setVariableLocal("customerName", FormText.plain(customer.map(CustomerView::name).orElse("?")));
        task.setVariableLocal("customerPhoneMasked", MaskedPhone.of(customer.map(CustomerView::phone).orElse(null)));
        task.setVariableLocal("responseDueLabel", label(task.getVariable(FeedbackVariables.RESPONSE_DUE)));
        task.setVariableLocal("resolutionDueLabel", label(task.getVariable(FeedbackVariables.RESOLUTION_DUE)));
        task.setVariableLocal(CUSTOMER_WORDS, orNone(item.getDescription()));
        task.setVariableLocal(PROGRESS_LOG, progressLog(item));
        task.setVariableLocal(PLANNED_RESPONSE, orNone(item.getResponsePlan()));
        task.setVariableLocal(SOLUTION_TO_CONFIRM, solution(item));
        task.setVariableLocal(SALES_LEAD, item.getType() == FeedbackType.SALES_LEAD);
        // the re-visit form asks again: do not pre-fill the previous attempt's answer
        task.getExecution().removeVariable(FeedbackVariables.CALL_OUTCOME);
    }

    private String progressLog(FeedbackItem item) {
        List<FeedbackProgress> entries = progress.findByFeedbackItemIdOrderByRecordedAtAscIdAsc(item.getId());
        if (entries.isEmpty()) {
            return "（暂无 None yet）";
        }
        return entries.stream().skip(Math.max(0, entries.size() - PROGRESS_SHOWN))
                .map(p -> "- " + label(p.getRecordedAt()) + " · " + p.getKind().label()
                        + (p.getAuthor() == null ? "" : " · " + FormText.plain(p.getAuthor()))
                        + (p.getNote() == null || p.getNote().isBlank() ? "" : " · " + FormText.plain(p.getNote())))
                .collect(Collectors.joining("\n"));
    }

    private static String solution(FeedbackItem item) {
        if (item.getHandlingOutcome() == null) {
            return "（尚未处理 Not resolved yet）";
        }
        Compensation c = item.getCompensation();
        return item.getHandlingOutcome().label()
                + (c == null || c == Compensation.NONE ? "" : " · 补偿 Compensation: " + c.label())
                + " · " + orNone(item.getSolution());
    }

    private static String orNone(String text) {
        return text == null || text.isBlank() ? "（无 None）" : FormText.plain(text);
    }

    private String label(Object date) {
        if (date instanceof Date d) {
            return LABEL.format(d.toInstant().atZone(clock.getZone()));
        }
        return date instanceof Instant i ? LABEL.format(i.atZone(clock.getZone())) : "";
    }
}
