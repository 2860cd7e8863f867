/** Module followup: follow-up cases, call attempts, survey answers; delegates of the follow-up process. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"api", "customer", "engine", "feedback", "identity", "numbering", "sla"})
package com.careloop.followup;
