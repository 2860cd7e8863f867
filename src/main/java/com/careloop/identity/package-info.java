/** Module identity: groups, users, the task-access model, Tasklist filters, web / REST security, login. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"errors", "http"})
package com.careloop.identity;
