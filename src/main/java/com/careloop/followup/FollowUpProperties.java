package com.careloop.followup;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * careloop.follow-up.*: nothing any more. The attempt limit and the retry interval are the designers'
 * ({@code followUp.maxAttempts}, {@code followUp.retryInterval} in bpmn/serviceParameters.dmn). The type stays
 * only because {@link FollowUpService} still takes it (that class is being reworked by the scenario-policy
 * change); delete both the parameter and this record then.
 */
@ConfigurationProperties("careloop.follow-up")
public record FollowUpProperties() {
}
