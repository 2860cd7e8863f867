/**
 * Module openapi: the machine-readable contract of /api (springdoc-openapi: /v3/api-docs, Swagger UI), its security
 * schemes and the problem+json error responses every operation can answer. Other modules add what is theirs through
 * their own {@code OpenApiCustomizer} beans or swagger annotations on their controllers.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package com.careloop.openapi;
