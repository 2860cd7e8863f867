/** Module sla: work calendar (hours, weekends, holidays, adjusted workdays), deadline maths. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"engine"})
package com.careloop.sla;
