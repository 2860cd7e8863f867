package com.careloop.feedback;

/** From the feedback register: URGENT (safety, batch quality issue, strong dissatisfaction), NORMAL, LOW. */
public enum Urgency {
    URGENT("紧急 Urgent"), NORMAL("一般 Normal"), LOW("低 Low");

    private final String label;

    Urgency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
