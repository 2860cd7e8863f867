package com.careloop.screening;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.careloop.customer.CustomerTier;
import com.careloop.errors.InvalidRequestException;
import com.careloop.followup.Scenario;
import com.careloop.identity.ApiAccess;
import com.careloop.identity.ApiUser;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/screening/runs")
public class ScreeningController {

    static final Set<String> RUN_SCREENING = Set.of("cs-managers", "cs-supervisors", "camunda-admin");

    public record CampaignRequest(String name, Scenario scenario, CustomerTier tier, List<String> tags, List<String> products,
                                  LocalDate purchasedFrom, LocalDate purchasedTo) {}

    public record RunRequest(LocalDate asOf, CampaignRequest campaign) {}

    public record RunView(Long id, ScreeningService.Status status, LocalDate asOf, Campaign campaign, String processInstanceId,
                          Integer candidates, long created, Map<String, Long> skipped, String startedBy,
                          Instant startedAt, Instant finishedAt) {}

    private final ScreeningService screening;
    private final ApiAccess access;

    public ScreeningController(ScreeningService screening, ApiAccess access) {
        this.screening = screening;
        this.access = access;
    }

    /** 202: the run is registered and proceeds on the job executor; poll GET /api/screening/runs/{id}. */
    @ApiResponse(responseCode = "202", description = "已登记，在作业执行器上进行 Registered; it proceeds on the job executor")
    @PostMapping
    public ResponseEntity<RunView> start(@RequestBody(required = false) RunRequest request) {
        ApiUser user = access.requireAny(RUN_SCREENING);
        CampaignRequest c = request == null ? null : request.campaign();
        Campaign campaign = c == null ? null : new Campaign(c.name() == null ? null : c.name().strip(), c.scenario(), c.tier(),
                c.tags() == null ? List.of() : c.tags(), c.products() == null ? List.of() : c.products(), c.purchasedFrom(), c.purchasedTo());
        ScreeningRun run = screening.start(request == null ? null : request.asOf(), campaign, user.id());
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/screening/runs/" + run.getId())).body(view(run));
    }

    /** Default and largest page of {@link #recent}. */
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    /**
     * The latest runs, newest first, with their counts (cs-supervisors, cs-managers): what a manager looks at
     * without knowing an id. {@code limit} 1..100, default 20; anything else is a 400 naming it.
     */
    @GetMapping
    public List<RunView> recent(@RequestParam(name = "limit", required = false) String limit) {
        access.requireAny(RUN_SCREENING);
        return screening.recent(parseLimit(limit)).stream().map(this::view).toList();
    }

    static int parseLimit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        int n;
        try {
            n = Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("limit", "须为 1 至 " + MAX_LIMIT + " 的整数 must be a whole number from 1 to " + MAX_LIMIT);
        }
        if (n < 1 || n > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "须在 1 至 " + MAX_LIMIT + " 之间 must be from 1 to " + MAX_LIMIT + " (was " + n + ")");
        }
        return n;
    }

    @GetMapping("/{id}")
    public RunView get(@PathVariable long id) {
        access.requireAny(ApiAccess.READ);
        return view(screening.get(id));
    }

    private RunView view(ScreeningRun run) {
        return new RunView(run.getId(), screening.status(run), run.getAsOf(), run.campaign(), run.getProcessInstanceId(),
                run.getCandidates(), screening.created(run.getId()), screening.skipped(run.getId()), run.getStartedBy(),
                run.getStartedAt(), run.getFinishedAt());
    }
}
