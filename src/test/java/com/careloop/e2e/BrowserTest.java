package com.careloop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.testsupport.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the real-browser tests (tag "browser", run by {@code mvn -B -Pbrowser-tests test}, not by the default
 * build): the whole app as the default run starts it (default profile: demo users, demo data, job executor,
 * holiday check, notification worker) on a random port, but on a real PostgreSQL ({@link TestPostgres}) instead
 * of the H2 file — not the "test" profile, whose process-coverage recording refuses processes started at
 * start-up (the demo data) — and headless chromium through Debian's chromedriver
 * ({@link Chromium}). {@link #browser(String)} opens one person's browser; on a failure every browser the test
 * opened saves a screenshot and its page HTML under target/e2e/ ({@link FailureCapture}), then all are closed.
 */
@Tag("browser")
@ExtendWith(FailureCapture.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class BrowserTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestPostgres::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @LocalServerPort
    protected int port;

    private final List<Browser> browsers = new ArrayList<>();

    @BeforeAll
    static void chromiumIsInstalled() {
        // a failure, not a skip: in -Pbrowser-tests a missing browser must turn the build red
        assertThat(Chromium.missing()).as("chromium / chromedriver").isNull();
    }

    /** A new browser for the user (not yet logged in: {@code browser("agent1").login("tasklist")}). */
    protected Browser browser(String user) {
        Browser b = Browser.open("http://127.0.0.1:" + port, user);
        browsers.add(b);
        return b;
    }

    List<Browser> openBrowsers() {
        return List.copyOf(browsers);
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(Browser::close);
        browsers.clear();
    }
}
