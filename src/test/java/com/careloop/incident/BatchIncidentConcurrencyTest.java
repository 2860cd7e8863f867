package com.careloop.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerView;
import com.careloop.feedback.FeedbackRef;
import com.careloop.feedback.FeedbackType;
import com.careloop.feedback.Urgency;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Concurrent registrations of one model and batch on PostgreSQL (the tests' database): two that both reach the
 * threshold open exactly one incident and both are linked; two that only together reach it are not missed.
 */
class BatchIncidentConcurrencyTest extends BatchIncidentTestSupport {

    List<FeedbackRef> simultaneously(int n) throws Exception {
        List<CustomerView> cs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cs.add(customer(null));
        }
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<FeedbackRef>> futures = new ArrayList<>();
            for (CustomerView c : cs) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return register(c, FeedbackType.PROBLEM, null, null);
                }));
            }
            go.countDown();
            List<FeedbackRef> registered = new ArrayList<>();
            for (Future<FeedbackRef> f : futures) {
                registered.add(f.get(60, TimeUnit.SECONDS));
            }
            return registered;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoSimultaneousThresholdReachingRegistrationsOpenOneIncident() throws Exception {
        register(FeedbackType.PROBLEM, null);
        register(FeedbackType.PROBLEM, null);
        List<FeedbackRef> both = simultaneously(2);

        assertThat(both).allSatisfy(i -> assertThat(i.urgency()).isEqualTo(Urgency.URGENT));
        assertThat(incidentsOfModel()).singleElement().satisfies(incident -> {
            assertThat(incidents.linkedItems(incident.id())).hasSize(4);
            assertThat(jdbc.queryForObject("select count(*) from act_ru_execution where business_key_ = ? and parent_id_ is null",
                    Integer.class, incident.number())).isEqualTo(1);
        });
    }

    @Test
    void twoSimultaneousRegistrationsThatOnlyTogetherReachTheThresholdAreNotMissed() throws Exception {
        register(FeedbackType.COMPLAINT, null);
        List<FeedbackRef> both = simultaneously(2);

        assertThat(incidentsOfModel()).singleElement().satisfies(incident ->
                assertThat(incidents.linkedItems(incident.id())).hasSize(3));
        assertThat(both).as("the later of the two is counted with the earlier one").anySatisfy(i -> assertThat(i.urgency()).isEqualTo(Urgency.URGENT));
    }
}
