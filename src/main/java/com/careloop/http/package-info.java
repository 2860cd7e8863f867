/**
 * Module http: servlet plumbing the filters and controllers of several modules share: a body read once and replayed,
 * the one writer of problem+json bodies.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"errors"})
package com.careloop.http;
