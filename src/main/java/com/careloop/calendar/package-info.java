/** Module calendar: the holiday calendar a team maintains: years on file, loading a year, the maintenance process. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"engine", "errors", "identity", "sla"})
package com.careloop.calendar;
