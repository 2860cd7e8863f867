package com.careloop.customer;

public enum CustomerTier {
    STANDARD("普通客户 Standard"), VIP("VIP 客户 VIP");

    private final String label;

    CustomerTier(String label) {
        this.label = label;
    }

    /** "中文 English" for forms and task lists, never the code. */
    public String label() {
        return label;
    }
}
