package com.careloop.feedback;

/**
 * What the feedback module needs for a closure re-visit by text (the survey module implements it and depends on
 * feedback, not the other way round): a new survey link for the item's re-visit, and whom the text says it comes from.
 */
public interface RevisitLinks {

    /**
     * A new link for this item's re-visit survey: its address with a fresh random token, of which only a hash is stored.
     * Called when the text is composed (a retried send composes again; every link of the item stays answerable until
     * one is answered or the re-visit stops awaiting it). Never log or store what it returns.
     */
    String newRevisitLink(long feedbackItemId, long customerId);

    /** Who the survey texts say they come from (the company's name). */
    String companyName();
}
