package com.careloop.followup;

/**
 * What the followup module needs from the survey module (which implements it and depends on followup, not the other
 * way round): a new survey link for a follow-up's text, and whether the customer refused texts.
 */
public interface SurveyTexts {

    /**
     * A new link for this follow-up's survey: its address with a fresh random token, of which only a hash is stored.
     * Called when the text is composed (a retried send composes again: every link of the follow-up stays answerable
     * until one is answered or the follow-up stops awaiting it). Never log or store what it returns.
     */
    String newLink(long followUpId, long customerId, AnswerChannel channel);

    /** Whether a survey link went to this customer within the window (suppression: bpmn/surveyChannel.dmn textedRecently). */
    boolean textedWithin(long customerId, java.time.Duration window);

    /** Who the survey texts say they come from (the company's name, careloop.survey.company-name). */
    String companyName();

    /** The customer replied TD / T / 退订 (or was otherwise recorded as refusing texts). */
    boolean textsRefused(long customerId);
}
