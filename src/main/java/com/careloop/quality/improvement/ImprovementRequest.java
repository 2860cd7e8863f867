package com.careloop.quality.improvement;

import com.careloop.engine.FormInput;
import com.careloop.identity.CareLoopGroups;
import com.careloop.quality.alert.QualityMetric;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What a manager fills in to open an improvement action (start form startImprovementAction, or the IMPROVE decision of
 * an alert task), read and checked on the server: a REST client bypasses the Camunda Form. Field keys are the forms'.
 */
public record ImprovementRequest(String problem, RootCause rootCause, String measure, String ownerTeam, LocalDate deadline,
                                 QualityMetric targetMetric, double targetDelta, int verificationCycles, String alertNumber) {

    public static final String PROBLEM = "problem";
    public static final String ROOT_CAUSE = "rootCause";
    public static final String MEASURE = "measure";
    public static final String OWNER_TEAM = "ownerTeam";
    public static final String DEADLINE = "deadline";
    public static final String TARGET_METRIC = "targetMetric";
    public static final String TARGET_DELTA = "targetDelta";
    public static final String VERIFICATION_CYCLES = "verificationCycles";
    public static final String ALERT_NUMBER = "alertNumber";

    /** Every field, as the forms name them (the free-text ones are moved into the table by the first service task). */
    public static final java.util.List<String> FIELDS = java.util.List.of(PROBLEM, ROOT_CAUSE, MEASURE, OWNER_TEAM, DEADLINE,
            TARGET_METRIC, TARGET_DELTA, VERIFICATION_CYCLES, ALERT_NUMBER);

    public static ImprovementRequest read(VariableScope vars, ZoneId zone, LocalDate today) {
        FormInput in = new FormInput(vars, zone);
        String problem = in.text(PROBLEM, 2000, true);
        RootCause rootCause = in.requiredEnum(ROOT_CAUSE, RootCause.class);
        String measure = in.text(MEASURE, 2000, true);
        String ownerTeam = in.text(OWNER_TEAM, 64, true);
        if (ownerTeam != null && (CareLoopGroups.ALL.stream().noneMatch(g -> g.id().equals(ownerTeam)) || CareLoopGroups.ADMIN.equals(ownerTeam))) {
            in.error(OWNER_TEAM, "must be one of the teams " + CareLoopGroups.ALL.stream().map(CareLoopGroups.GroupInfo::id)
                    .filter(id -> !id.equals(CareLoopGroups.ADMIN)).toList() + " but was '" + ownerTeam + "'");
        }
        LocalDate deadline = date(vars, in, zone, DEADLINE);
        if (deadline != null && deadline.isBefore(today)) {
            in.error(DEADLINE, "must be today or later but was " + deadline);
        }
        QualityMetric metric = null;
        String metricKey = in.text(TARGET_METRIC, 40, true);
        if (metricKey != null) {
            try {
                metric = QualityMetric.of(metricKey);
                if (!metric.windowed()) {
                    in.error(TARGET_METRIC, "must be a KPI of a period (csat, nps, fcr, resolutionRate …), not " + metricKey);
                    metric = null;
                }
            } catch (IllegalArgumentException e) {
                in.error(TARGET_METRIC, e.getMessage());
            }
        }
        Double delta = decimal(vars, in, TARGET_DELTA);
        if (delta != null && (delta == 0 || Math.abs(delta) > 100)) {
            in.error(TARGET_DELTA, "must be a change in points between -100 and 100, not 0, but was " + delta);
        }
        Integer cycles = in.requiredInt(VERIFICATION_CYCLES, 1, 2);
        String alertNumber = in.text(ALERT_NUMBER, 40, false);
        in.validate();
        return new ImprovementRequest(problem, rootCause, measure, ownerTeam, deadline, metric, delta, cycles, alertNumber);
    }

    private static LocalDate date(VariableScope vars, FormInput in, ZoneId zone, String key) {
        Object raw = vars.getVariable(key);
        if (raw == null || raw.toString().isBlank()) {
            in.error(key, "is required");
            return null;
        }
        if (raw instanceof Date d) {
            return d.toInstant().atZone(zone).toLocalDate();
        }
        String s = raw.toString().trim();
        try {
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (DateTimeParseException e) {
            in.error(key, "must be a date like 2026-12-31 but was '" + s + "'");
            return null;
        }
    }

    private static Double decimal(VariableScope vars, FormInput in, String key) {
        Object raw = vars.getVariable(key);
        if (raw == null || raw.toString().isBlank()) {
            in.error(key, "is required");
            return null;
        }
        if (raw instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(raw.toString().trim());
        } catch (NumberFormatException e) {
            in.error(key, "must be a number of points (e.g. 5 or -2.5) but was '" + raw + "'");
            return null;
        }
    }
}
