/** Module feedback: feedback items (inbound and from calls), progress log, delegates of feedback handling. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"api", "customer", "engine", "identity", "notification", "numbering", "sla"})
package com.careloop.feedback;
