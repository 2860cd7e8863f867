package com.careloop.screening;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import com.careloop.customer.CustomerTier;
import com.careloop.followup.Scenario;
import java.time.Instant;
import java.time.LocalDate;

/** One screening run: the nightly rules run or a campaign, with what it selected. */
@Entity
@Table(name = "screening_run")
class ScreeningRun {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "as_of", nullable = false)
    private LocalDate asOf;

    @Column(name = "campaign_name")
    private String campaignName;
    @Enumerated(EnumType.STRING)
    @Column(name = "campaign_scenario")
    private Scenario campaignScenario;
    @Enumerated(EnumType.STRING)
    @Column(name = "campaign_tier")
    private CustomerTier campaignTier;
    @Column(name = "campaign_tags")
    private String campaignTags;
    @Column(name = "campaign_products")
    private String campaignProducts;
    @Column(name = "purchased_from")
    private LocalDate purchasedFrom;
    @Column(name = "purchased_to")
    private LocalDate purchasedTo;

    @Column(name = "started_by")
    private String startedBy;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    private Integer candidates;
    private Integer chunks;
    @Column(name = "started_at", nullable = false)
    private Instant startedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;

    protected ScreeningRun() {
    }

    ScreeningRun(LocalDate asOf, Campaign campaign, String startedBy, Instant startedAt) {
        this.asOf = asOf;
        this.startedBy = startedBy;
        this.startedAt = startedAt;
        if (campaign != null) {
            this.campaignName = campaign.name();
            this.campaignScenario = campaign.scenario();
            this.campaignTier = campaign.tier();
            this.campaignTags = campaign.tags() == null ? null : String.join(",", campaign.tags());
            this.campaignProducts = campaign.products() == null ? null : String.join(",", campaign.products());
            this.purchasedFrom = campaign.purchasedFrom();
            this.purchasedTo = campaign.purchasedTo();
        }
    }

    public boolean isCampaign() {
        return campaignName != null;
    }

    public Campaign campaign() {
        if (!isCampaign()) {
            return null;
        }
        return new Campaign(campaignName, campaignScenario, campaignTier, Campaign.split(campaignTags), Campaign.split(campaignProducts),
                purchasedFrom, purchasedTo);
    }

    public void selected(int candidates, int chunks) {
        this.candidates = candidates;
        this.chunks = chunks;
    }

    public void finish(Instant at) {
        if (finishedAt == null) {
            finishedAt = at;
        }
    }

    public Long getId() { return id; }
    public LocalDate getAsOf() { return asOf; }
    public String getStartedBy() { return startedBy; }
    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
    public Integer getCandidates() { return candidates; }
    public Integer getChunks() { return chunks; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getFinishedAt() { return finishedAt; }
}
