package com.careloop.feedback;

/**
 * What the feedback module asks while it registers an inbound item with a product model and batch (seed 002:
 * 批量质量问题): whether the item points at a batch quality problem, so that bpmn/feedbackUrgency.dmn (input
 * {@code batchSuspected}) suggests URGENT. Declared here, implemented by module incident (which also reacts to
 * {@link FeedbackEvent.FeedbackOpened}): feedback never depends on incident. No implementation: never suspected.
 */
public interface BatchSignal {

    /**
     * Called in the registration's transaction, before the item is stored: true when an incident is open for this
     * model and batch, or when this item (of this type) makes the matching items reach the threshold.
     */
    boolean suspected(FeedbackType type, String productModel, String batch);
}
