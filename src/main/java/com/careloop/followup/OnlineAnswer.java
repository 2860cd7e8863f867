package com.careloop.followup;

/**
 * What a customer answered on the page of a survey link: overall satisfaction 1–5 and NPS 0–10 (required), the five
 * dimensions 1–5 (optional), whether the earlier issue is resolved (re-visits; optional), a comment (≤ 1,000
 * characters, optional) and whether they want a call. Validated by the page before it gets here.
 */
public record OnlineAnswer(int satisfaction, int nps, Integer attitude, Integer expertise, Integer timeliness,
                           Integer resolution, Integer convenience, Boolean resolved, String comment, boolean callback) {

    public static final int MAX_COMMENT = 1000;

    public OnlineAnswer {
        if (satisfaction < 1 || satisfaction > 5 || nps < 0 || nps > 10 || comment != null && comment.length() > MAX_COMMENT) {
            throw new IllegalArgumentException("satisfaction 1-5, nps 0-10, comment at most " + MAX_COMMENT + " characters");
        }
        comment = comment == null || comment.isBlank() ? null : comment.strip();
    }

    /**
     * A detractor or a customer who asked for a call gets a call-back by an agent: satisfaction ≤ 2, NPS ≤ 6 (the NPS
     * detractor band, seed 005) or callback.
     */
    public boolean needsCallBack() {
        return satisfaction <= 2 || nps <= 6 || callback;
    }
}
