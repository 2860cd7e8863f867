package com.careloop.feedback;

public enum ManagerDecision {
    CLOSE("结案 Close"), CLOSE_WITH_COMPENSATION("补偿后结案 Close with compensation");

    private final String label;

    ManagerDecision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
