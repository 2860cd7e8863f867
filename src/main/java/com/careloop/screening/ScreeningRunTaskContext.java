package com.careloop.screening;

import com.careloop.engine.FormText;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * What the confirmation task of a run started in Tasklist shows ({@code bpmn/forms/screeningRunStarted.form}), as
 * task-local variables: which run was created ({@code runLabel}: number, campaign, status) and the latest runs with
 * their counts ({@code recentRuns}), so that a manager never needs a run id to see how the last runs went.
 */
@Component("screeningRunTaskContext")
class ScreeningRunTaskContext implements TaskListener {

    /** how many runs the confirmation lists. */
    static final int RECENT = 10;

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ScreeningService screening;
    private final Clock clock;

    ScreeningRunTaskContext(ScreeningService screening, Clock clock) {
        this.screening = screening;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        ScreeningRun run = screening.get(((Number) task.getVariable(ScreeningVariables.RUN_ID)).longValue());
        task.setVariableLocal("runNumber", number(run));
        task.setVariableLocal("runLabel", number(run) + " · " + kind(run) + " · " + screening.status(run).label());
        task.setVariableLocal("recentRuns", screening.recent(RECENT).stream().map(this::line).collect(Collectors.joining("\n")));
    }

    static String number(ScreeningRun run) {
        return "SR-" + run.getId();
    }

    private static String kind(ScreeningRun run) {
        return run.isCampaign() ? "回访活动 Campaign “" + FormText.plain(run.campaign().name()) + "”" : "按规则筛选 Rules run";
    }

    private String line(ScreeningRun run) {
        Map<String, Long> skipped = screening.skipped(run.getId());
        long skippedTotal = skipped.values().stream().mapToLong(Long::longValue).sum();
        return "- **" + number(run) + "** · " + AT.format(run.getStartedAt().atZone(clock.getZone())) + " · " + kind(run)
                + " · " + screening.status(run).label()
                + " · 候选 candidates " + (run.getCandidates() == null ? "–" : run.getCandidates())
                + " · 已创建 created " + screening.created(run.getId())
                + " · 跳过 skipped " + skippedTotal
                + (run.getStartedBy() == null ? "" : " · " + FormText.plain(run.getStartedBy()));
    }
}
