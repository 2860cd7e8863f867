/** Module http: servlet plumbing the filters of several modules share (a body read once and replayed). */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package com.careloop.http;
