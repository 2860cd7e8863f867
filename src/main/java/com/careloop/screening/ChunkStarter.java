package com.careloop.screening;

import com.careloop.followup.FollowUpService;
import com.careloop.followup.NewFollowUp;
import com.careloop.followup.Opened;
import com.careloop.followup.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Opens the follow-ups of one chunk of candidates through the follow-up module's one write API
 * ({@link FollowUpService#open}), in the caller's (the chunk job's) transaction: a chunk is done completely or not at
 * all, and a retried chunk skips what was done. A customer who meanwhile got an open follow-up, opted out, was called
 * or already has one for the same scenario and period is skipped with that reason (and the unique indexes stop a
 * concurrent run that slips past the checks).
 */
@Component
public class ChunkStarter {

    private record Candidate(long id, NewFollowUp request) {}

    private final JdbcTemplate jdbc;
    private final FollowUpService followUps;

    public ChunkStarter(JdbcTemplate jdbc, FollowUpService followUps) {
        this.jdbc = jdbc;
        this.followUps = followUps;
    }

    /** @return follow-ups created */
    public int start(long runId, int chunkNo) {
        List<Candidate> chunk = jdbc.query("select sc.id, sc.customer_id, sc.scenario, sc.due_at, sc.period_key from screening_candidate sc"
                        + " where sc.run_id = ? and sc.chunk_no = ? and sc.outcome is null order by sc.id",
                (rs, i) -> new Candidate(rs.getLong(1), NewFollowUp.screened(rs.getLong(2), Scenario.valueOf(rs.getString(3)),
                        rs.getString(5), runId, rs.getTimestamp(4).toInstant())),
                runId, chunkNo);
        if (chunk.isEmpty()) {
            return 0;
        }
        List<Opened> opened = followUps.open(chunk.stream().map(Candidate::request).toList());
        List<Object[]> outcomes = new ArrayList<>(chunk.size());
        int created = 0;
        for (int i = 0; i < chunk.size(); i++) {
            Opened o = opened.get(i);
            if (o.created()) {
                created++;
                outcomes.add(new Object[] {"CREATED", o.followUpId(), chunk.get(i).id()});
            } else {
                outcomes.add(new Object[] {o.excludedBy().name(), null, chunk.get(i).id()});
            }
        }
        jdbc.batchUpdate("update screening_candidate set outcome = ?, follow_up_id = ? where id = ?", outcomes);
        return created;
    }
}
