package com.careloop.followup;

/** A customer's reply to an appointment text: {@code 1} confirms the planned call, {@code 2} asks for another time. */
public enum AppointmentReply {
    CONFIRMED("1"),
    RESCHEDULE("2");

    private final String keyword;

    AppointmentReply(String keyword) {
        this.keyword = keyword;
    }

    /** The reply a text carries ("1" or "2", surrounding blanks ignored), or null for any other text. */
    public static AppointmentReply ofText(String text) {
        String t = text == null ? "" : text.strip();
        for (AppointmentReply r : values()) {
            if (r.keyword.equals(t)) {
                return r;
            }
        }
        return null;
    }
}
