package com.careloop.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The selection job: candidates into screening_candidate, skip counts into screening_skip, the chunk list into the process. */
@Component("selectCandidates")
class SelectCandidates implements JavaDelegate {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SelectCandidates.class);

    private final ScreeningService screening;
    private final CandidateSelector selector;
    private final JdbcTemplate jdbc;

    SelectCandidates(ScreeningService screening, CandidateSelector selector, JdbcTemplate jdbc) {
        this.screening = screening;
        this.selector = selector;
        this.jdbc = jdbc;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ScreeningRun run = screening.get(((Number) execution.getVariable(ScreeningVariables.RUN_ID)).longValue());
        if (run.getChunks() == null) {
            long t = System.nanoTime();
            CandidateSelector.Selection s = selector.select(run);
            log.info("Screening run {}: {} candidates in {} chunks, skipped {}, selected in {} ms", run.getId(), s.candidates(),
                    s.chunks(), s.skipped(), (System.nanoTime() - t) / 1_000_000);
            List<Object[]> skips = new ArrayList<>();
            s.skipped().forEach((reason, n) -> skips.add(new Object[] {run.getId(), reason, n}));
            jdbc.batchUpdate("insert into screening_skip (run_id, reason, skip_count) values (?, ?, ?)", skips);
            run.selected(s.candidates(), s.chunks());
        }
        execution.setVariable("chunks", new ArrayList<>(IntStream.range(0, run.getChunks()).boxed().toList()));
    }
}
