package com.careloop.feedback;

public enum ProgressKind {
    CREATED("登记 Created"), ROUTED("分派 Routed"), RESPONDED("响应 Responded"), COMMENT("备注 Comment"),
    RESOLVED("处理 Resolved"), REMINDER("提醒 Reminder"), ESCALATED("升级 Escalated"), REVISIT("二次回访 Re-visit"),
    REOPENED("重新处理 Reopened"), MANAGER_REVIEW("经理复核 Manager review"), CLOSED("结案 Closed"),
    URGENCY("紧急程度 Urgency"), VERIFIED("核实 Verified"), MERGED("合并 Merged"),
    // what handlers record as they go (POST /api/feedback/{number}/progress; seed 002 第四步)
    CONTACTED("已联系客户 Customer contacted"), REPAIR_SCHEDULED("已安排维修 Repair scheduled"),
    WAITING_FOR_PARTS("等待配件到货 Waiting for parts"), NOTE("备注 Note"),
    // the SLA pause and the customer kept informed (SlaPause, CheckProgressNotice)
    PAUSED("暂停计时 SLA paused"), RESUMED("恢复计时 SLA resumed"), LONG_PAUSE("长时间暂停 Long pause"),
    PROGRESS_NOTICE("进展通知 Progress notice");

    /** The kinds a handler records (the others are written by the system). */
    public static final java.util.Set<ProgressKind> RECORDED_BY_HANDLERS =
            java.util.EnumSet.of(CONTACTED, REPAIR_SCHEDULED, WAITING_FOR_PARTS, NOTE);

    private final String label;

    ProgressKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
