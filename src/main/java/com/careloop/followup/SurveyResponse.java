package com.careloop.followup;

import com.careloop.customer.CustomerTier;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What the customer answered on a reached call. */
@Entity
@Table(name = "survey_response")
class SurveyResponse {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "follow_up_id", nullable = false, unique = true)
    private Long followUpId;

    @Column(nullable = false)
    private int satisfaction;
    @Column(nullable = false)
    private int nps;
    @Column(name = "score_attitude")
    private Integer scoreAttitude;
    @Column(name = "score_expertise")
    private Integer scoreExpertise;
    @Column(name = "score_timeliness")
    private Integer scoreTimeliness;
    @Column(name = "score_resolution")
    private Integer scoreResolution;
    @Column(name = "score_convenience")
    private Integer scoreConvenience;
    @Column(name = "issue_resolved")
    private Boolean issueResolved;
    @Column(name = "purchase_intent", nullable = false)
    private boolean purchaseIntent;
    @Column(name = "feedback_type")
    private String feedbackType;
    @Column(name = "feedback_urgency")
    private String feedbackUrgency;
    @Column(name = "feedback_text")
    private String feedbackText;
    private String notes;
    private String tags;
    private String agent;
    @Column(name = "answered_at", nullable = false)
    private Instant answeredAt;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false)
    private AnswerChannel channel = AnswerChannel.PHONE;
    @Column(name = "callback_requested", nullable = false)
    private boolean callbackRequested;

    protected SurveyResponse() {
    }

    SurveyResponse(Long followUpId, CallReport r, String agent, Instant answeredAt) {
        this.followUpId = followUpId;
        this.satisfaction = r.satisfaction();
        this.nps = r.nps();
        this.scoreAttitude = r.scoreAttitude();
        this.scoreExpertise = r.scoreExpertise();
        this.scoreTimeliness = r.scoreTimeliness();
        this.scoreResolution = r.scoreResolution();
        this.scoreConvenience = r.scoreConvenience();
        this.issueResolved = r.issueResolved();
        this.purchaseIntent = r.purchaseIntent();
        this.feedbackType = r.feedbackType() == null ? null : r.feedbackType().name();
        this.feedbackUrgency = r.feedbackUrgency() == null ? null : r.feedbackUrgency().name();
        this.feedbackText = r.feedbackText();
        this.notes = r.notes();
        this.tags = r.tags();
        this.agent = agent;
        this.answeredAt = answeredAt;
    }

    /** What the customer answered themselves, on the page of a survey link (no agent). */
    SurveyResponse(Long followUpId, OnlineAnswer a, AnswerChannel channel, Instant answeredAt) {
        this.followUpId = followUpId;
        this.satisfaction = a.satisfaction();
        this.nps = a.nps();
        this.scoreAttitude = a.attitude();
        this.scoreExpertise = a.expertise();
        this.scoreTimeliness = a.timeliness();
        this.scoreResolution = a.resolution();
        this.scoreConvenience = a.convenience();
        this.issueResolved = a.resolved();
        this.feedbackText = a.comment();
        this.channel = channel;
        this.callbackRequested = a.callback();
        this.answeredAt = answeredAt;
    }

    /** The event the quality module records (see {@link SurveyAnswered}). */
    SurveyAnswered answered(FollowUp followUp, CustomerTier tier) {
        String text = feedbackText == null ? notes : notes == null ? feedbackText : feedbackText + "\n" + notes;
        return new SurveyAnswered(id, followUpId, agent, followUp.getScenario(), tier, answeredAt,
                satisfaction, nps, scoreAttitude, scoreExpertise, scoreTimeliness, scoreResolution, scoreConvenience,
                purchaseIntent, text, channel);
    }

    public Long getId() { return id; }
    public Long getFollowUpId() { return followUpId; }
    public int getSatisfaction() { return satisfaction; }
    public int getNps() { return nps; }
    public Integer getScoreAttitude() { return scoreAttitude; }
    public Integer getScoreExpertise() { return scoreExpertise; }
    public Integer getScoreTimeliness() { return scoreTimeliness; }
    public Integer getScoreResolution() { return scoreResolution; }
    public Integer getScoreConvenience() { return scoreConvenience; }
    public Boolean getIssueResolved() { return issueResolved; }
    public boolean isPurchaseIntent() { return purchaseIntent; }
    public String getFeedbackType() { return feedbackType; }
    public String getFeedbackUrgency() { return feedbackUrgency; }
    public String getFeedbackText() { return feedbackText; }
    public String getNotes() { return notes; }
    public String getTags() { return tags; }
    public String getAgent() { return agent; }
    public Instant getAnsweredAt() { return answeredAt; }
    public AnswerChannel getChannel() { return channel; }
    public boolean isCallbackRequested() { return callbackRequested; }
}
