package com.careloop.numbering;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Allocates readable business numbers: follow-ups {@code FU-yyyyMMdd-NNNNNN}, feedback items
 * {@code FByyyyMMddNNNN}. The date is the day of creation; the running number comes from a database sequence
 * ({@code follow_up_number_seq}, {@code feedback_number_seq}, migration V5), drawn on the caller's own connection
 * and transaction. A sequence never blocks and never hands out a value twice, whatever the transactions, threads
 * or cluster nodes, so no second connection is needed: a screening chunk job that holds one connection numbers
 * its follow-ups on it (with the old counter row, every job asked the pool for a second connection and N job
 * threads on N connections starved).
 * <p>
 * The running number is unique on its own (it does not restart each day) and has at least 6 (4) digits, more once
 * the sequence passes 999,999 (9,999). Numbers are gap-tolerant: a caller that rolls back leaves its numbers unused.
 */
@Service
public class BusinessNumbers {

    static final String FOLLOW_UP_SEQUENCE = "follow_up_number_seq";
    static final String FEEDBACK_SEQUENCE = "feedback_number_seq";

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public BusinessNumbers(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public String nextFollowUpNumber() {
        return nextFollowUpNumbers(1).get(0);
    }

    /** {@code count} follow-up numbers in one statement (for bulk creation), in ascending order. */
    public List<String> nextFollowUpNumbers(int count) {
        String day = LocalDate.now(clock).format(DAY);
        List<String> numbers = new ArrayList<>(count);
        for (long n : next(FOLLOW_UP_SEQUENCE, count)) {
            numbers.add("FU-" + day + "-" + String.format("%06d", n));
        }
        return numbers;
    }

    public String nextFeedbackNumber() {
        String day = LocalDate.now(clock).format(DAY);
        return "FB" + day + String.format("%04d", next(FEEDBACK_SEQUENCE, 1).get(0));
    }

    /** {@code count} values of the sequence; nextval() and generate_series() exist on PostgreSQL and H2 alike. */
    private List<Long> next(String sequence, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        List<Long> values = count == 1
                ? List.of(jdbc.queryForObject("select nextval('" + sequence + "')", Long.class))
                : jdbc.queryForList("select nextval('" + sequence + "') from generate_series(1, ?)", Long.class, count);
        return values.stream().sorted().toList();
    }
}
