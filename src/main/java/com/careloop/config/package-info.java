/** Module config: application wiring at start (clock, startup tasks); nothing depends on it. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"calendar", "demo", "engine", "identity", "quality", "sla"})
package com.careloop.config;
