package com.careloop.screening;

import com.careloop.followup.ScenarioPolicy;
import com.careloop.sla.WorkCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Due dates for one run: the scenario policy's due date ({@link ScenarioPolicy#dueAt}: the close of the
 * {@code dueDays}-th working day from the run's day, the same as a manual start that day), spread over the following
 * working days when an agent (or the shared pool) already has its daily capacity on that day. Capacity 0 = unlimited
 * (the default): then every due date is exactly the policy's.
 */
public class DueDatePlanner {

    private final WorkCalendar calendar;
    private final LocalDate today;
    private final int agentCapacity;
    private final int poolCapacity;
    private final Map<String, Integer> load = new HashMap<>();
    /** The policy's due date per window: the same for every candidate of the run (one computation, not millions). */
    private final Map<Integer, Instant> dueByDays = new HashMap<>();

    public DueDatePlanner(WorkCalendar calendar, Instant now, int agentCapacity, int poolCapacity) {
        this.calendar = calendar;
        this.today = now.atZone(calendar.zone()).toLocalDate();
        this.agentCapacity = agentCapacity;
        this.poolCapacity = poolCapacity;
    }

    public Instant due(int dueDays, String agent) {
        int capacity = agent == null ? poolCapacity : agentCapacity;
        int days = Math.max(0, dueDays);
        Instant due = policyDue(days);
        if (capacity <= 0) {
            return due;
        }
        for (int later = 1; later < 3650; later++) {
            LocalDate day = due.atZone(calendar.zone()).toLocalDate();
            String key = (agent == null ? "*pool*" : agent) + "|" + day;
            int n = load.getOrDefault(key, 0);
            if (n < capacity) {
                load.put(key, n + 1);
                return due;
            }
            due = policyDue(days + later);
        }
        return due;
    }

    private Instant policyDue(int days) {
        return dueByDays.computeIfAbsent(days, d -> ScenarioPolicy.dueAt(calendar, today, d));
    }
}
