package com.careloop.screening;

import com.careloop.engine.FormInput;
import com.careloop.customer.CustomerTier;
import com.careloop.followup.Scenario;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * First step of a run. Runs started over REST already have their row (runId); the nightly timer and the
 * Tasklist start form get one here, from the form's campaign fields when a campaign name was given.
 */
@Component("openScreeningRun")
class OpenScreeningRun implements JavaDelegate {

    private final ScreeningService screening;

    OpenScreeningRun(ScreeningService screening) {
        this.screening = screening;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.getVariable(ScreeningVariables.RUN_ID) != null) {
            return;
        }
        Campaign campaign = null;
        String name = text(execution.getVariable("campaignName"));
        if (name != null) {
            try {
                String tier = text(execution.getVariable("campaignTier"));
                campaign = new Campaign(name, Scenario.valueOf(orDefault(text(execution.getVariable("campaignScenario")), "PROMOTION")),
                        tier == null || tier.equals("ALL") ? null : CustomerTier.valueOf(tier),
                        Campaign.split(text(execution.getVariable("campaignTags"))),
                        Campaign.split(text(execution.getVariable("campaignProducts"))),
                        date(execution.getVariable("purchasedFrom")), date(execution.getVariable("purchasedTo")));
                ScreeningService.validate(campaign);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                FormInput form = new FormInput(execution, java.time.ZoneOffset.UTC);
                form.error("campaign", "Invalid campaign: " + e.getMessage());
                form.validate();
            }
        }
        ScreeningRun run = screening.open(date(execution.getVariable("asOf")), campaign, (String) execution.getVariable("startedBy"));
        run.setProcessInstanceId(execution.getProcessInstanceId());
        execution.setProcessBusinessKey("SR-" + run.getId());
        execution.setVariable(ScreeningVariables.RUN_ID, run.getId());
        // the form's starter (camunda:initiator); the nightly trigger has none
        execution.setVariable(ScreeningVariables.STARTED_IN_TASKLIST, run.getStartedBy() != null);
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static LocalDate date(Object value) {
        String s = text(value);
        if (s == null) {
            return null;
        }
        return s.length() <= 10 ? LocalDate.parse(s) : OffsetDateTime.parse(s).toLocalDate();
    }
}
