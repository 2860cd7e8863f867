package com.careloop.incident;

import com.careloop.customer.CustomerRequest;
import com.careloop.customer.CustomerService;
import com.careloop.customer.CustomerView;
import com.careloop.feedback.FeedbackChannel;
import com.careloop.feedback.FeedbackRef;
import com.careloop.feedback.FeedbackService;
import com.careloop.feedback.FeedbackType;
import com.careloop.feedback.InboundFeedbackRequest;
import com.careloop.feedback.Urgency;
import com.careloop.testsupport.CareLoopTest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Registers inbound items of a model and batch of its own (each test its own model: the database is shared). */
abstract class BatchIncidentTestSupport extends CareLoopTest {

    @Autowired FeedbackService feedback;
    @Autowired CustomerService customers;
    @Autowired BatchIncidents incidents;
    @Autowired JdbcTemplate jdbc;

    static final AtomicInteger SERIAL = new AtomicInteger(ThreadLocalRandom.current().nextInt(10_000, 90_000));
    String model = "T-" + UUID.randomUUID().toString().substring(0, 8);
    static final String BATCH = "2409";

    CustomerView customer(String products) {
        String id = "BQ-" + UUID.randomUUID().toString().substring(0, 8);
        return customers.upsertView(new CustomerRequest(id, "批次客户 " + id, null,
                "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)), null,
                null, null, false, null, null, null, null, null, products));
    }

    /** An item of the test's model with a serial of batch 2409 (the batch is read from the serial). */
    FeedbackRef register(FeedbackType type, Urgency urgency) {
        return register(customer(null), type, urgency, null);
    }

    FeedbackRef register(CustomerView c, FeedbackType type, Urgency urgency, String overrideReason) {
        return feedback.registerInbound(new InboundFeedbackRequest(c.id(), null, null, FeedbackChannel.HOTLINE, null, null, model, null,
                "AC" + BATCH + "-" + SERIAL.incrementAndGet(), null, type, urgency, overrideReason, "空调开机后停机，显示 E4"), "center1");
    }

    List<BatchIncidents.BatchIncident> incidentsOfModel() {
        return incidents.list(null).stream().filter(i -> i.productModel().equals(model)).toList();
    }

    List<String> progressNotes(long itemId) {
        return jdbc.queryForList("select note from feedback_progress where feedback_item_id = ? order by id", String.class, itemId);
    }

    boolean suggestedUrgent(FeedbackRef item) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select urgency_suggested from feedback_item where id = ?", Boolean.class, item.id()));
    }
}
