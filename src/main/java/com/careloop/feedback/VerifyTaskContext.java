package com.careloop.feedback;

import com.careloop.engine.FormText;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * What the verify form (Task_VerifyFeedback) shows beside the common feedback context ({@link FeedbackTaskContext}):
 * the register's facts to check against the customer (channel, product model, order and serial number, batch, the
 * urgency suggestion) and the suggested duplicate ({@link SameMatter#openDuplicateOf}) as its number, status and
 * date — no customer text, so neither is personal. Task-local: they vanish with the task.
 */
@Component("verifyTaskContext")
class VerifyTaskContext implements TaskListener {

    static final String REGISTER_FACTS = "registerFacts";
    static final String SUGGESTED_DUPLICATE = "suggestedDuplicate";

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final FeedbackService feedback;
    private final SameMatter sameMatter;
    private final Clock clock;

    VerifyTaskContext(FeedbackService feedback, SameMatter sameMatter, Clock clock) {
        this.feedback = feedback;
        this.sameMatter = sameMatter;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        FeedbackItem item = feedback.itemOf(task);
        List<String> facts = new ArrayList<>();
        facts.add("- 渠道 Channel: " + item.getChannel().label());
        add(facts, "型号 Product model", item.getProductModel());
        add(facts, "订单号 Order number", item.getOrderNumber());
        add(facts, "序列号 Serial number", item.getSerialNumber());
        add(facts, "批次 Batch", item.getBatch());
        if (item.getSuggestedUrgency() != null) {
            facts.add("- 建议紧急程度 Suggested urgency: " + item.getSuggestedUrgency().label()
                    + (item.getUrgencyReason() == null ? "" : " · " + FormText.plain(item.getUrgencyReason()))
                    + (item.isUrgencySuggested() ? "" : " · 登记为 registered as " + item.getUrgency().label()));
        }
        task.setVariableLocal(REGISTER_FACTS, String.join("\n", facts));
        task.setVariableLocal("verifyDueLabel", label(task.getVariable(FeedbackVariables.VERIFY_DUE)));
        task.setVariableLocal(SUGGESTED_DUPLICATE, sameMatter.openDuplicateOf(item)
                .map(d -> d.getNumber() + " · " + d.getType().label() + " · " + d.getStatus().name() + " · 登记于 registered "
                        + LABEL.format(d.getCreatedAt().atZone(clock.getZone()))
                        + (item.getSerialNumber() != null ? " · 同一序列号 same serial number" : " · 同一型号 same product model"))
                .orElse("（无 None）"));
    }

    private static void add(List<String> facts, String label, String value) {
        facts.add("- " + label + ": " + (value == null ? "（未填 not given）" : FormText.plain(value)));
    }

    private String label(Object date) {
        return date instanceof java.util.Date d ? LABEL.format(d.toInstant().atZone(clock.getZone())) : "";
    }
}
