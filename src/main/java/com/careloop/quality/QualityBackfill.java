package com.careloop.quality;

import com.careloop.feedback.FeedbackHistory;
import com.careloop.followup.FollowUpHistory;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills quality's read model once from the rows written before it existed: at the first start after migration V8
 * (marker {@code backfill} in quality_state) the followup and feedback modules replay their history as events, which
 * the recorder translates exactly as live events, in chunks aggregated in memory. Also the bulk path for large
 * loads ({@link #rebuild()}: the benchmark). Runs before the demo data is loaded.
 */
@Component
public class QualityBackfill {

    private static final Logger log = LoggerFactory.getLogger(QualityBackfill.class);
    static final String MARKER = "backfill";
    private static final int CHUNK = 20_000;

    private final QualityStore store;
    private final QualityRecorder recorder;
    private final FollowUpHistory followUps;
    private final FeedbackHistory feedback;
    private final TransactionTemplate transactions;

    QualityBackfill(QualityStore store, QualityRecorder recorder, FollowUpHistory followUps, FeedbackHistory feedback,
                    org.springframework.transaction.PlatformTransactionManager transactionManager) {
        this.store = store;
        this.recorder = recorder;
        this.followUps = followUps;
        this.feedback = feedback;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public void atStart() {
        transactions.executeWithoutResult(s -> {
            store.lockState(MARKER);
            if (!"DONE".equals(store.state(MARKER).orElse(null))) {
                replay();
            }
        });
    }

    /** Empties the read model and replays all history into it, in one transaction. */
    @Transactional
    public long rebuild() {
        store.lockState(MARKER);
        return replay();
    }

    private long replay() {
        long t0 = System.nanoTime();
        store.clear();
        AtomicLong count = new AtomicLong();
        Recording[] chunk = {new Recording()};
        Runnable flushIfFull = () -> {
            if (count.incrementAndGet() % CHUNK == 0) {
                store.write(chunk[0]);
                chunk[0] = new Recording();
            }
        };
        // surveys first: the items of a call take their scenario from its answered follow-up
        followUps.replay(e -> { recorder.record(chunk[0], e); flushIfFull.run(); }, e -> { recorder.record(chunk[0], e); flushIfFull.run(); });
        store.write(chunk[0]);
        chunk[0] = new Recording();
        feedback.replay(e -> { recorder.record(chunk[0], e); flushIfFull.run(); });
        store.write(chunk[0]);
        store.setState(MARKER, "DONE");
        log.info("quality read model filled from {} recorded events in {} ms", count.get(), (System.nanoTime() - t0) / 1_000_000);
        return count.get();
    }
}
