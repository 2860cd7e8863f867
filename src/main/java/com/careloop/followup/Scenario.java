package com.careloop.followup;

/**
 * Why a customer is called. The scenario's due window, its priority and whether a VIP's account agent calls are
 * not here: they are the {@code scenarioPolicy} decision in {@code bpmn/scenarioPolicy.dmn} (see {@link ScenarioPolicy}).
 */
public enum Scenario {
    POST_RESOLUTION("问题解决后回访", "Post-resolution"),
    NEW_PURCHASE("新客户回访", "New purchase"),
    VIP_CARE("VIP 关怀", "VIP care"),
    USAGE("使用回访", "Usage"),
    CHURN_RISK("流失预警", "Churn risk"),
    PROMOTION("活动/服务升级回访", "Promotion");

    private final String zh;
    private final String en;

    Scenario(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    /** "中文 English", as every label. */
    public String label() { return zh + " " + en; }

    /** The Chinese name alone (the call task's name: "回访 王芳 · 新客户回访"). */
    public String zh() { return zh; }

    /** The English name alone (the survey page in English). */
    public String en() { return en; }
}
