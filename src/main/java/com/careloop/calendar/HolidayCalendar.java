package com.careloop.calendar;

import com.careloop.errors.InvalidRequestException;
import com.careloop.sla.HolidayCsv;
import com.careloop.sla.WorkCalendar;
import com.careloop.sla.WorkCalendarProperties;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The holiday calendar a team maintains: the only writer of {@code calendar_year} and {@code calendar_day}.
 * At start, years of the shipped file not yet stored are seeded; the stored data then replaces the work
 * calendar's days, and again after every load of a year (on this node at commit, on the others within a
 * minute). Loading a year also ends a waiting "maintain holidays" task for it.
 */
@Service
public class HolidayCalendar implements InitializingBean {

    /** Message of bpmn/holidayCalendar.bpmn that ends a waiting maintenance task once its year is loaded. */
    static final String MESSAGE_YEAR_LOADED = "holidayYearLoaded";
    static final String VAR_MISSING_YEAR = "missingYear";
    static final String MESSAGE_CHECK_NOW = "checkHolidaysNow";
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;
    /** A year's file: about 40 lines in practice; far more is a mistake, not a calendar. */
    static final int MAX_CSV_CHARS = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(HolidayCalendar.class);

    public record YearSummary(int year, int holidays, int adjustedWorkdays, String source,
                              OffsetDateTime updatedAt, String updatedBy) {}

    public record Day(LocalDate date, WorkCalendar.DayType kind, String name) {}

    private final JdbcTemplate jdbc;
    private final WorkCalendar calendar;
    private final WorkCalendarProperties props;
    private final ResourceLoader resources;
    private final RuntimeService runtime;
    private final TransactionTemplate tx;
    private final Clock clock;
    private volatile String loadedStamp = "";

    public HolidayCalendar(JdbcTemplate jdbc, WorkCalendar calendar, WorkCalendarProperties props, ResourceLoader resources,
                           RuntimeService runtime, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.props = props;
        this.resources = resources;
        this.runtime = runtime;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        tx.executeWithoutResult(status -> seedShippedYears());
        reload();
    }

    /** Stores the years of the shipped file that the database does not have yet (a new install, a release with a new year). */
    void seedShippedYears() {
        List<HolidayCsv.Entry> shipped;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                resources.getResource(props.holidays()).getInputStream(), StandardCharsets.UTF_8))) {
            shipped = HolidayCsv.readAll(in, props.holidays());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + props.holidays(), e);
        }
        Set<Integer> stored = new HashSet<>(jdbc.queryForList("select cal_year from calendar_year", Integer.class));
        Map<Integer, List<HolidayCsv.Entry>> byYear = shipped.stream()
                .collect(java.util.stream.Collectors.groupingBy(e -> e.date().getYear()));
        byYear.forEach((year, entries) -> {
            if (!stored.contains(year)) {
                write(year, entries, "shipped " + props.holidays(), null);
                log.info("Holiday calendar: seeded {} from {}", year, props.holidays());
            }
        });
    }

    public List<YearSummary> years() {
        return summaries("");
    }

    private List<YearSummary> summaries(String where, Object... args) {
        return jdbc.query("""
                select y.cal_year, y.source, y.updated_at, y.updated_by,
                       sum(case when d.kind = 'HOLIDAY' then 1 else 0 end) holidays,
                       sum(case when d.kind = 'WORKDAY' then 1 else 0 end) workdays
                from calendar_year y left join calendar_day d on d.cal_year = y.cal_year %s
                group by y.cal_year, y.source, y.updated_at, y.updated_by
                order by y.cal_year""".formatted(where),
                (rs, i) -> new YearSummary(rs.getInt("cal_year"), rs.getInt("holidays"), rs.getInt("workdays"),
                        rs.getString("source"), rs.getObject("updated_at", OffsetDateTime.class), rs.getString("updated_by")), args);
    }

    /** The years a "maintain holidays" task of bpmn/holidayCalendar.bpmn waits for (one task per year at most). */
    public List<Integer> waitingYears() {
        return runtime.createProcessInstanceQuery().processDefinitionKey(CheckHolidayData.PROCESS_KEY)
                .activityIdIn(CheckHolidayData.TASK_MAINTAIN).list().stream()
                .map(p -> (Integer) runtime.getVariable(p.getId(), VAR_MISSING_YEAR)).sorted().toList();
    }

    /**
     * Replaces one year's holidays and adjusted working days, all or nothing. Every bad line is reported
     * (400, by line number) and nothing changes.
     */
    @Transactional
    public YearSummary replaceYear(int year, String csv, String user) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new InvalidRequestException("year", "must be between " + MIN_YEAR + " and " + MAX_YEAR + " but was " + year);
        }
        if (csv == null || csv.isBlank()) {
            throw new InvalidRequestException("csv", "the body is empty: expected lines 'yyyy-MM-dd,HOLIDAY|WORKDAY,name'");
        }
        if (csv.length() > MAX_CSV_CHARS) {
            throw new InvalidRequestException("csv", "the body has " + csv.length() + " characters; at most " + MAX_CSV_CHARS + " are accepted");
        }
        HolidayCsv.Result result;
        try {
            result = HolidayCsv.read(new BufferedReader(new StringReader(csv)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<HolidayCsv.LineError> errors = HolidayCsv.checkYear(result, year);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors.stream()
                    .map(e -> new InvalidRequestException.FieldError(e.line() == 0 ? "csv" : "line " + e.line(), e.message()))
                    .toList());
        }
        write(year, result.entries(), "uploaded", user);
        runtime.createMessageCorrelation(MESSAGE_YEAR_LOADED).processInstanceVariableEquals(VAR_MISSING_YEAR, year).correlateAll();
        reloadAfterCommit();
        log.info("Holiday calendar: {} replaced by {} ({} days)", year, user, result.entries().size());
        return summaries("where y.cal_year = ?", year).get(0);
    }

    private void write(int year, List<HolidayCsv.Entry> entries, String source, String user) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        // the update locks an existing year's row, so two loads of one year run one after the other
        int updated = jdbc.update("update calendar_year set source = ?, updated_at = ?, updated_by = ? where cal_year = ?",
                source, now, user, year);
        if (updated == 0) {
            jdbc.update("insert into calendar_year (cal_year, source, updated_at, updated_by) values (?, ?, ?, ?)",
                    year, source, now, user);
        }
        jdbc.update("delete from calendar_day where cal_year = ?", year);
        jdbc.batchUpdate("insert into calendar_day (cal_date, cal_year, kind, name) values (?, ?, ?, ?)", entries, 500,
                (ps, e) -> {
                    ps.setDate(1, Date.valueOf(e.date()));
                    ps.setInt(2, year);
                    ps.setString(3, e.kind().name());
                    ps.setString(4, e.name() == null || e.name().isBlank() ? null : e.name());
                });
    }

    /** Every day from {@code from} to {@code to} inclusive, as the deadlines see it. */
    public List<Day> days(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw new InvalidRequestException(from == null ? "from" : "to", "is required (yyyy-MM-dd)");
        }
        if (to.isBefore(from)) {
            throw new InvalidRequestException("to", "must not be before from (" + from + ")");
        }
        if (from.plusDays(400).isBefore(to)) {
            throw new InvalidRequestException("to", "at most 400 days can be listed at once");
        }
        Map<LocalDate, String> names = new HashMap<>();
        jdbc.query("select cal_date, name from calendar_day where cal_date between ? and ?",
                rs -> {
                    names.put(rs.getDate("cal_date").toLocalDate(), rs.getString("name"));
                }, Date.valueOf(from), Date.valueOf(to));
        List<Day> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(new Day(d, calendar.dayType(d), names.get(d)));
        }
        return days;
    }

    /** Runs the holiday check of bpmn/holidayCalendar.bpmn now (at start), not only at its daily time. */
    public void checkNow() {
        runtime.createMessageCorrelation(MESSAGE_CHECK_NOW).correlateStartMessage();
    }

    /** The years with holiday data, as deadlines use them (no query). */
    public List<Integer> yearsWithData() {
        return calendar.yearsWithData().stream().sorted().toList();
    }

    /** Whether the calendar has holiday data for the year. */
    public boolean hasDataFor(int year) {
        return calendar.hasDataFor(year);
    }

    /** Loads the stored days into the work calendar. */
    public synchronized void reload() {
        Map<LocalDate, WorkCalendar.DayKind> days = new HashMap<>();
        Set<Integer> years = new HashSet<>(jdbc.queryForList("select cal_year from calendar_year", Integer.class));
        jdbc.query("select cal_date, kind from calendar_day", rs -> {
            days.put(rs.getDate("cal_date").toLocalDate(), WorkCalendar.DayKind.valueOf(rs.getString("kind")));
        });
        calendar.replaceSpecialDays(days, years);
        loadedStamp = stamp();
        int thisYear = LocalDate.now(clock.withZone(calendar.zone())).getYear();
        if (!years.contains(thisYear)) {
            log.warn("Holiday calendar has no data for {}: deadlines count only weekends as days off until it is loaded "
                    + "(PUT /api/calendar/years/{})", thisYear, thisYear);
        }
    }

    /** Another node loaded a year: pick it up (checked every minute). */
    @Scheduled(fixedDelayString = "${careloop.calendar.refresh-interval:PT1M}", initialDelayString = "${careloop.calendar.refresh-interval:PT1M}")
    public void refreshIfChanged() {
        if (!stamp().equals(loadedStamp)) {
            reload();
        }
    }

    private String stamp() {
        return jdbc.queryForObject("select count(*) || '/' || coalesce(cast(max(updated_at) as varchar(64)), '') from calendar_year", String.class);
    }

    private void reloadAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    reload();
                }
            });
        } else {
            reload();
        }
    }
}
