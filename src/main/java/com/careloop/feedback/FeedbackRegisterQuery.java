package com.careloop.feedback;

import static com.careloop.identity.CareLoopGroups.ADMIN;
import static com.careloop.identity.CareLoopGroups.AGENTS;
import static com.careloop.identity.CareLoopGroups.CS_CENTER;
import static com.careloop.identity.CareLoopGroups.CS_MANAGERS;

import com.careloop.errors.InvalidRequestException;
import com.careloop.identity.ApiUser;
import com.careloop.identity.CareLoopGroups;
import com.careloop.identity.TaskAccessPolicy;
import com.careloop.sla.WorkCalendar;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The feedback register as a list (GET /api/feedback): filters, the free-text search in the customer's words, a page
 * sorted by the next deadline (the response deadline until the owner responded, then the resolution deadline; items
 * not yet routed — waiting for verification — last), and what the reader may see:
 * managers (and admins) every item; a supervisor the items routed to the teams they supervise
 * ({@link TaskAccessPolicy#SUPERVISES}) and those waiting for verification; the service centre the items routed to it
 * and those waiting for verification; another team (aftersales-tech, product, sales) the items routed to it; an agent
 * the items raised on their own calls. A read: it writes nothing.
 */
@Component
public class FeedbackRegisterQuery {

    static final int MAX_SIZE = 100;

    /** The filters of one request; null: not filtered. {@code from}/{@code to}: registration days, inclusive. */
    public record Filter(FeedbackStatus status, FeedbackType type, Urgency urgency, FeedbackChannel channel, String team, Boolean overdue,
                  Boolean paused, String customerExternalId, String q, LocalDate from, LocalDate to, int page, int size) {}

    /** One line of the list. */
    public record Row(String number, FeedbackType type, Urgency urgency, FeedbackStatus status, FeedbackChannel channel,
               Instant createdAt, Instant responseDueAt, Instant resolutionDueAt, Instant deadline, boolean overdue, String team,
               String customerExternalId, String customerName, String mergedInto, boolean pausedNow) {}

    public record Page(List<Row> items, int page, int size, long total) {}

    private static final String DEADLINE = "(case when i.responded_at is null and i.response_due_at is not null"
            + " then i.response_due_at else i.resolution_due_at end)";
    private static final String OPEN = "i.status not in (" + FeedbackStatus.ENDED_SQL + ")";

    private final NamedParameterJdbcTemplate jdbc;
    private final WorkCalendar calendar;
    private final Clock clock;

    FeedbackRegisterQuery(NamedParameterJdbcTemplate jdbc, WorkCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** One line of the XLSX export: the list's line, the product and both phones masked (everyone sees them masked). */
    public record ExportRow(Row row, String productModel, String serialNumber, String customerPhoneMasked, String contactPhoneMasked) {}

    @Transactional(readOnly = true)
    Page find(Filter f, ApiUser reader) {
        check(f);
        MapSqlParameterSource p = new MapSqlParameterSource();
        String from = from(f, reader, p);
        Long total = jdbc.queryForObject("select count(*)" + from, p, Long.class);
        p.addValue("limit", f.size()).addValue("offset", (long) f.page() * f.size());
        List<Row> rows = jdbc.query(SELECT + from + ORDER + " limit :limit offset :offset", p, FeedbackRegisterQuery::row);
        return new Page(rows, f.page(), f.size(), total == null ? 0 : total);
    }

    /**
     * Every item of the query the reader may see (page and size ignored), in the list's order, for the XLSX export; more
     * than {@code maxRows} is a 400 that asks for a narrower query (nothing is read beyond the count).
     */
    @Transactional(readOnly = true)
    public List<ExportRow> export(Filter f, ApiUser reader, int maxRows) {
        check(f);
        MapSqlParameterSource p = new MapSqlParameterSource();
        String from = from(f, reader, p);
        Long total = jdbc.queryForObject("select count(*)" + from, p, Long.class);
        if (total != null && total > maxRows) {
            throw new InvalidRequestException("q", "导出最多 " + maxRows + " 条，本次查询 " + total + " 条，请缩小查询条件 an export holds at most "
                    + maxRows + " items, this query has " + total + ": narrow it (status, team, from/to, …)");
        }
        return jdbc.query(SELECT + ", i.product_model, i.serial_number, c.phone, i.contact_phone" + from + ORDER, p, (rs, n) ->
                new ExportRow(row(rs, n), rs.getString(16), rs.getString(17), masked(rs.getString(18)), masked(rs.getString(19))));
    }

    private static String masked(String phone) {
        return phone == null || phone.isBlank() ? null : com.careloop.customer.MaskedPhone.of(phone);
    }

    private static final String SELECT = "select i.number, i.type, i.urgency, i.status, i.channel, i.created_at, i.response_due_at,"
            + " i.resolution_due_at, " + DEADLINE + " as deadline, i.overdue, i.department, c.external_id, c.name, i.merged_into,"
            + " case when i.paused_at is null then false else true end as paused_now";
    private static final String ORDER = " order by case when " + DEADLINE + " is null then 1 else 0 end, " + DEADLINE + ", i.created_at, i.id";

    /** The from and where clause of the filter and the reader's scope. */
    private String from(Filter f, ApiUser reader, MapSqlParameterSource p) {
        List<String> where = new ArrayList<>();
        where.add(scope(reader, p));
        if (f.status() != null) {
            where.add("i.status = :status");
            p.addValue("status", f.status().name());
        }
        if (f.type() != null) {
            where.add("i.type = :type");
            p.addValue("type", f.type().name());
        }
        if (f.urgency() != null) {
            where.add("i.urgency = :urgency");
            p.addValue("urgency", f.urgency().name());
        }
        if (f.channel() != null) {
            where.add("i.channel = :channel");
            p.addValue("channel", f.channel().name());
        }
        if (f.team() != null) {
            where.add("i.department = :team");
            p.addValue("team", f.team());
        }
        if (f.overdue() != null) {
            // never null: an item without deadline (waiting for verification) is not late by its deadline
            String late = "(" + OPEN + " and (i.overdue or (" + DEADLINE + " is not null and " + DEADLINE + " < :now)))";
            where.add(f.overdue() ? late : "not " + late);
            p.addValue("now", Timestamp.from(clock.instant()));
        }
        if (f.paused() != null) {
            // the SLA clock stopped (SlaPause): paused_at is set while a pause runs
            where.add(f.paused() ? "i.paused_at is not null" : "i.paused_at is null");
        }
        if (f.customerExternalId() != null) {
            where.add("c.external_id = :externalId");
            p.addValue("externalId", f.customerExternalId().strip());
        }
        if (f.q() != null && !f.q().isBlank()) {
            where.add("lower(i.description) like :q escape '\\'");
            p.addValue("q", "%" + f.q().strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (f.from() != null) {
            where.add("i.created_at >= :from");
            p.addValue("from", Timestamp.from(f.from().atStartOfDay(calendar.zone()).toInstant()));
        }
        if (f.to() != null) {
            where.add("i.created_at < :to");
            p.addValue("to", Timestamp.from(f.to().plusDays(1).atStartOfDay(calendar.zone()).toInstant()));
        }
        return " from feedback_item i join customer c on c.id = i.customer_id where " + String.join(" and ", where);
    }

    /** Which items the reader may see, as a condition (see the class comment). */
    private static String scope(ApiUser reader, MapSqlParameterSource p) {
        Set<String> groups = reader.groups();
        if (groups.contains(CS_MANAGERS) || groups.contains(ADMIN)) {
            return "1 = 1";
        }
        Set<String> teams = new LinkedHashSet<>();
        boolean verifies = groups.contains(CS_CENTER);
        for (String g : groups) {
            if (TaskAccessPolicy.SUPERVISES.containsKey(g)) {
                teams.addAll(TaskAccessPolicy.SUPERVISES.get(g));
                verifies = verifies || TaskAccessPolicy.SUPERVISES.get(g).contains(CS_CENTER);
            } else if (!g.equals(AGENTS)) {
                teams.add(g);
            }
        }
        List<String> any = new ArrayList<>();
        if (!teams.isEmpty()) {
            any.add("i.department in (:teams)");
            p.addValue("teams", teams);
        }
        if (verifies) {
            any.add("(i.department is null and i.source = 'INBOUND')");
        }
        if (groups.contains(AGENTS)) {
            any.add("(i.source = 'FOLLOW_UP_CALL' and i.revisit_agent = :reader)");
            p.addValue("reader", reader.id());
        }
        return any.isEmpty() ? "1 = 0" : "(" + String.join(" or ", any) + ")";
    }

    private static void check(Filter f) {
        List<InvalidRequestException.FieldError> errors = new ArrayList<>();
        if (f.team() != null && CareLoopGroups.ALL.stream().noneMatch(g -> g.id().equals(f.team()))) {
            errors.add(new InvalidRequestException.FieldError("team", "unknown team '" + f.team() + "'; allowed: "
                    + CareLoopGroups.ALL.stream().map(CareLoopGroups.GroupInfo::id).toList()));
        }
        if (f.page() < 0) {
            errors.add(new InvalidRequestException.FieldError("page", "must be at least 0"));
        }
        if (f.size() < 1 || f.size() > MAX_SIZE) {
            errors.add(new InvalidRequestException.FieldError("size", "must be between 1 and " + MAX_SIZE));
        }
        if (f.from() != null && f.to() != null && f.to().isBefore(f.from())) {
            errors.add(new InvalidRequestException.FieldError("to", "is before from"));
        }
        if (f.q() != null && f.q().length() > 200) {
            errors.add(new InvalidRequestException.FieldError("q", "must be at most 200 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString(1), FeedbackType.valueOf(rs.getString(2)), Urgency.valueOf(rs.getString(3)),
                FeedbackStatus.valueOf(rs.getString(4)), FeedbackChannel.valueOf(rs.getString(5)), instant(rs.getTimestamp(6)),
                instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)), rs.getBoolean(10),
                rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getBoolean(15));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
