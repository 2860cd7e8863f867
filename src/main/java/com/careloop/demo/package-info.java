/** Module demo: demo data of the default run; nothing depends on it. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"customer", "engine", "feedback", "followup", "identity", "notification", "review"})
package com.careloop.demo;
