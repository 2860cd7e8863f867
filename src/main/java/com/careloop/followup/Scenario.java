package com.careloop.followup;

/**
 * Why a customer is called, with the seed policy's window and the call's default priority (Camunda task
 * priority: higher is more urgent).
 */
public enum Scenario {
    POST_RESOLUTION("问题解决后回访 Post-resolution", 3, 90),
    NEW_PURCHASE("新客户回访 New purchase", 7, 70),
    VIP_CARE("VIP 关怀 VIP care", 5, 80),
    USAGE("使用回访 Usage", 7, 50),
    CHURN_RISK("流失预警 Churn risk", 10, 40),
    PROMOTION("活动/服务升级回访 Promotion", 5, 45);

    private final String label;
    private final int dueWorkingDays;
    private final int priority;

    Scenario(String label, int dueWorkingDays, int priority) {
        this.label = label;
        this.dueWorkingDays = dueWorkingDays;
        this.priority = priority;
    }

    public String label() { return label; }
    public int dueWorkingDays() { return dueWorkingDays; }
    public int priority() { return priority; }
}
