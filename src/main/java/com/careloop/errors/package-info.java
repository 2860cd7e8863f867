/**
 * Module errors: why a business operation was refused — not found, conflict, invalid input (naming each field),
 * forbidden. Every module throws these; package api maps them to HTTP (problem+json).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package com.careloop.errors;
