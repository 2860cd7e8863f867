package com.careloop.followup;

import com.careloop.customer.CustomerTier;
import com.careloop.numbering.BusinessNumbers;
import com.careloop.sla.WorkCalendar;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one writer of new follow-ups (table follow_up), for one manual start and for a chunk of a screening run alike:
 * the exclusions ({@link FollowUpExclusions}), one follow-up per customer, scenario and period, the terms of the
 * scenario policy ({@link ScenarioPolicy}), then rows written in batches and the followUp processes started, all in
 * the caller's transaction. A concurrent writer that slips past the checks is stopped by the unique indexes
 * (uk_follow_up_open, uk_follow_up_period): the whole call fails and is rolled back.
 */
@Component
class FollowUpWriter {

    /** Ids per IN list: well below the bind-parameter limits of PostgreSQL and H2. */
    private static final int IN_LIST = 1000;

    private final JdbcTemplate jdbc;
    private final FollowUpExclusions exclusions;
    private final ScenarioPolicy policy;
    private final WorkCalendar calendar;
    private final BusinessNumbers numbers;
    private final CallContext callContext;
    private final Clock clock;

    FollowUpWriter(JdbcTemplate jdbc, FollowUpExclusions exclusions, ScenarioPolicy policy, WorkCalendar calendar,
                   BusinessNumbers numbers, CallContext callContext, Clock clock) {
        this.jdbc = jdbc;
        this.exclusions = exclusions;
        this.policy = policy;
        this.calendar = calendar;
        this.numbers = numbers;
        this.callContext = callContext;
        this.clock = clock;
    }

    /** What the exclusions and the policy need to know about a customer. */
    private record Facts(long id, String name, String phone, String tier, String accountAgent, boolean optedOut, boolean contactInvalid,
                         boolean open, boolean cooling) {}

    interface ProcessStarter {
        String start(long followUpId, String number, String agent, Instant due, int priority, CallContext.Card card);
    }

    @Transactional
    List<Opened> open(List<NewFollowUp> requests, ProcessStarter processes) {
        if (requests.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Set<Long> customerIds = requests.stream().map(NewFollowUp::customerId).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<Long, Facts> facts = facts(customerIds, exclusions.coolingStart(now));
        Set<String> taken = takenPeriods(requests);

        ScenarioPolicy.Table table = policy.latest();
        LocalDate today = now.atZone(calendar.zone()).toLocalDate();
        Set<Long> opening = new HashSet<>();
        Opened[] results = new Opened[requests.size()];
        List<Integer> create = new ArrayList<>();
        List<List<Exclusion>> overridden = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            NewFollowUp r = requests.get(i);
            Facts f = facts.get(r.customerId());
            if (f == null) {
                throw new IllegalArgumentException("customer " + r.customerId() + " does not exist");
            }
            List<Exclusion> applying = new ArrayList<>();
            if (f.optedOut()) applying.add(Exclusion.OPTED_OUT);
            if (f.contactInvalid()) applying.add(Exclusion.CONTACT_INVALID);
            if (f.open() || opening.contains(r.customerId())) applying.add(Exclusion.OPEN_FOLLOW_UP);
            if (f.cooling()) applying.add(Exclusion.COOLING_PERIOD);
            if (r.periodKey() != null && taken.contains(periodId(r.customerId(), r.scenario(), r.periodKey()))) {
                applying.add(Exclusion.DUPLICATE_PERIOD);
            }
            Exclusion stop = applying.stream().filter(e -> r.override() == null || !e.overridable()).findFirst().orElse(null);
            if (stop != null) {
                results[i] = Opened.excluded(r, stop);
                continue;
            }
            opening.add(r.customerId());
            if (r.periodKey() != null) {
                taken.add(periodId(r.customerId(), r.scenario(), r.periodKey()));
            }
            create.add(i);
            overridden.add(applying);
        }
        if (create.isEmpty()) {
            return List.of(results);
        }

        List<String> numbered = numbers.nextFollowUpNumbers(create.size());
        Timestamp created = Timestamp.from(now);
        List<Object[]> rows = new ArrayList<>(create.size());
        Instant[] due = new Instant[create.size()];
        int[] priority = new int[create.size()];
        String[] agent = new String[create.size()];
        Map<Integer, Instant> dueByDays = new HashMap<>();
        for (int k = 0; k < create.size(); k++) {
            NewFollowUp r = requests.get(create.get(k));
            Facts f = facts.get(r.customerId());
            ScenarioPolicy.Terms terms = table.of(r.scenario(), CustomerTier.valueOf(f.tier()));
            Instant policyDue = dueByDays.computeIfAbsent(terms.dueWorkingDays(), d -> ScenarioPolicy.dueAt(calendar, today, d));
            due[k] = r.plannedDueAt() != null && r.plannedDueAt().isAfter(policyDue) ? r.plannedDueAt() : policyDue;
            priority[k] = terms.priority();
            agent[k] = terms.agent(f.accountAgent());
            List<Exclusion> lifted = overridden.get(k);
            rows.add(new Object[] {numbered.get(k), r.customerId(), r.scenario().name(), priority[k], agent[k], Timestamp.from(due[k]),
                created, r.periodKey(), r.screeningRunId(),
                r.override() == null ? null : r.override().reason(), r.override() == null ? null : r.override().by(),
                lifted.isEmpty() ? null : lifted.stream().map(Enum::name).collect(Collectors.joining(","))});
        }
        jdbc.batchUpdate("insert into follow_up (number, customer_id, scenario, priority, status, assigned_agent, due_at, created_at,"
                + " period_key, screening_run_id, override_reason, override_by, overridden_exclusions)"
                + " values (?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        Map<String, Long> idByNumber = new HashMap<>();
        forEachSlice(numbered, slice -> jdbc.query("select id, number from follow_up where number in (" + marks(slice.size()) + ")",
                rs -> { idByNumber.put(rs.getString(2), rs.getLong(1)); }, slice.toArray()));

        Map<Long, Long> calledNow = new HashMap<>();
        for (int k = 0; k < create.size(); k++) {
            calledNow.put(requests.get(create.get(k)).customerId(), idByNumber.get(numbered.get(k)));
        }
        Map<Long, String> history = callContext.history(calledNow, calendar.zone());
        List<Object[]> started = new ArrayList<>(create.size());
        for (int k = 0; k < create.size(); k++) {
            int i = create.get(k);
            NewFollowUp r = requests.get(i);
            Facts f = facts.get(r.customerId());
            long id = idByNumber.get(numbered.get(k));
            String pi = processes.start(id, numbered.get(k), agent[k], due[k], priority[k],
                    CallContext.card(f.name(), f.phone(), CustomerTier.valueOf(f.tier()), r.scenario(), history.get(r.customerId())));
            started.add(new Object[] {pi, id});
            results[i] = new Opened(r, id, numbered.get(k), pi, due[k], priority[k], agent[k], null, List.copyOf(overridden.get(k)));
        }
        jdbc.batchUpdate("update follow_up set process_instance_id = ? where id = ?", started);
        return List.of(results);
    }

    private Map<Long, Facts> facts(Collection<Long> ids, Timestamp coolingStart) {
        Map<Long, Facts> facts = new HashMap<>();
        forEachSlice(new ArrayList<>(ids), slice -> {
            List<Object> params = new ArrayList<>(List.of(coolingStart, coolingStart));
            params.addAll(slice);
            jdbc.query("select c.id, c.name, c.tier, c.account_agent, c.opt_out, c.contact_invalid,"
                    + " case when " + FollowUpExclusions.OPEN + " then 1 else 0 end,"
                    + " case when " + FollowUpExclusions.COOLING + " then 1 else 0 end, c.phone"
                    + " from customer c where c.id in (" + marks(slice.size()) + ")", rs -> {
                        long id = rs.getLong(1);
                        facts.put(id, new Facts(id, rs.getString(2), rs.getString(9), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                                rs.getBoolean(6), rs.getInt(7) == 1, rs.getInt(8) == 1));
                    }, params.toArray());
        });
        return facts;
    }

    private Set<String> takenPeriods(List<NewFollowUp> requests) {
        Set<String> taken = new HashSet<>();
        List<Long> ids = requests.stream().filter(r -> r.periodKey() != null).map(NewFollowUp::customerId).distinct().toList();
        forEachSlice(ids, slice -> jdbc.query("select customer_id, scenario, period_key from follow_up where period_key is not null"
                        + " and customer_id in (" + marks(slice.size()) + ")",
                rs -> { taken.add(rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getString(3)); }, slice.toArray()));
        return taken;
    }

    private static String periodId(long customerId, Scenario scenario, String periodKey) {
        return customerId + "|" + scenario.name() + "|" + periodKey;
    }

    private static <T> void forEachSlice(List<T> all, java.util.function.Consumer<List<T>> action) {
        for (int from = 0; from < all.size(); from += IN_LIST) {
            action.accept(all.subList(from, Math.min(all.size(), from + IN_LIST)));
        }
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
