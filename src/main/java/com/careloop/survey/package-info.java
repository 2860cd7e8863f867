/**
 * Module survey: the customer's side of the loop — survey links of follow-ups and closure re-visits (token hashes only) and the public survey page
 * (/s/{token}), the SMS outbox for cs-managers, texts refused (opt-out).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"feedback", "followup", "customer", "notification", "sla", "errors", "identity"})
package com.careloop.survey;
