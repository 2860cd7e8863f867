package com.careloop.feedback;

/**
 * What became of a sales lead (seed 001 潜在销售机会), recorded by the sales team on the resolve task: a won lead
 * carries its amount (&gt; 0), a lost one its reason. WON ends the handling as CONVERTED, the others as NOT_CONVERTED.
 */
public enum LeadOutcome {
    CONTACTED_NOT_INTERESTED("已联系，无意向 Contacted, not interested"), QUOTED("已报价 Quoted"), WON("已成交 Won"),
    LOST("已流失 Lost");

    private final String label;

    LeadOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the lead got a quote: QUOTED, or WON (a won lead was quoted first). */
    public boolean quoted() {
        return this == QUOTED || this == WON;
    }

    /** The handling outcome this lead outcome ends with. */
    public HandlingOutcome handlingOutcome() {
        return this == WON ? HandlingOutcome.CONVERTED : HandlingOutcome.NOT_CONVERTED;
    }
}
