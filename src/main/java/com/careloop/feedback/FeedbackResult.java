package com.careloop.feedback;

/** How an item was closed. */
public enum FeedbackResult {
    /** Re-visit reached the customer, who is satisfied. */
    RESOLVED_SATISFIED("已解决且客户满意 Resolved, customer satisfied"),
    /** Re-visit could not reach the customer after the allowed attempts. */
    RESOLVED_UNCONFIRMED("已解决但未能确认 Resolved, not confirmed"),
    /** Second failed resolution, closed by a manager's review. */
    CLOSED_BY_MANAGER("经理复核结案 Closed by a manager"),
    /** No re-visit needed: closed with the owner's handling outcome. */
    RESOLVED("已解决 Resolved"), REJECTED("不予处理 Rejected"), CONVERTED("已成交 Converted"), NOT_CONVERTED("未成交 Not converted"),
    /** Verification found it not genuine (无效信息); the customer was told. */
    INVALID("核实无效 Invalid"),
    /** Verification found it a duplicate of an open item: merged into that one (mergedInto). */
    MERGED("已合并 Merged");

    private final String label;

    FeedbackResult(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The result of an item whose type needs no re-visit. */
    public static FeedbackResult withoutRevisit(HandlingOutcome outcome) {
        return outcome == null ? RESOLVED : FeedbackResult.valueOf(outcome.name());
    }
}
