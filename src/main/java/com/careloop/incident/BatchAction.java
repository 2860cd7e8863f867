package com.careloop.incident;

/** What closing a batch-quality investigation decided (form field {@code action}). */
public enum BatchAction {
    RECALL("召回 Recall"),
    REPAIR_CAMPAIGN("维修活动 Repair campaign"),
    SUPPLIER_CLAIM("供应商索赔 Supplier claim");

    private final String label;

    BatchAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
