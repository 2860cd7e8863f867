package com.careloop.feedback;

import com.careloop.customer.CustomerCases;
import com.careloop.customer.CustomerErased;
import com.careloop.engine.HistoryErasure;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's feedback items as the customer module needs them, over this module's own tables: the open ones
 * ({@link CustomerCases}) and the erase request ({@link CustomerErased}, in the erase's transaction). The erase removes
 * the free text — the customer's words (description), the response plan, the solution and every progress note
 * (Tasklist comments copied in, responses, resolutions) — and deletes the engine history of the customer's finished
 * feedbackHandling processes, Tasklist comments included (ACT_HI_COMMENT; the engine deletes a comment of an ended
 * instance only with its history). Type, urgency, team, deadlines, outcomes and dates stay for the KPIs.
 */
@Component
class FeedbackItemsOfCustomer implements CustomerCases {

    private final JdbcTemplate jdbc;
    private final HistoryErasure history;

    FeedbackItemsOfCustomer(JdbcTemplate jdbc, HistoryErasure history) {
        this.jdbc = jdbc;
        this.history = history;
    }

    @Override
    public List<String> openCases(long customerId) {
        return jdbc.queryForList("select number from feedback_item where customer_id = ? and status not in ("
                + FeedbackStatus.ENDED_SQL + ") order by number", String.class, customerId);
    }

    @EventListener
    @Transactional
    public void on(CustomerErased erased) {
        long customer = erased.customerId();
        jdbc.update("update feedback_progress set note = null"
                + " where feedback_item_id in (select id from feedback_item where customer_id = ?) and note is not null", customer);
        jdbc.update("update feedback_item set description = null, solution = null, response_plan = null where customer_id = ?", customer);
        history.deleteFinished(FeedbackService.PROCESS_KEY,
                jdbc.queryForList("select number from feedback_item where customer_id = ?", String.class, customer));
    }
}
