package com.careloop.screening;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** One multi-instance job per chunk: creates its follow-ups and starts their processes. */
@Component("startFollowUpChunk")
class StartFollowUpChunk implements JavaDelegate {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StartFollowUpChunk.class);

    private final ChunkStarter starter;

    StartFollowUpChunk(ChunkStarter starter) {
        this.starter = starter;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long t = System.nanoTime();
        long runId = ((Number) execution.getVariable(ScreeningVariables.RUN_ID)).longValue();
        int chunkNo = ((Number) execution.getVariable("chunkNo")).intValue();
        int created = starter.start(runId, chunkNo);
        log.debug("Screening run {} chunk {}: {} follow-ups started in {} ms", runId, chunkNo, created, (System.nanoTime() - t) / 1_000_000);
    }
}
