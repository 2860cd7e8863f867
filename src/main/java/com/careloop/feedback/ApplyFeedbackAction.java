package com.careloop.feedback;

import com.careloop.engine.FormInput;
import com.careloop.errors.ConflictException;
import com.careloop.errors.ForbiddenException;
import com.careloop.errors.InvalidRequestException;
import com.careloop.errors.NotFoundException;
import com.careloop.identity.ApiUser;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * The one service task of bpmn/feedbackAction.bpmn (Tasklist start form "反馈处理动作 Feedback action"): a progress
 * entry, a pause or a resume of the item {@code feedbackNumber}, by whoever started the form, through the same service
 * and checks as the REST endpoints ({@link FeedbackService#recordProgress}, {@link SlaPause}). Every refusal is a form
 * error naming the field (400 in Tasklist, nothing written); the free-text note is kept in the item's log only.
 */
@Component("applyFeedbackAction")
class ApplyFeedbackAction implements JavaDelegate {

    enum Action { PROGRESS, PAUSE, RESUME }

    static final String NUMBER = "feedbackNumber";
    static final String ACTION = "action";
    static final String PROGRESS_KIND = "progressKind";
    static final String REASON = "reason";
    static final String NOTE = "note";
    static final String STARTED_BY = "startedBy";

    private final FeedbackService feedback;
    private final SlaPause pause;
    private final IdentityService identity;
    private final Clock clock;

    ApplyFeedbackAction(FeedbackService feedback, SlaPause pause, IdentityService identity, Clock clock) {
        this.feedback = feedback;
        this.pause = pause;
        this.identity = identity;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormInput in = new FormInput(execution, clock.getZone());
        String number = in.text(NUMBER, 40, true);
        Action action = in.requiredEnum(ACTION, Action.class);
        ProgressKind kind = action == Action.PROGRESS ? in.requiredEnum(PROGRESS_KIND, ProgressKind.class) : null;
        String reason = action == Action.PAUSE ? in.text(REASON, 40, true) : null;
        String note = in.text(NOTE, 2000, false);
        in.validate();
        Object startedBy = execution.getVariable(STARTED_BY);
        if (startedBy == null) {
            throw new IllegalStateException("feedbackAction started without an initiator");
        }
        String user = startedBy.toString();
        Set<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).collect(Collectors.toSet());
        ApiUser by = new ApiUser(user, groups);
        try {
            switch (action) {
                case PROGRESS -> feedback.recordProgress(number, new ProgressEntryRequest(kind, note), by);
                case PAUSE -> pause.pauseItem(number, new SlaPause.PauseRequest(reason, note), by);
                case RESUME -> pause.resumeItem(number, new SlaPause.ResumeRequest(note), by);
            }
        } catch (NotFoundException e) {
            in.error(NUMBER, "is no feedback item: '" + number + "'");
        } catch (InvalidRequestException e) {
            e.errors().forEach(f -> in.error("kind".equals(f.field()) ? PROGRESS_KIND : f.field(), f.message()));
        } catch (ForbiddenException e) {
            in.error(NUMBER, "你不能处理此反馈 you may not work this item: " + e.getMessage());
        } catch (ConflictException e) {
            in.error(ACTION, "此时不能执行 not possible now: " + e.getMessage());
        }
        in.validate();
        execution.setProcessBusinessKey(number);
        execution.removeVariable(NOTE);
    }
}
