package com.careloop.screening;

import com.careloop.errors.InvalidRequestException;
import com.careloop.errors.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts screening runs (REST, timer, Tasklist) and reports on them. */
@Service
public class ScreeningService {

    public static final String PROCESS_KEY = "screening";

    public enum Status {
        RUNNING("进行中 Running"), COMPLETED("已完成 Completed"), FAILED("失败 Failed");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final ScreeningRunRepository runs;
    private final RuntimeService runtime;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ScreeningService(ScreeningRunRepository runs, RuntimeService runtime, JdbcTemplate jdbc, Clock clock) {
        this.runs = runs;
        this.runtime = runtime;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the run and starts its process; the selection itself runs asynchronously on the job executor. */
    @Transactional
    public ScreeningRun start(LocalDate asOf, Campaign campaign, String startedBy) {
        validate(campaign);
        ScreeningRun run = open(asOf, campaign, startedBy);
        ProcessInstance pi = runtime.startProcessInstanceByKey(PROCESS_KEY, "SR-" + run.getId(), Map.of("runId", run.getId()));
        run.setProcessInstanceId(pi.getId());
        return run;
    }

    /** Starts a run as {@link #start} does and returns its id: for callers outside the module (benchmarks, tools). */
    @Transactional
    public long startRun(LocalDate asOf, Campaign campaign, String startedBy) {
        return start(asOf, campaign, startedBy).getId();
    }

    @Transactional
    public ScreeningRun open(LocalDate asOf, Campaign campaign, String startedBy) {
        return runs.save(new ScreeningRun(asOf == null ? LocalDate.now(clock) : asOf, campaign, startedBy, clock.instant()));
    }

    static void validate(Campaign c) {
        if (c == null) {
            return;
        }
        List<InvalidRequestException.FieldError> errors = new ArrayList<>();
        if (c.name() == null || c.name().isBlank()) {
            errors.add(new InvalidRequestException.FieldError("campaign.name", "is required"));
        } else if (c.name().length() > 200) {
            errors.add(new InvalidRequestException.FieldError("campaign.name", "must be at most 200 characters"));
        }
        if (c.scenario() == null) {
            errors.add(new InvalidRequestException.FieldError("campaign.scenario", "is required"));
        }
        if (c.purchasedFrom() != null && c.purchasedTo() != null && c.purchasedFrom().isAfter(c.purchasedTo())) {
            errors.add(new InvalidRequestException.FieldError("campaign.purchasedTo", "must not be before purchasedFrom"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    /** The latest {@code limit} runs, newest first. */
    @Transactional(readOnly = true)
    public List<ScreeningRun> recent(int limit) {
        return runs.findByOrderByStartedAtDescIdDesc(org.springframework.data.domain.PageRequest.of(0, limit));
    }

    @Transactional
    public ScreeningRun get(long id) {
        return runs.findById(id).orElseThrow(() -> new NotFoundException("screening run", String.valueOf(id)));
    }

    /** The status of the run with this id. */
    @Transactional(readOnly = true)
    public Status status(long runId) {
        return status(get(runId));
    }

    public Status status(ScreeningRun run) {
        if (run.getFinishedAt() != null) {
            return Status.COMPLETED;
        }
        if (run.getProcessInstanceId() != null
                && runtime.createIncidentQuery().processInstanceId(run.getProcessInstanceId()).count() > 0) {
            return Status.FAILED;
        }
        return Status.RUNNING;
    }

    /** Follow-ups created so far by the run. */
    public long created(long runId) {
        Long n = jdbc.queryForObject("select count(*) from screening_candidate where run_id = ? and outcome = 'CREATED'", Long.class, runId);
        return n == null ? 0 : n;
    }

    /** Skipped customers by reason: exclusions found at selection, and candidates skipped when their chunk started. */
    public Map<String, Long> skipped(long runId) {
        Map<String, Long> skipped = new LinkedHashMap<>();
        jdbc.query("select reason, skip_count from screening_skip where run_id = ? order by reason",
                rs -> { skipped.merge(rs.getString(1), rs.getLong(2), Long::sum); }, runId);
        jdbc.query("select outcome, count(*) from screening_candidate where run_id = ? and outcome is not null and outcome <> 'CREATED'"
                + " group by outcome", rs -> { skipped.merge(rs.getString(1), rs.getLong(2), Long::sum); }, runId);
        return skipped;
    }
}
