package com.careloop.feedback;

/**
 * Where an item reached the company (seed 002 渠道接入). {@link #FOLLOW_UP} is set by the system for the items of a
 * follow-up call, {@link #SMS} and {@link #WEB} for those of a survey answer's comment; a registrar chooses one of the
 * others.
 */
public enum FeedbackChannel {
    HOTLINE("400 电话 Hotline"), ONLINE_CHAT("在线客服 Online chat"), WECHAT("公众号 WeChat"), EMAIL("邮件 E-mail"),
    STORE("门店反馈表 Store form"), APP("应用 App"), FOLLOW_UP("回访 Follow-up call"),
    /** the comment of a survey answered by the link of a survey text (set by the system) */
    SMS("短信 SMS"),
    /** the comment of a survey answered on the web (set by the system) */
    WEB("网页 Web");

    private final String label;

    FeedbackChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The channel an item registered without one gets: inbound requests of before the register came by the hotline. */
    static FeedbackChannel defaultFor(FeedbackSource source) {
        return source == FeedbackSource.FOLLOW_UP_CALL ? FOLLOW_UP : HOTLINE;
    }
}
