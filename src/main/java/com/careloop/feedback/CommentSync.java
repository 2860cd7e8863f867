package com.careloop.feedback;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Comment;
import org.springframework.stereotype.Component;

/**
 * The Tasklist comments of an item's tasks and its progress log. {@link #sync} copies them in (once per comment)
 * and is called only on write paths: by the delegates that record a submitted task. {@link #pending} only reads,
 * for the item's GET, which shows the comments not yet copied without writing them. Either asks the log once which
 * of the instance's comments it holds, however many there are.
 */
@Component
public class CommentSync {

    private final TaskService tasks;
    private final FeedbackProgressRepository progress;

    public CommentSync(TaskService tasks, FeedbackProgressRepository progress) {
        this.tasks = tasks;
        this.progress = progress;
    }

    public void sync(FeedbackItem item, String processInstanceId) {
        List<FeedbackProgress> lines = pending(item, processInstanceId);
        if (!lines.isEmpty()) {
            progress.saveAll(lines);
        }
    }

    /** Progress lines (not stored) for the comments of the process instance that the log does not hold yet. */
    public List<FeedbackProgress> pending(FeedbackItem item, String processInstanceId) {
        List<Comment> comments = tasks.getProcessInstanceComments(processInstanceId);
        if (comments.isEmpty()) {
            return List.of();
        }
        Set<String> copied = progress.findCopiedCommentIds(comments.stream().map(Comment::getId).toList());
        return comments.stream()
                .filter(c -> !copied.contains(c.getId()))
                .map(c -> new FeedbackProgress(item.getId(), c.getTime().toInstant(), c.getUserId(), ProgressKind.COMMENT,
                        c.getFullMessage(), c.getId()))
                .toList();
    }
}
