package com.careloop.demo;

import com.careloop.customer.CustomerView;
import com.careloop.engine.EngineClock;
import com.careloop.feedback.FeedbackChannel;
import com.careloop.feedback.FeedbackService;
import com.careloop.feedback.FeedbackType;
import com.careloop.feedback.InboundFeedbackRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Demo: one open batch-quality incident. Three customers report a fault of model KFR-50LW, batch 2409 (read from
 * the serial numbers AC2409-…) over the last three days through the register; the third reaches the threshold of
 * bpmn/batchQuality.dmn (3 in 7 days), so 调查批次问题 Investigate batch waits for product1 / tech1.
 */
@Component
@ConditionalOnProperty(name = "careloop.demo.enabled", havingValue = "true")
class DemoBatchIncident {

    static final String MODEL = "KFR-50LW";
    private static final String[] WORDS = {"空调开机半小时后自动停机，显示 E4 故障码", "空调制冷时室内机滴水，刚装两周",
        "空调外机风扇不转，报 E4 故障"};

    private final FeedbackService feedback;

    DemoBatchIncident(FeedbackService feedback) {
        this.feedback = feedback;
    }

    /** Registers the three items, oldest first, each at its own time (the customers are the demo's). */
    void load(List<CustomerView> customers, Instant now) {
        for (int k = 0; k < 3; k++) {
            CustomerView c = customers.get(k);
            int n = k;
            EngineClock.runAt(now.minus(Duration.ofDays(3 - k)), () -> feedback.registerInbound(new InboundFeedbackRequest(c.id(),
                    null, null, FeedbackChannel.HOTLINE, null, null, MODEL, null, String.format("AC2409-%05d", 700 + n), null,
                    FeedbackType.PROBLEM, null, null, WORDS[n]), "center1"));
        }
    }
}
