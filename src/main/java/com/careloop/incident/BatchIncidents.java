package com.careloop.incident;

import com.careloop.errors.NotFoundException;
import com.careloop.feedback.BatchItems;
import com.careloop.feedback.BatchSignal;
import com.careloop.feedback.FeedbackEvent;
import com.careloop.feedback.FeedbackSource;
import com.careloop.feedback.FeedbackType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Batch-quality incidents (tables batch_incident, batch_incident_item, batch_watch; written here only). Every inbound
 * item of a watched type (bpmn/batchQuality.dmn) with a product model and batch is looked at while it is registered,
 * in the registration's transaction: first {@link #suspected} (feedback's urgency suggestion), then
 * {@link #onOpened}, which links it to the open incident of its model and batch or, when the matching items reach the
 * threshold, opens the incident and starts process batchQualityIncident. Both lock the batch_watch row of the model
 * and batch until the registration commits, so concurrent registrations of one batch are counted one after the other:
 * exactly one incident opens and none is missed; the unique open_key is the database's guarantee on top.
 */
@Service
public class BatchIncidents implements BatchSignal {

    public static final String PROCESS_KEY = "batchQualityIncident";
    public static final String INVESTIGATE_TASK = "Task_InvestigateBatch";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    public enum Status { OPEN, CLOSED }

    /** One incident as the API and the process see it. */
    public record BatchIncident(long id, String number, String productModel, String batch, Status status, int threshold,
                                int windowDays, Instant openedAt, Instant closedAt, String closedBy, String rootCause,
                                String action, Long campaignRunId, String processInstanceId) {}

    private final JdbcTemplate jdbc;
    private final BatchQualityRule rules;
    private final BatchItems items;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    BatchIncidents(JdbcTemplate jdbc, BatchQualityRule rules, BatchItems items, RuntimeService runtime, TaskService tasks,
                   Clock clock, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.items = items;
        this.runtime = runtime;
        this.tasks = tasks;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    @Transactional
    public boolean suspected(FeedbackType type, String productModel, String batch) {
        Optional<BatchQualityRule.Rule> rule = rules.of(type, productModel);
        if (rule.isEmpty()) {
            return false;
        }
        lock(productModel, batch);
        return openIncident(productModel, batch).isPresent()
                || matching(productModel, batch, rule.get()).size() + 1 >= rule.get().threshold();
    }

    /** A registered item (synchronously, in its transaction): link it, or open the incident it makes reach the threshold. */
    @EventListener
    @Transactional
    public void onOpened(FeedbackEvent.FeedbackOpened e) {
        if (e.source() != FeedbackSource.INBOUND || e.productModel() == null || e.batch() == null) {
            return;
        }
        Optional<BatchQualityRule.Rule> rule = rules.of(e.type(), e.productModel());
        if (rule.isEmpty()) {
            return;
        }
        lock(e.productModel(), e.batch());
        Optional<BatchIncident> open = openIncident(e.productModel(), e.batch());
        if (open.isPresent()) {
            link(open.get(), e.itemId(), e.number(), false);
            refreshInvestigation(open.get());
            return;
        }
        List<BatchItems.Item> matching = matching(e.productModel(), e.batch(), rule.get());
        if (matching.size() < rule.get().threshold()) {
            return;
        }
        BatchIncident incident = open(e.productModel(), e.batch(), rule.get());
        for (BatchItems.Item item : matching) {
            link(incident, item.id(), item.number(), true);
        }
        var pi = runtime.startProcessInstanceByKey(PROCESS_KEY, incident.number(), Map.of("incidentId", incident.id(),
                "productModel", incident.productModel(), "batch", incident.batch(), "itemCount", matching.size()));
        jdbc.update("update batch_incident set process_instance_id = ? where id = ?", pi.getId(), incident.id());
    }

    /**
     * The matching items of the rule's window whose type the table watches (for this model), without those an earlier
     * (closed) incident of the model and batch already took: after closing, only new items count towards a new one.
     */
    private List<BatchItems.Item> matching(String productModel, String batch, BatchQualityRule.Rule rule) {
        List<FeedbackType> watched = Arrays.stream(FeedbackType.values()).filter(t -> rules.of(t, productModel).isPresent()).toList();
        java.util.Set<Long> taken = new java.util.HashSet<>(jdbc.queryForList("select l.feedback_item_id from batch_incident_item l"
                + " join batch_incident b on b.id = l.incident_id where b.product_model = ? and b.batch = ?", Long.class, productModel, batch));
        return items.matching(productModel, batch, watched, clock.instant().minus(Duration.ofDays(rule.windowDays()))).stream()
                .filter(i -> !taken.contains(i.id())).toList();
    }

    /**
     * Locks the model and batch until the caller's transaction ends. The row is created first in a transaction of its
     * own (a concurrent creator makes it a duplicate key, which is fine: it exists).
     */
    private void lock(String productModel, String batch) {
        List<String> found = jdbc.queryForList("select product_model from batch_watch where product_model = ? and batch = ? for update",
                String.class, productModel, batch);
        if (!found.isEmpty()) {
            return;
        }
        try {
            ownTransaction.executeWithoutResult(s -> jdbc.update("insert into batch_watch (product_model, batch, created_at) values (?, ?, ?)",
                    productModel, batch, Timestamp.from(clock.instant())));
        } catch (DataIntegrityViolationException alreadyThere) {
            // created by a concurrent registration of the same model and batch
        }
        jdbc.queryForList("select product_model from batch_watch where product_model = ? and batch = ? for update",
                String.class, productModel, batch);
    }

    private BatchIncident open(String productModel, String batch, BatchQualityRule.Rule rule) {
        Instant now = clock.instant();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("insert into batch_incident (number, product_model, batch, open_key, status,"
                    + " threshold, window_days, opened_at) values (?, ?, ?, ?, 'OPEN', ?, ?, ?)", new String[] {"id"});
            ps.setString(1, "BQ-" + java.util.UUID.randomUUID().toString().replace("-", ""));
            ps.setString(2, productModel);
            ps.setString(3, batch);
            ps.setString(4, productModel + "|" + batch);
            ps.setInt(5, rule.threshold());
            ps.setInt(6, rule.windowDays());
            ps.setTimestamp(7, Timestamp.from(now));
            return ps;
        }, key);
        long id = key.getKey().longValue();
        String number = "BQ" + now.atZone(clock.getZone()).format(DAY) + String.format("%04d", id);
        jdbc.update("update batch_incident set number = ? where id = ?", number, id);
        return byId(id);
    }

    private void link(BatchIncident incident, long itemId, String feedbackNumber, boolean atOpening) {
        Integer linked = jdbc.queryForObject("select count(*) from batch_incident_item where incident_id = ? and feedback_item_id = ?",
                Integer.class, incident.id(), itemId);
        if (linked != null && linked > 0) {
            return;
        }
        jdbc.update("insert into batch_incident_item (incident_id, feedback_item_id, feedback_number, linked_at, at_opening)"
                + " values (?, ?, ?, ?, ?)", incident.id(), itemId, feedbackNumber, Timestamp.from(clock.instant()), atOpening);
        items.linkedToIncident(itemId, incident.number());
    }

    /** The investigation lists every linked item: a later one is added to its open task at once. */
    private void refreshInvestigation(BatchIncident incident) {
        if (incident.processInstanceId() == null) {
            return;
        }
        List<BatchItems.Item> linked = linkedItems(incident.id());
        runtime.setVariable(incident.processInstanceId(), "itemCount", linked.size());
        for (var task : tasks.createTaskQuery().processInstanceId(incident.processInstanceId()).taskDefinitionKey(INVESTIGATE_TASK).list()) {
            InvestigateBatchContext.set(tasks, task.getId(), incident, linked);
        }
    }

    Optional<BatchIncident> openIncident(String productModel, String batch) {
        return jdbc.query("select * from batch_incident where open_key = ?", BatchIncidents::row, productModel + "|" + batch)
                .stream().findFirst();
    }

    BatchIncident byId(long id) {
        return jdbc.query("select * from batch_incident where id = ?", BatchIncidents::row, id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("batch incident", String.valueOf(id)));
    }

    /** An incident by its number (the process's business key). */
    @Transactional(readOnly = true)
    public BatchIncident byNumber(String number) {
        return jdbc.query("select * from batch_incident where number = ?", BatchIncidents::row, number).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("batch incident", number));
    }

    /** The incidents with this status (null: all), newest first. */
    @Transactional(readOnly = true)
    public List<BatchIncident> list(Status status) {
        return status == null
                ? jdbc.query("select * from batch_incident order by opened_at desc, id desc", BatchIncidents::row)
                : jdbc.query("select * from batch_incident where status = ? order by opened_at desc, id desc", BatchIncidents::row, status.name());
    }

    /** The feedback items linked to an incident, oldest first. */
    @Transactional(readOnly = true)
    public List<BatchItems.Item> linkedItems(long incidentId) {
        return items.byIds(jdbc.queryForList("select feedback_item_id from batch_incident_item where incident_id = ?", Long.class, incidentId));
    }

    /** Feedback numbers of the linked items, by incident id (for the list). */
    @Transactional(readOnly = true)
    public Map<Long, List<String>> feedbackNumbers() {
        Map<Long, List<String>> numbers = new java.util.HashMap<>();
        jdbc.query("select incident_id, feedback_number from batch_incident_item order by linked_at, feedback_number",
                (ResultSet rs) -> { numbers.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(rs.getString(2)); });
        return numbers;
    }

    /** Closes the investigation: root cause, action, who; the model and batch may open a new incident from now on. */
    @Transactional
    void close(String number, String rootCause, BatchAction action, String by) {
        jdbc.update("update batch_incident set status = 'CLOSED', open_key = null, closed_at = ?, closed_by = ?, root_cause = ?,"
                + " action = ? where number = ? and status = 'OPEN'", Timestamp.from(clock.instant()), by, rootCause, action.name(), number);
    }

    /** The screening run of the campaign follow-up started on closing. */
    @Transactional
    void campaignStarted(String number, long runId) {
        jdbc.update("update batch_incident set campaign_run_id = ? where number = ?", runId, number);
    }

    private static BatchIncident row(ResultSet rs, int n) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        long run = rs.getLong("campaign_run_id");
        Long runId = rs.wasNull() ? null : run;
        return new BatchIncident(rs.getLong("id"), rs.getString("number"), rs.getString("product_model"), rs.getString("batch"),
                Status.valueOf(rs.getString("status")), rs.getInt("threshold"), rs.getInt("window_days"),
                rs.getTimestamp("opened_at").toInstant(), closed == null ? null : closed.toInstant(), rs.getString("closed_by"),
                rs.getString("root_cause"), rs.getString("action"), runId, rs.getString("process_instance_id"));
    }
}
