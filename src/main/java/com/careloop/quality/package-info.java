/**
 * Module quality: service-quality KPIs (CSAT, NPS, reach, resolution, FCR, on-time, reopen, lead conversion,
 * backlog), their rollups, keywords, threshold alerts, improvement actions and reports. Reads the other modules
 * through their APIs and events only.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"customer", "engine", "errors", "feedback", "followup", "identity", "notification", "review", "sla"})
package com.careloop.quality;
