package com.careloop.screening;

import com.careloop.followup.CallContext;
import com.careloop.followup.FollowUpService;
import com.careloop.followup.Scenario;
import com.careloop.numbering.BusinessNumbers;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Creates the follow-ups of one chunk of candidates and starts their processes, all in the caller's (the chunk
 * job's) transaction: a chunk is done completely or not at all, and a retried chunk skips what was done. A
 * customer who meanwhile got an open follow-up, or already has one for the same scenario and period, is skipped
 * (and the unique index stops a concurrent run that slips past this check). Rows are written in batches; only
 * the process starts are one by one.
 */
@Component
public class ChunkStarter {

    record Candidate(long id, long customerId, Scenario scenario, int priority, Instant dueAt, String periodKey, String agent,
                     String customerName, String tier) {

        String periodId() {
            return customerId + "|" + scenario.name() + "|" + periodKey;
        }
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final FollowUpService followUps;
    private final CallContext callContext;
    private final BusinessNumbers numbers;
    private final Clock clock;

    public ChunkStarter(JdbcTemplate jdbc, FollowUpService followUps, CallContext callContext, BusinessNumbers numbers, Clock clock) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.followUps = followUps;
        this.callContext = callContext;
        this.numbers = numbers;
        this.clock = clock;
    }

    /** @return follow-ups created */
    public int start(long runId, int chunkNo) {
        List<Candidate> chunk = jdbc.query("select sc.id, sc.customer_id, sc.scenario, sc.priority, sc.due_at, sc.period_key,"
                        + " sc.assigned_agent, c.name, c.tier from screening_candidate sc join customer c on c.id = sc.customer_id"
                        + " where sc.run_id = ? and sc.chunk_no = ? and sc.outcome is null order by sc.id",
                (rs, i) -> new Candidate(rs.getLong(1), rs.getLong(2), Scenario.valueOf(rs.getString(3)), rs.getInt(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)),
                runId, chunkNo);
        if (chunk.isEmpty()) {
            return 0;
        }
        MapSqlParameterSource customers = new MapSqlParameterSource("ids", chunk.stream().map(Candidate::customerId).toList());
        Set<Long> open = new HashSet<>(named.queryForList(
                "select distinct customer_id from follow_up where status = 'OPEN' and customer_id in (:ids)", customers, Long.class));
        Set<String> taken = new HashSet<>();
        named.query("select customer_id, scenario, period_key from follow_up where period_key is not null and customer_id in (:ids)",
                customers, rs -> { taken.add(rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getString(3)); });

        List<Object[]> outcomes = new ArrayList<>(chunk.size());
        List<Candidate> create = new ArrayList<>();
        for (Candidate c : chunk) {
            if (taken.contains(c.periodId())) {
                outcomes.add(new Object[] {CandidateSelector.SkipReason.DUPLICATE_PERIOD.name(), null, c.id()});
            } else if (!open.add(c.customerId())) {
                outcomes.add(new Object[] {CandidateSelector.SkipReason.OPEN_FOLLOW_UP.name(), null, c.id()});
            } else {
                create.add(c);
            }
        }
        if (!create.isEmpty()) {
            Timestamp now = Timestamp.from(clock.instant());
            List<String> numbered = numbers.nextFollowUpNumbers(create.size());
            List<Object[]> rows = new ArrayList<>(create.size());
            for (int i = 0; i < create.size(); i++) {
                Candidate c = create.get(i);
                rows.add(new Object[] {numbered.get(i), c.customerId(), c.scenario().name(), c.priority(), c.agent(),
                    Timestamp.from(c.dueAt()), now, c.periodKey(), runId});
            }
            jdbc.batchUpdate("insert into follow_up (number, customer_id, scenario, priority, status, assigned_agent, due_at,"
                    + " created_at, period_key, screening_run_id) values (?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?)", rows);
            Map<String, Long> idByNumber = new HashMap<>();
            named.query("select id, number from follow_up where number in (:numbers)", new MapSqlParameterSource("numbers", numbered),
                    rs -> { idByNumber.put(rs.getString(2), rs.getLong(1)); });
            Map<Long, String> lastContacts = callContext.lastContacts(create.stream().map(Candidate::customerId).toList(), clock.getZone());
            List<Object[]> started = new ArrayList<>(create.size());
            for (int i = 0; i < create.size(); i++) {
                Candidate c = create.get(i);
                long followUpId = idByNumber.get(numbered.get(i));
                String pi = followUps.startProcess(followUpId, numbered.get(i), c.agent(), c.dueAt(), c.priority(),
                        CallContext.line(c.customerName(), c.tier(), c.scenario(), lastContacts.get(c.customerId())));
                started.add(new Object[] {pi, followUpId});
                outcomes.add(new Object[] {"CREATED", followUpId, c.id()});
            }
            jdbc.batchUpdate("update follow_up set process_instance_id = ? where id = ?", started);
        }
        jdbc.batchUpdate("update screening_candidate set outcome = ?, follow_up_id = ? where id = ?", outcomes);
        return create.size();
    }
}
