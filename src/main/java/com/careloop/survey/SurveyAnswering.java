package com.careloop.survey;

import com.careloop.followup.OnlineAnswer;
import com.careloop.followup.SurveyAnswers;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a survey link shows and takes: open (the page with what it is about), answered or expired (410), unknown
 * (404). An answer is stored through the followup module ({@link SurveyAnswers#record}) and marks the link used, in one
 * transaction: a second answer, by this link or another of the same follow-up, finds it answered.
 */
@Service
class SurveyAnswering {

    enum State { OPEN, GONE_ANSWERED, GONE_EXPIRED, UNKNOWN }

    record View(State state, SurveyPage.Subject subject) {}

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final SurveyLinks links;
    private final SurveyAnswers answers;
    private final Clock clock;

    SurveyAnswering(SurveyLinks links, SurveyAnswers answers, Clock clock) {
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
        answers.record(link.getFollowUpId(), answer, link.getChannel()); // SurveyAnswers.Closed: answered or reached by phone
        link.use(clock.instant());
        return State.OPEN;
    }

    private SurveyPage.Subject subject(SurveyAnswers.Subject s, boolean en, ZoneId zone) {
        String day = DAY.format(s.openedAt().atZone(zone));
        String about = en ? "About: " + s.scenario().en() + " follow-up of " + day
                : "关于：" + s.scenario().zh() + "（" + day + "）";
        return new SurveyPage.Subject(links.companyName(), about);
    }
}
