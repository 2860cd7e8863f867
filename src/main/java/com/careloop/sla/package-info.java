/** Module sla: work calendar (hours, weekends, holidays, adjusted workdays), deadline maths. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package com.careloop.sla;
