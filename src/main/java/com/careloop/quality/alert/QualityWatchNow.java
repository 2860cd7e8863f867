package com.careloop.quality.alert;

import com.careloop.quality.QualityWatch;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Starts qualityWatch by its message start event {@value #MESSAGE} (the "at once" start next to the timer). */
@Component
class QualityWatchNow implements QualityWatch {

    static final String MESSAGE = "qualityWatchNow";
    private static final Logger LOG = LoggerFactory.getLogger(QualityWatchNow.class);

    private final RuntimeService runtime;

    QualityWatchNow(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void runNow() {
        try {
            runtime.createMessageCorrelation(MESSAGE).correlateStartMessage();
        } catch (RuntimeException e) {
            LOG.warn("quality watch at start failed (the timer runs it again next cycle): {}", e.toString());
        }
    }
}
