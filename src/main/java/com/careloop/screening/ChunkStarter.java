package com.careloop.screening;

import com.careloop.customer.CustomerRepository;
import com.careloop.followup.FollowUp;
import com.careloop.followup.FollowUpService;
import com.careloop.followup.Scenario;
import com.careloop.numbering.BusinessNumbers;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Creates the follow-ups of one chunk of candidates and starts their processes, all in the caller's (the chunk
 * job's) transaction: a chunk is done completely or not at all, and a retried chunk skips what was done. A
 * customer who meanwhile got an open follow-up, or already has one for the same scenario and period, is skipped.
 */
@Component
public class ChunkStarter {

    record Candidate(long id, long customerId, Scenario scenario, int priority, Instant dueAt, String periodKey, String agent) {}

    private final JdbcTemplate jdbc;
    private final CustomerRepository customers;
    private final FollowUpService followUps;
    private final BusinessNumbers numbers;
    private final Clock clock;

    public ChunkStarter(JdbcTemplate jdbc, CustomerRepository customers, FollowUpService followUps, BusinessNumbers numbers, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.followUps = followUps;
        this.numbers = numbers;
        this.clock = clock;
    }

    /** @return follow-ups created */
    public int start(long runId, int chunkNo) {
        List<Candidate> chunk = jdbc.query("select id, customer_id, scenario, priority, due_at, period_key, assigned_agent"
                        + " from screening_candidate where run_id = ? and chunk_no = ? and outcome is null order by id",
                (rs, i) -> new Candidate(rs.getLong(1), rs.getLong(2), Scenario.valueOf(rs.getString(3)), rs.getInt(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7)), runId, chunkNo);
        if (chunk.isEmpty()) {
            return 0;
        }
        List<String> numbered = numbers.nextFollowUpNumbers(chunk.size());
        Instant now = clock.instant();
        List<Object[]> outcomes = new ArrayList<>(chunk.size());
        int created = 0;
        for (int i = 0; i < chunk.size(); i++) {
            Candidate c = chunk.get(i);
            Integer samePeriod = jdbc.queryForObject("select count(*) from follow_up where customer_id = ? and scenario = ? and period_key = ?",
                    Integer.class, c.customerId(), c.scenario().name(), c.periodKey());
            if (samePeriod != null && samePeriod > 0) {
                outcomes.add(new Object[] {CandidateSelector.SkipReason.DUPLICATE_PERIOD.name(), null, c.id()});
                continue;
            }
            Integer open = jdbc.queryForObject("select count(*) from follow_up where customer_id = ? and status = 'OPEN'",
                    Integer.class, c.customerId());
            if (open != null && open > 0) {
                outcomes.add(new Object[] {CandidateSelector.SkipReason.OPEN_FOLLOW_UP.name(), null, c.id()});
                continue;
            }
            FollowUp f = new FollowUp(numbered.get(i), customers.getReferenceById(c.customerId()), c.scenario(), c.priority(),
                    c.agent(), c.dueAt(), now);
            f.fromScreening(runId, c.periodKey());
            followUps.save(f);
            followUps.startProcess(f);
            outcomes.add(new Object[] {"CREATED", f.getId(), c.id()});
            created++;
        }
        jdbc.batchUpdate("update screening_candidate set outcome = ?, follow_up_id = ? where id = ?", outcomes);
        return created;
    }

}
