/**
 * Module operations: what an operator looks at — the default run's mail catcher and its mailbox page, the health
 * components that never take the app down (mail, SMS), the business meters of /actuator/prometheus and who may read
 * them.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"errors", "identity", "notification", "quality"})
package com.careloop.operations;
