package com.careloop.feedback;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener (complete) of the response and resolution tasks: completing the paused task ends its pause, so the
 * deadlines still ahead move by the paused time and no item stays paused without a task to pause.
 */
@Component("slaPauseEnds")
class SlaPauseEnds implements TaskListener {

    private final FeedbackService feedback;
    private final SlaPause pause;

    SlaPauseEnds(FeedbackService feedback, SlaPause pause) {
        this.feedback = feedback;
        this.pause = pause;
    }

    @Override
    public void notify(DelegateTask task) {
        FeedbackItem item = feedback.itemOf(task);
        if (item.isPausedNow()) {
            pause.end(item, null, "任务完成，暂停结束 Task completed, pause ended", task.getId());
        }
    }
}
