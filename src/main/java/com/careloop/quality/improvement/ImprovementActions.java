package com.careloop.quality.improvement;

import com.careloop.errors.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The one writer of improvement_action; numbers IAyyyyMMddNNNN are the business keys of process improvementAction. */
@Service
public class ImprovementActions {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final ImprovementActionRepository actions;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ImprovementActions(ImprovementActionRepository actions, JdbcTemplate jdbc, Clock clock) {
        this.actions = actions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public ImprovementAction register(ImprovementRequest request, Instant deadline, Long alertId, String startedBy, String processInstanceId) {
        Long n = jdbc.queryForObject("select nextval('improvement_action_number_seq')", Long.class);
        String number = "IA" + LocalDate.now(clock).format(DAY) + String.format("%04d", n);
        return actions.save(new ImprovementAction(number, request, deadline, alertId, startedBy, clock.instant(), processInstanceId));
    }

    @Transactional(readOnly = true)
    public ImprovementAction byNumber(String number) {
        return actions.findByNumber(number).orElseThrow(() -> new NotFoundException("improvement action", number));
    }

    @Transactional
    public ImprovementAction done(String number, String by, String notes) {
        ImprovementAction a = byNumber(number);
        a.done(by, notes, clock.instant());
        return a;
    }

    @Transactional
    public ImprovementAction markOverdue(String number) {
        ImprovementAction a = byNumber(number);
        a.markOverdue();
        return a;
    }

    @Transactional
    public ImprovementAction verified(String number, Verification v) {
        ImprovementAction a = byNumber(number);
        a.verified(v.before(), v.after(), v.beforeFrom(), v.beforeTo(), v.afterFrom(), v.afterTo(), v.targetMet());
        return a;
    }

    @Transactional
    public ImprovementAction reopen(String number, Instant newDeadline, String by) {
        ImprovementAction a = byNumber(number);
        a.reopen(newDeadline, by);
        return a;
    }

    @Transactional
    public ImprovementAction close(String number, String by) {
        ImprovementAction a = byNumber(number);
        a.close(by, clock.instant());
        return a;
    }
}
