package com.careloop.followup;

import com.careloop.customer.CustomerCases;
import com.careloop.customer.CustomerErased;
import com.careloop.engine.HistoryErasure;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's follow-ups as the customer module needs them, over this module's own tables: the open ones
 * ({@link CustomerCases}: who may see the customer, what holds up an erase) and the erase request
 * ({@link CustomerErased}, in the erase's transaction). The erase removes the free text of the calls — the survey's
 * feedback text, notes and tags, a manager's override reason — and deletes the engine history of the customer's
 * finished follow-up processes (variables, comments, task and activity history: the engine offers no way to rewrite
 * the history of an ended instance, and its history cleanup deletes the same after the 180-day retention anyway).
 * Scores, outcomes, attempts, agents and dates stay, so the KPIs and quality rollups do not change.
 */
@Component
class FollowUpsOfCustomer implements CustomerCases {

    private final JdbcTemplate jdbc;
    private final HistoryErasure history;

    FollowUpsOfCustomer(JdbcTemplate jdbc, HistoryErasure history) {
        this.jdbc = jdbc;
        this.history = history;
    }

    @Override
    public List<String> openCases(long customerId) {
        return jdbc.queryForList("select number from follow_up where customer_id = ? and status = ? order by number", String.class,
                customerId, FollowUpStatus.OPEN.name());
    }

    @EventListener
    @Transactional
    public void on(CustomerErased erased) {
        long customer = erased.customerId();
        jdbc.update("update survey_response set feedback_text = null, notes = null, tags = null"
                + " where follow_up_id in (select id from follow_up where customer_id = ?)", customer);
        jdbc.update("update follow_up set override_reason = null where customer_id = ? and override_reason is not null", customer);
        history.deleteFinished(FollowUpService.PROCESS_KEY,
                jdbc.queryForList("select number from follow_up where customer_id = ?", String.class, customer));
    }
}
