/** Module api: HTTP error mapping shared by every controller (problem+json) and the exceptions it maps. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"errors", "http"})
package com.careloop.api;
