/** Module feedback: feedback items (inbound and from calls), progress log, delegates of feedback handling. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"customer", "engine", "errors", "identity", "notification", "numbering", "sla"})
package com.careloop.feedback;
