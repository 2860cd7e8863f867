package com.careloop.screening;

import com.careloop.sla.SlaClock;
import com.careloop.sla.WorkCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Due dates for one run: {@code dueDays} working days from now, spread over the following working days when
 * an agent (or the shared pool) already has its daily capacity on that day. Capacity 0 = unlimited.
 */
public class DueDatePlanner {

    private final WorkCalendar calendar;
    private final Instant now;
    private final int agentCapacity;
    private final int poolCapacity;
    private final Map<String, Integer> load = new HashMap<>();

    public DueDatePlanner(WorkCalendar calendar, Instant now, int agentCapacity, int poolCapacity) {
        this.calendar = calendar;
        this.now = now;
        this.agentCapacity = agentCapacity;
        this.poolCapacity = poolCapacity;
    }

    public Instant due(int dueDays, String agent) {
        int capacity = agent == null ? poolCapacity : agentCapacity;
        int days = Math.max(0, dueDays);
        Instant due = calendar.deadline(now, "P" + days + "D", SlaClock.WORKING);
        if (capacity <= 0) {
            return due;
        }
        for (int guard = 0; guard < 3650; guard++) {
            LocalDate day = due.atZone(calendar.zone()).toLocalDate();
            String key = (agent == null ? "*pool*" : agent) + "|" + day;
            int n = load.getOrDefault(key, 0);
            if (n < capacity) {
                load.put(key, n + 1);
                return due;
            }
            due = calendar.plusWorkingDays(due, 1);
        }
        return due;
    }
}
