package com.careloop.followup;

import com.careloop.engine.LatestDecision;
import org.camunda.bpm.engine.IdentityService;
import com.careloop.customer.CustomerTier;
import com.careloop.sla.WorkCalendar;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * The {@code scenarioPolicy} decision (bpmn/scenarioPolicy.dmn) as deployed: per scenario and customer tier the due
 * window in working days, the call's priority and whether a VIP's account agent makes the call. The one source of
 * these rules: manual starts, campaigns and screening runs all get their terms from here (through
 * {@link FollowUpService#open}), and a redeployed table takes effect on the next start.
 *
 * <p>The table is small (scenarios × tiers), so each deployed version is evaluated once for every combination by a
 * plain DMN engine (no history rows) and then looked up; a version that leaves a combination without exactly one row
 * is refused with a message naming it.
 */
@Component
public class ScenarioPolicy {

    public static final String DECISION_KEY = "scenarioPolicy";

    /** What the policy says for one scenario and tier. */
    public record Terms(int dueWorkingDays, int priority, boolean callByAccountAgent) {

        /** Who calls: the account agent when the policy says so and the customer has one, otherwise the agents pool (null). */
        public String agent(String accountAgent) {
            return callByAccountAgent && accountAgent != null && !accountAgent.isBlank() ? accountAgent : null;
        }
    }

    private static final DmnEngine DMN = LatestDecision.DMN;

    private final LatestDecision<Table> latest;

    public ScenarioPolicy(RepositoryService repository, IdentityService identity) {
        this.latest = new LatestDecision<>(repository, identity, DECISION_KEY, (xml, def) -> Table.parse(xml, "v" + def.getVersion()));
    }

    /** The latest deployed version of the table (parsed once per version). */
    public Table latest() {
        return latest.get();
    }

    /** Terms of the latest deployed version. */
    public Terms of(Scenario scenario, CustomerTier tier) {
        return latest().of(scenario, tier);
    }

    /** One version of the table, evaluated for every scenario and tier. */
    public static final class Table {

        private final Map<Scenario, Map<CustomerTier, Terms>> terms;

        private Table(Map<Scenario, Map<CustomerTier, Terms>> terms) {
            this.terms = terms;
        }

        public Terms of(Scenario scenario, CustomerTier tier) {
            return terms.get(scenario).get(tier == null ? CustomerTier.STANDARD : tier);
        }

        /**
         * Parses and evaluates the table for every scenario × tier.
         *
         * @throws IllegalStateException naming every combination that has no row, more than one, or an output that is
         *                               missing or out of range
         */
        public static Table parse(byte[] xml, String version) {
            DmnDecision decision = DMN.parseDecision(DECISION_KEY, new ByteArrayInputStream(xml));
            Map<Scenario, Map<CustomerTier, Terms>> all = new EnumMap<>(Scenario.class);
            List<String> broken = new ArrayList<>();
            for (Scenario scenario : Scenario.values()) {
                Map<CustomerTier, Terms> byTier = new EnumMap<>(CustomerTier.class);
                for (CustomerTier tier : CustomerTier.values()) {
                    String combination = scenario + " × " + tier;
                    Map<String, Object> in = new HashMap<>();
                    in.put("scenario", scenario.name());
                    in.put("tier", tier.name());
                    DmnDecisionTableResult result;
                    try {
                        result = DMN.evaluateDecisionTable(decision, in);
                    } catch (RuntimeException e) { // UNIQUE with two matching rows
                        broken.add(combination + ": " + e.getMessage());
                        continue;
                    }
                    if (result.size() != 1) {
                        broken.add(combination + ": " + result.size() + " rows match (exactly one must)");
                        continue;
                    }
                    Map<String, Object> row = result.getSingleResult().getEntryMap();
                    Object days = row.get("dueWorkingDays");
                    Object priority = row.get("priority");
                    Object byAgent = row.get("callByAccountAgent");
                    if (!(days instanceof Number d) || d.intValue() < 0 || !(priority instanceof Number p)) {
                        broken.add(combination + ": dueWorkingDays (a whole number ≥ 0) and priority (a whole number) are required, got "
                                + row);
                        continue;
                    }
                    byTier.put(tier, new Terms(d.intValue(), p.intValue(), Boolean.TRUE.equals(byAgent)));
                }
                all.put(scenario, byTier);
            }
            if (!broken.isEmpty()) {
                throw new IllegalStateException("decision " + DECISION_KEY + " " + version + " does not give every scenario and tier one policy: "
                        + String.join("; ", broken));
            }
            return new Table(all);
        }
    }

    /**
     * When a follow-up opened on {@code day} with a window of {@code workingDays} is due: at the close of the
     * {@code workingDays}-th working day after the first working day at or after {@code day} (0 = that day's close).
     * It depends on the day only, so the same customer, scenario and day get the same due date whoever opens the call
     * and at what time.
     */
    public static Instant dueAt(WorkCalendar calendar, LocalDate day, int workingDays) {
        ZoneId zone = calendar.zone();
        // the opening of the first working day at or after the start of the day, then n working days on
        Instant opening = calendar.plusWorkingDays(day.atStartOfDay(zone).toInstant(), Math.max(0, workingDays));
        LocalDate dueDay = opening.atZone(zone).toLocalDate();
        // that day's close: its opening plus all of its working time
        return opening.plus(calendar.workingTimeBetween(opening, dueDay.atTime(LocalTime.MAX).atZone(zone).toInstant()));
    }
}
