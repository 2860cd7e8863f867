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
        String day = LocalDate.now(clock).format(DAY);
        return "FU-" + day + "-" + String.format("%06d", next("FU" + day));
    }

    public String nextFeedbackNumber() {
        String day = LocalDate.now(clock).format(DAY);
        return "FB" + day + String.format("%04d", next("FB" + day));
    }

    private long next(String counter) {
        try {
            return ownTransaction.execute(status -> increment(counter));
        } catch (DuplicateKeyException firstOfTheDayRace) {
            // another caller created today's counter at the same moment: the row exists now
            return ownTransaction.execute(status -> increment(counter));
        }
    }

    private long increment(String counter) {
        int updated = jdbc.update("update business_counter set counter_value = counter_value + 1 where counter_name = ?", counter);
        if (updated == 0) {
            jdbc.update("insert into business_counter (counter_name, counter_value) values (?, 1)", counter);
            return 1;
        }
        Long value = jdbc.queryForObject("select counter_value from business_counter where counter_name = ?", Long.class, counter);
        return value == null ? 1 : value;
    }
}
