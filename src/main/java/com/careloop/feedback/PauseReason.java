package com.careloop.feedback;

/** Why a handler paused an item's SLA clock (POST /api/feedback/{number}/pause). */
public enum PauseReason {
    WAITING_FOR_CUSTOMER("等待客户 Waiting for the customer"),
    WAITING_FOR_PARTS("等待配件 Waiting for parts"),
    WAITING_FOR_THIRD_PARTY("等待第三方 Waiting for a third party");

    private final String label;

    PauseReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
