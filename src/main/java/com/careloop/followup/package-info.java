/** Module followup: follow-up cases, call attempts, survey answers; delegates of the follow-up process. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"customer", "engine", "errors", "feedback", "identity", "notification", "numbering", "sla"})
package com.careloop.followup;
