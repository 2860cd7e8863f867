package com.careloop.feedback;

public enum FeedbackType {
    COMPLAINT("投诉 Complaint"),
    PROBLEM("问题/故障 Problem"),
    SUGGESTION("建议 Suggestion"),
    CONSULTATION("咨询 Consultation"),
    SALES_LEAD("销售线索 Sales lead"),
    SERVICE_RECOVERY("服务补救 Service recovery");

    private final String label;

    FeedbackType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
