package com.careloop.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser on the running app: its own chromium (its own cookies, so its own webapp session),
 * logged in to a Camunda webapp (tasklist, cockpit, admin) through the webapp's login form.
 */
public final class Browser implements AutoCloseable {

    /** Where screenshots and page HTML go (failures and README pictures). */
    public static final Path OUT = Path.of("target", "e2e");

    private final ChromeDriver driver;
    private final String base;
    private final String user;

    private Browser(ChromeDriver driver, String base, String user) {
        this.driver = driver;
        this.base = base;
        this.user = user;
    }

    public static Browser open(String base, String user) {
        return new Browser(Chromium.start(), base, user);
    }

    public String user() {
        return user;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens the webapp ("tasklist", "cockpit", "admin") and logs in with the demo password (= user id). */
    public Browser login(String app) {
        return login(app, user);
    }

    public Browser login(String app, String password) {
        go("/camunda/app/" + app + "/default/");
        By username = By.cssSelector("input[ng-model='username']");
        WebElement name;
        try {
            name = waitFor(ExpectedConditions.visibilityOfElementLocated(username));
        } catch (org.openqa.selenium.TimeoutException stillLoading) {
            // the webapp's first load on a busy machine can hang in its splash screen: one reload, then fail
            capture("slow-login-" + app + "-" + user);
            driver.navigate().refresh();
            name = waitFor(ExpectedConditions.visibilityOfElementLocated(username));
        }
        // type, then check what the fields hold: on a busy machine the login page re-rendered while keys were sent
        // (seen: the user id typed twice into the name field and an empty password)
        for (int attempt = 1; ; attempt++) {
            name = driver.findElement(username);
            name.clear();
            name.sendKeys(user);
            WebElement pass = driver.findElement(By.cssSelector("input[ng-model='password']"));
            pass.clear();
            pass.sendKeys(password);
            if ((user.equals(name.getDomProperty("value")) && password.equals(pass.getDomProperty("value"))) || attempt == 3) {
                break;
            }
        }
        driver.findElement(By.cssSelector("form button[type='submit']")).click();
        // logged in: the login form is gone and the header names the user
        waitFor(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model='password']")));
        waitFor(d -> !d.findElements(By.cssSelector("[cam-widget-header], .cam-brand, header")).isEmpty());
        return this;
    }

    /** Navigates to a path of the app (e.g. "/camunda/app/tasklist/default/#/?task=…"). */
    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    public <T> T waitFor(Function<WebDriver, T> condition) {
        return waitFor(condition, Duration.ofSeconds(90));
    }

    public <T> T waitFor(Function<WebDriver, T> condition, Duration timeout) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(200)).until(condition::apply);
    }

    public WebElement visible(By by) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Waits until the page's visible text contains every given piece. */
    public void waitForText(String... pieces) {
        waitFor(d -> {
            String t = d.findElement(By.tagName("body")).getText();
            for (String p : pieces) {
                if (!t.contains(p)) {
                    return null;
                }
            }
            return true;
        });
    }

    @SuppressWarnings("unchecked")
    public <T> T script(String js, Object... args) {
        return (T) ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Runs fetch() in the page with the webapp session (its cookies and CSRF header) and returns the JSON text. */
    public String fetchJson(String method, String path, String jsonBody) {
        return (String) ((JavascriptExecutor) driver).executeAsyncScript("""
                const [method, path, body, done] = arguments;
                const token = (document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN=')) || '').substring(11);
                fetch(path, {method, credentials: 'same-origin', body: body || undefined,
                    headers: {'Content-Type': 'application/json', 'Accept': 'application/json', 'X-XSRF-TOKEN': token}})
                  .then(r => r.text().then(t => done(r.status + ' ' + t)))
                  .catch(e => done('0 ' + e));
                """, method, path, jsonBody);
    }

    /** Saves a PNG of the viewport and the page HTML as target/e2e/{name}.png and .html. */
    public Path capture(String name) {
        try {
            Files.createDirectories(OUT);
            Path png = OUT.resolve(name + ".png");
            Files.write(png, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(OUT.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
            StringBuilder console = new StringBuilder();
            try {
                driver.manage().logs().get("browser").forEach(e -> console.append(e).append('\n'));
            } catch (RuntimeException noLog) {
                console.append("no browser log: ").append(noLog.getMessage());
            }
            Files.writeString(OUT.resolve(name + ".console.log"), console, StandardCharsets.UTF_8);
            return png;
        } catch (IOException e) {
            throw new IllegalStateException("could not save " + name + " under " + OUT, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
