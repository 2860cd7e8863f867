package com.careloop.numbering;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Allocates readable business numbers from per-day counters: follow-ups {@code FU-yyyyMMdd-NNNNNN},
 * feedback items {@code FByyyyMMddNNNN}. A counter is a row of {@code business_counter}, incremented under a
 * row lock in a short transaction of its own, so concurrent callers (or cluster nodes) never share a number.
 * A number whose caller later rolls back is simply skipped.
 */
@Service
public class BusinessNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    public BusinessNumbers(JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public String nextFollowUpNumber() {
        return nextFollowUpNumbers(1).get(0);
    }

    /** {@code count} consecutive follow-up numbers in one counter update (for bulk creation). */
    public java.util.List<String> nextFollowUpNumbers(int count) {
        String day = LocalDate.now(clock).format(DAY);
        long last = next("FU" + day, count);
        java.util.List<String> numbers = new java.util.ArrayList<>(count);
        for (long n = last - count + 1; n <= last; n++) {
            numbers.add("FU-" + day + "-" + String.format("%06d", n));
        }
        return numbers;
    }

    public String nextFeedbackNumber() {
        String day = LocalDate.now(clock).format(DAY);
        return "FB" + day + String.format("%04d", next("FB" + day));
    }

    private long next(String counter) {
        return next(counter, 1);
    }

    /** Adds {@code by} to the counter and returns its new value (the last number of the block). */
    private long next(String counter, int by) {
        try {
            return ownTransaction.execute(status -> increment(counter, by));
        } catch (DuplicateKeyException firstOfTheDayRace) {
            // another caller created today's counter at the same moment: the row exists now
            return ownTransaction.execute(status -> increment(counter, by));
        }
    }

    private long increment(String counter, int by) {
        int updated = jdbc.update("update business_counter set counter_value = counter_value + ? where counter_name = ?", by, counter);
        if (updated == 0) {
            jdbc.update("insert into business_counter (counter_name, counter_value) values (?, ?)", counter, by);
            return by;
        }
        Long value = jdbc.queryForObject("select counter_value from business_counter where counter_name = ?", Long.class, counter);
        return value == null ? 1 : value;
    }
}
