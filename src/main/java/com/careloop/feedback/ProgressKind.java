package com.careloop.feedback;

public enum ProgressKind {
    CREATED("登记 Created"), ROUTED("分派 Routed"), RESPONDED("响应 Responded"), COMMENT("备注 Comment"),
    RESOLVED("处理 Resolved"), REMINDER("提醒 Reminder"), ESCALATED("升级 Escalated"), REVISIT("二次回访 Re-visit"),
    REOPENED("重新处理 Reopened"), MANAGER_REVIEW("经理复核 Manager review"), CLOSED("结案 Closed"),
    URGENCY("紧急程度 Urgency"), VERIFIED("核实 Verified"), MERGED("合并 Merged");

    private final String label;

    ProgressKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
