/** Module screening: screening runs and campaigns: candidate queries, rules, chunked starts. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"customer", "engine", "errors", "followup", "identity", "sla"})
package com.careloop.screening;
