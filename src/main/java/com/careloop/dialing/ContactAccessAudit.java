package com.careloop.dialing;

import com.careloop.customer.CustomerContactRead;
import com.careloop.customer.CustomerErased;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one writer and reader of table contact_access. Each dial or read entry is committed on its own (a refused dial,
 * answered with an error, is still recorded); an erase entry commits with the erase. Besides the dials it records the
 * customer module's unmasked reads ({@link CustomerContactRead}) and erasures ({@link CustomerErased}): one audit of
 * who saw or changed whose contact data.
 */
@Component
public class ContactAccessAudit {

    /** The adapter recorded for reads and erasures: the CareLoop API, not a dialer. */
    public static final String API = "api";

    /** A page of entries, newest first. */
    public record Page(List<ContactAccess> items, int page, int size, long total) {}

    private static final RowMapper<ContactAccess> ROW = (rs, n) -> {
        long customer = rs.getLong("customer_id");
        boolean noCustomer = rs.wasNull(); // asked at once: wasNull() answers for the last column read
        return new ContactAccess(rs.getLong("id"), rs.getTimestamp("accessed_at").toInstant(), rs.getString("user_id"),
                ContactAccess.Subject.valueOf(rs.getString("subject")), rs.getString("subject_number"), rs.getString("task_id"),
                noCustomer ? null : customer, rs.getString("adapter"), ContactAccess.Outcome.valueOf(rs.getString("outcome")),
                rs.getString("detail"));
    };

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ContactAccessAudit(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void record(String user, ContactAccess.Subject subject, String number, String taskId, Long customerId, String adapter,
                ContactAccess.Outcome outcome, String detail) {
        insert(user, subject, number, taskId, customerId, adapter, outcome, detail);
    }

    private void insert(String user, ContactAccess.Subject subject, String number, String taskId, Long customerId, String adapter,
                        ContactAccess.Outcome outcome, String detail) {
        jdbc.update("insert into contact_access (accessed_at, user_id, subject, subject_number, task_id, customer_id, adapter, outcome, detail)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)", Timestamp.from(clock.instant()), user, subject.name(), number, taskId,
                customerId, adapter, outcome.name(), detail == null ? null : detail.substring(0, Math.min(500, detail.length())));
    }

    /** An unmasked read of a customer: committed on its own, like a reveal. */
    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(CustomerContactRead read) {
        record(read.user(), ContactAccess.Subject.CUSTOMER, read.externalId(), read.taskId(), read.customerId(), API,
                ContactAccess.Outcome.READ, read.basis());
    }

    /** An erase: in the erase's transaction, so it is recorded exactly when the erase commits. */
    @EventListener
    @Transactional
    public void on(CustomerErased erased) {
        insert(erased.erasedBy(), ContactAccess.Subject.CUSTOMER, erased.externalId(), null, erased.customerId(), API,
                ContactAccess.Outcome.ERASED, null);
    }

    /** Entries in [from, to) (either open), of one user or all, newest first. */
    @Transactional(readOnly = true)
    public Page find(Instant from, Instant to, String user, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (from != null) {
            where.append(" and accessed_at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            where.append(" and accessed_at < ?");
            args.add(Timestamp.from(to));
        }
        if (user != null) {
            where.append(" and user_id = ?");
            args.add(user);
        }
        Long total = jdbc.queryForObject("select count(*) from contact_access" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<ContactAccess> items = jdbc.query("select * from contact_access" + where + " order by accessed_at desc, id desc limit ? offset ?",
                ROW, pageArgs.toArray());
        return new Page(items, page, size, total == null ? 0 : total);
    }
}
