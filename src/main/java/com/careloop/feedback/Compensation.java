package com.careloop.feedback;

public enum Compensation {
    NONE("无 None"), COUPON("优惠券 Coupon"), FREE_UPGRADE("免费升级 Free upgrade"), REFUND("退款 Refund"), OTHER("其他 Other");

    private final String label;

    Compensation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
