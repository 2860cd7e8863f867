package com.careloop.screening;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** One multi-instance job per chunk: creates its follow-ups and starts their processes. */
@Component("startFollowUpChunk")
public class StartFollowUpChunk implements JavaDelegate {

    private final ChunkStarter starter;

    public StartFollowUpChunk(ChunkStarter starter) {
        this.starter = starter;
    }

    @Override
    public void execute(DelegateExecution execution) {
        starter.start(((Number) execution.getVariable("runId")).longValue(), ((Number) execution.getVariable("chunkNo")).intValue());
    }
}
