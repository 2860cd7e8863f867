package com.careloop.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of an item's progress log ("contacted", "repair scheduled", "waiting for parts", escalations…). */
@Entity
@Table(name = "feedback_progress")
class FeedbackProgress {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "feedback_item_id", nullable = false)
    private Long feedbackItemId;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    private String author;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProgressKind kind;

    private String note;

    /** The Tasklist comment this line was copied from, if any. */
    @Column(name = "comment_id", unique = true)
    private String commentId;

    protected FeedbackProgress() {
    }

    FeedbackProgress(Long feedbackItemId, Instant recordedAt, String author, ProgressKind kind, String note, String commentId) {
        this.feedbackItemId = feedbackItemId;
        this.recordedAt = recordedAt;
        this.author = author;
        this.kind = kind;
        this.note = note;
        this.commentId = commentId;
    }

    public Long getId() { return id; }
    public Long getFeedbackItemId() { return feedbackItemId; }
    public Instant getRecordedAt() { return recordedAt; }
    public String getAuthor() { return author; }
    public ProgressKind getKind() { return kind; }
    public String getNote() { return note; }
    public String getCommentId() { return commentId; }
}
