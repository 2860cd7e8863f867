package com.careloop.identity;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Brings an existing installation to the task-access model, idempotently, at every start once the engine's
 * tables exist (Flyway runs before the engine creates them, so this cannot be a migration script):
 * <ul>
 * <li>the per-task authorizations the engine used to write for groups that now see a process's tasks through a
 * definition-level grant are removed, in batches, so that no single statement holds the table long;</li>
 * <li>the indexes the shipped Tasklist filters need ("Due today", "Overdue" filter on the due date; every filter sorts
 * by priority, due date, then creation; the counts read the task definition key).</li>
 * </ul>
 */
@Component
public class TaskAccessMigration {

    private static final Logger log = LoggerFactory.getLogger(TaskAccessMigration.class);
    static final int BATCH = 5_000;

    /** index name -> definition; every one created with IF NOT EXISTS (PostgreSQL and H2 alike). */
    static final Map<String, String> INDEXES = Map.of(
            "careloop_ix_task_due", "act_ru_task (due_date_)",
            // the whole order of every shipped filter (priority high first, due date, newest first): the first page
            // reads the index and stops after a page, instead of sorting every visible task for Camunda's DISTINCT
            "careloop_ix_task_list_order", "act_ru_task (priority_ desc, due_date_, create_time_ desc)",
            // the columns of a filter's count on the task definition key ("Unclaimed calls", "My team's feedback"):
            // the count of 100,000 open calls is read from the index alone, not from the wide task rows
            "careloop_ix_task_def_count", "act_ru_task (task_def_key_, id_, assignee_, proc_def_id_, tenant_id_)");

    /** Indexes of earlier versions that a later one above covers (its leading columns). */
    static final List<String> REPLACED_INDEXES = List.of("careloop_ix_task_priority_due");

    private final JdbcTemplate jdbc;

    public TaskAccessMigration(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void run() {
        INDEXES.forEach((name, on) -> jdbc.execute("create index if not exists " + name + " on " + on));
        REPLACED_INDEXES.forEach(name -> jdbc.execute("drop index if exists " + name));
        for (Map.Entry<String, Set<String>> e : TaskAccessPolicy.SEES_ALL_TASKS_OF.entrySet()) {
            for (String processKey : e.getValue()) {
                int removed = removePerTaskRows(e.getKey(), processKey);
                if (removed > 0) {
                    log.info("Task access: removed {} per-task authorizations of group {} on {} tasks (a definition grant covers them)",
                            removed, e.getKey(), processKey);
                }
            }
        }
    }

    int removePerTaskRows(String group, String processKey) {
        int total = 0;
        int n;
        do {
            n = jdbc.update("""
                    delete from act_ru_authorization where id_ in (
                      select a.id_ from act_ru_authorization a
                      join act_ru_task t on t.id_ = a.resource_id_
                      join act_re_procdef d on d.id_ = t.proc_def_id_
                      where a.resource_type_ = ? and a.group_id_ = ? and a.user_id_ is null and d.key_ = ?
                      fetch first %d rows only)""".formatted(BATCH),
                    Resources.TASK.resourceType(), group, processKey);
            total += n;
        } while (n == BATCH);
        return total;
    }
}
