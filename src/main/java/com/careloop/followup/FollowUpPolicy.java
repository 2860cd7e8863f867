package com.careloop.followup;

import com.careloop.sla.ServiceParameters;
import org.springframework.stereotype.Component;

/**
 * Only for follow-ups still running on a followUp version deployed before the attempt limit moved into the model:
 * their gateway reads {@code ${followUpPolicy.maxAttempts}}. Current versions read
 * {@code ${serviceParameters.integer('followUp.maxAttempts')}}; both give the row of bpmn/serviceParameters.dmn.
 * Delete this bean once no instance of an older version is running (Cockpit: process definition versions).
 */
@Component("followUpPolicy")
public class FollowUpPolicy {

    private final ServiceParameters parameters;

    public FollowUpPolicy(ServiceParameters parameters) {
        this.parameters = parameters;
    }

    public int getMaxAttempts() {
        return parameters.followUpMaxAttempts();
    }
}
