package com.careloop.feedback;

import java.util.EnumSet;
import java.util.Set;

/** How the owner ended the handling. Sales leads end CONVERTED / NOT_CONVERTED, every other type RESOLVED / REJECTED. */
public enum HandlingOutcome {
    RESOLVED("已解决 Resolved"), REJECTED("不予处理 Rejected"), CONVERTED("已成交 Converted"), NOT_CONVERTED("未成交 Not converted");

    /** The outcomes of a sales lead; the rest are for every other type. */
    public static final Set<HandlingOutcome> SALES = EnumSet.of(CONVERTED, NOT_CONVERTED);

    private final String label;

    HandlingOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether this outcome may end an item of the given type. */
    public boolean fits(FeedbackType type) {
        return (type == FeedbackType.SALES_LEAD) == SALES.contains(this);
    }

    /** The outcomes that may end an item of the given type. */
    public static Set<HandlingOutcome> allowedFor(FeedbackType type) {
        return type == FeedbackType.SALES_LEAD ? SALES : EnumSet.complementOf(EnumSet.copyOf(SALES));
    }
}
