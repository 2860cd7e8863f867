/**
 * Module idempotency: writes a client can retry. An {@code Idempotency-Key} header on the integration writes (POST
 * /api/customers, /api/customers/import, /api/follow-ups, /api/feedback, /api/screening/runs) makes a repeat within
 * 24 h answer the first response without a second write; its own table idempotency_key, written only here.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"http", "identity", "errors"})
package com.careloop.idempotency;
