/**
 * The one engine-configuration package: everything that needs Camunda's internal API
 * ({@code org.camunda.bpm.engine.impl}) lives here, each use with its reason — engine plugins (history level,
 * task authorizations, login counting), the engine clock, form validation errors (the engine's 400 on
 * submit-form), declared form fields. Everything else uses the public API only, so that moving to a maintained
 * fork (Operaton, CIB seven) stays a package rename.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"http", "identity"})
package com.careloop.engine;
