package com.careloop.feedback;

import com.careloop.engine.SystemCalls;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Comment;
import org.springframework.stereotype.Component;

/** Copies the Tasklist comments of an item's tasks into its progress log (once per comment). */
@Component
public class CommentSync {

    private final TaskService tasks;
    private final FeedbackProgressRepository progress;

    public CommentSync(TaskService tasks, FeedbackProgressRepository progress) {
        this.tasks = tasks;
        this.progress = progress;
    }

    public void sync(FeedbackItem item, String processInstanceId) {
        List<Comment> comments = SystemCalls.run(() -> tasks.getProcessInstanceComments(processInstanceId));
        for (Comment c : comments) {
            if (!progress.existsByCommentId(c.getId())) {
                progress.save(new FeedbackProgress(item.getId(), c.getTime().toInstant(), c.getUserId(),
                        ProgressKind.COMMENT, c.getFullMessage(), c.getId()));
            }
        }
    }
}
