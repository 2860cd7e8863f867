package com.careloop.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerService;
import com.careloop.followup.FollowUpService;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import com.careloop.testsupport.StatementCounter;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * CommentSync asked the progress log once per Tasklist comment whether it was copied already; it now asks once per
 * sync (or read), however many comments the item's tasks have. Counted in statements, not timed.
 */
class CommentSyncQueriesTest extends CareLoopTest {

    @Autowired ProcessEngine engine;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;
    @Autowired FeedbackService feedback;
    @Autowired CommentSync comments;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate tx;

    @Test
    void oneLookupPerSyncHoweverManyComments() {
        Fixtures fx = new Fixtures(engine, customers, followUps);
        FeedbackItem item = feedback.registerInboundItem(new InboundFeedbackRequest(fx.customer().id(), FeedbackType.COMPLAINT,
                Urgency.LOW, "评论很多 many comments"), "center1");
        String pi = item.getProcessInstanceId();
        for (int i = 0; i < 5; i++) {
            engine.getTaskService().createComment(null, pi, "备注 " + i + " note");
        }

        List<String> read = StatementCounter.during(() -> assertThat(comments.pending(item, pi)).hasSize(5));
        assertThat(lookups(read)).as(read.toString()).hasSize(1);

        List<String> synced = StatementCounter.during(() -> tx.executeWithoutResult(s -> comments.sync(item, pi)));
        assertThat(lookups(synced)).as(synced.toString()).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from feedback_progress where feedback_item_id = ? and comment_id is not null",
                Long.class, item.getId())).isEqualTo(5);

        engine.getTaskService().createComment(null, pi, "再一条 one more");
        List<String> again = StatementCounter.during(() -> tx.executeWithoutResult(s -> comments.sync(item, pi)));
        assertThat(lookups(again)).as(again.toString()).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from feedback_progress where feedback_item_id = ? and comment_id is not null",
                Long.class, item.getId())).as("only the new comment is copied").isEqualTo(6);
    }

    /** The reads of the progress log (not the inserts of the lines copied). */
    static List<String> lookups(List<String> statements) {
        return statements.stream().map(String::toLowerCase).filter(s -> s.startsWith("select") && s.contains("feedback_progress")).toList();
    }
}
