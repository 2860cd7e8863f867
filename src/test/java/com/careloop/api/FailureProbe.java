package com.careloop.api;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test-only endpoint that fails unexpectedly, for the 500 answer of {@link ApiErrorsTest}. */
@RestController
@Profile("test")
class FailureProbe {

    static final String PATH = "/api/test-probe/failure";
    static final String SECRET = "db-password=hunter2";

    @GetMapping(PATH)
    String fail() {
        throw new IllegalStateException("unexpected: " + SECRET);
    }
}
