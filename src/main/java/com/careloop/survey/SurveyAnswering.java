package com.careloop.survey;

import com.careloop.feedback.RevisitAnswers;
import com.careloop.followup.OnlineAnswer;
import com.careloop.followup.SurveyAnswers;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a survey link (of a follow-up or of a feedback item's closure re-visit) shows and takes: open (the page with what it is about), answered or expired (410), unknown
 * (404). An answer is stored through the followup module ({@link SurveyAnswers#record}) or, for a re-visit, the feedback
 * module ({@link RevisitAnswers#record}) and marks the link used, in one
 * transaction: a second answer, by this link or another of the same follow-up, finds it answered.
 */
@Service
class SurveyAnswering {

    enum State { OPEN, GONE_ANSWERED, GONE_EXPIRED, UNKNOWN }

    record View(State state, SurveyPage.Subject subject) {}

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final SurveyLinks links;
    private final SurveyAnswers answers;
    private final RevisitAnswers revisits;
    private final Clock clock;

    SurveyAnswering(SurveyLinks links, SurveyAnswers answers, RevisitAnswers revisits, Clock clock) {
        this.revisits = revisits;
        this.links = links;
        this.answers = answers;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public View view(String token, boolean en) {
        Optional<SurveyLink> found = links.find(token);
        if (found.isEmpty()) {
            return new View(State.UNKNOWN, null);
        }
        SurveyLink link = found.get();
        if (link.getUsedAt() != null) {
            return new View(State.GONE_ANSWERED, null);
        }
        if (link.expired(clock.instant())) {
            return new View(State.GONE_EXPIRED, null);
        }
        if (link.revisit()) {
            return revisits.awaiting(link.getFeedbackItemId())
                    .map(s -> new View(State.OPEN, subject(s, en, clock.getZone())))
                    .orElse(new View(State.GONE_ANSWERED, null));
        }
        return answers.awaiting(link.getFollowUpId())
                .map(s -> new View(State.OPEN, subject(s, en, clock.getZone())))
                .orElse(new View(State.GONE_ANSWERED, null));
    }

    /** @return the state after the attempt: OPEN means it was stored now */
    @Transactional
    public State answer(String token, OnlineAnswer answer) {
        Optional<SurveyLink> found = links.find(token);
        if (found.isEmpty()) {
            return State.UNKNOWN;
        }
        SurveyLink link = found.get();
        if (link.getUsedAt() != null) {
            return State.GONE_ANSWERED;
        }
        if (link.expired(clock.instant())) {
            return State.GONE_EXPIRED;
        }
        if (link.revisit()) {
            if (answer.resolved() == null) {
                throw new IllegalArgumentException("a re-visit's answer says whether the issue is resolved"); // the form checks it first
            }
            // RevisitAnswers.Closed: answered or reached by phone
            revisits.record(link.getFeedbackItemId(), new RevisitAnswers.Answer(answer.satisfaction(), answer.nps(), answer.resolved(),
                    answer.comment()), link.getChannel().label());
        } else {
            answers.record(link.getFollowUpId(), answer, link.getChannel()); // SurveyAnswers.Closed: answered or reached by phone
        }
        link.use(clock.instant());
        return State.OPEN;
    }

    private SurveyPage.Subject subject(SurveyAnswers.Subject s, boolean en, ZoneId zone) {
        String day = DAY.format(s.openedAt().atZone(zone));
        String about = en ? "About: " + s.scenario().en() + " follow-up of " + day
                : "关于：" + s.scenario().zh() + "（" + day + "）";
        return new SurveyPage.Subject(links.companyName(), about, false);
    }

    /** A closure re-visit: the item's type and the day it was registered; the page asks whether it is resolved. */
    private SurveyPage.Subject subject(RevisitAnswers.Subject s, boolean en, ZoneId zone) {
        String day = DAY.format(s.registeredAt().atZone(zone));
        String label = s.type().label();
        int space = label.indexOf(' ');
        String about = en ? "About: how your " + label.substring(space + 1).toLowerCase() + " of " + day + " was handled"
                : "关于：您的" + label.substring(0, space < 0 ? label.length() : space) + "反馈处理结果（" + day + "）";
        return new SurveyPage.Subject(links.companyName(), about, true);
    }
}
