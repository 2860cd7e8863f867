package com.careloop.dialing;

import com.careloop.customer.CustomerService;
import com.careloop.errors.ConflictException;
import com.careloop.errors.ForbiddenException;
import com.careloop.feedback.FeedbackService;
import com.careloop.followup.FollowUpView;
import com.careloop.followup.FollowUpService;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * The dial action: the follow-up's call task or the feedback item's re-visit must be open and assigned to the caller;
 * then the customer's number (read through the customer module) goes to the active {@link Dialer}. Every attempt is
 * audited (ContactAccessAudit), refused ones too — except a number that does not exist (404).
 */
@Service
public class DialService {

    /** What a dial gave: the adapter, the task, and the number only when the adapter reveals it. */
    public record Dialed(String adapter, String taskId, String phone) {}

    private final FollowUpService followUps;
    private final FeedbackService feedback;
    private final CustomerService customers;
    private final TaskService tasks;
    private final Dialer dialer;
    private final ContactAccessAudit audit;

    DialService(FollowUpService followUps, FeedbackService feedback, CustomerService customers, TaskService tasks, Dialer dialer,
                ContactAccessAudit audit) {
        this.followUps = followUps;
        this.feedback = feedback;
        this.customers = customers;
        this.tasks = tasks;
        this.dialer = dialer;
        this.audit = audit;
    }

    /** Dial the customer of a follow-up, for its open call task (Task_CallCustomer) or detractor call-back (Task_DetractorCallBack). */
    public Dialed followUp(String number, String user) {
        FollowUpView f = followUps.get(number); // 404 when unknown
        return dial(ContactAccess.Subject.FOLLOW_UP, f.number(), f.customerId(), List.of(FollowUpService.CALL_TASK,
                FollowUpService.DETRACTOR_CALL_BACK_TASK), user);
    }

    /** Dial the customer of a feedback item, for its open re-visit (Task_ConfirmResolution). */
    public Dialed feedback(String number, String user) {
        long customerId = feedback.customerOf(number); // 404 when unknown
        return dial(ContactAccess.Subject.FEEDBACK, number, customerId, List.of(FeedbackService.CONFIRM_TASK), user);
    }

    private Dialed dial(ContactAccess.Subject subject, String number, Long customerId, List<String> taskKeys, String user) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKeyIn(taskKeys.toArray(String[]::new))
                .active().list()
                .stream().findFirst().orElse(null);
        if (task == null) {
            audit.record(user, subject, number, null, customerId, dialer.name(), ContactAccess.Outcome.REFUSED_NO_OPEN_TASK, null);
            throw new ConflictException((subject == ContactAccess.Subject.FOLLOW_UP ? "回访 " : "反馈 ") + number
                    + " 没有待拨打的任务 has no open " + (subject == ContactAccess.Subject.FOLLOW_UP ? "call" : "re-visit") + " task",
                    "NO_OPEN_TASK");
        }
        if (!user.equals(task.getAssignee())) {
            audit.record(user, subject, number, task.getId(), customerId, dialer.name(), ContactAccess.Outcome.REFUSED_NOT_ASSIGNEE,
                    task.getAssignee() == null ? "unassigned" : "assignee " + task.getAssignee());
            throw new ForbiddenException(task.getAssignee() == null
                    ? "请先认领此任务再拨打 Claim the task before dialing: only its assignee may call the customer"
                    : "只有任务处理人可以拨打 Only the task's assignee may call the customer");
        }
        Optional<String> phone = customers.phoneOf(customerId);
        if (phone.isEmpty()) {
            audit.record(user, subject, number, task.getId(), customerId, dialer.name(), ContactAccess.Outcome.NO_NUMBER, null);
            throw new ConflictException("客户没有登记电话号码 The customer has no phone number on file", "NO_NUMBER");
        }
        String revealed;
        try {
            revealed = dialer.dial(new Dialer.DialRequest(user, phone.get(), task.getId(), number));
        } catch (DialFailedException e) {
            audit.record(user, subject, number, task.getId(), customerId, dialer.name(), ContactAccess.Outcome.FAILED, e.getMessage());
            throw e;
        }
        audit.record(user, subject, number, task.getId(), customerId, dialer.name(),
                revealed != null ? ContactAccess.Outcome.REVEALED : ContactAccess.Outcome.DIALED, null);
        return new Dialed(dialer.name(), task.getId(), revealed);
    }
}
