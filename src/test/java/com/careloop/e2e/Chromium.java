package com.careloop.e2e;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium driven through Debian's chromedriver: no driver download (Selenium Manager is never asked,
 * both paths are given). Headless, a Chinese browser (--lang=zh-CN, Accept-Language zh-CN, TZ Asia/Shanghai),
 * window 1400x1000.
 * When either binary is missing the browser tests fail with what to install: they never skip.
 */
final class Chromium {

    static final Path BROWSER = Path.of(System.getProperty("careloop.e2e.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));

    private Chromium() {
    }

    /** Why the browser tests cannot run here, or null. */
    static String missing() {
        StringBuilder why = new StringBuilder();
        for (Path p : List.of(BROWSER, DRIVER)) {
            if (!Files.isExecutable(p)) {
                why.append(p).append(" is missing; ");
            }
        }
        return why.isEmpty() ? null : why + "the browser tests (-Pbrowser-tests) need Debian's chromium and chromedriver: "
                + "apt-get install chromium chromium-driver fonts-noto-cjk (.ci/run installs them)";
    }

    static ChromeDriver start() {
        String missing = missing();
        if (missing != null) {
            throw new IllegalStateException(missing);
        }
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--lang=zh-CN", "--window-size=1400,1000", "--no-sandbox",
                "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run", "--disable-extensions");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        // the page's console, saved with a failure's screenshot
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(60))
                // a browser in a Chinese call centre: its clock shows China time
                .withEnvironment(Map.of("TZ", "Asia/Shanghai"))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return driver;
    }
}
