package com.careloop.e2e;

import java.util.List;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * When a browser test fails, every browser it opened saves a screenshot and the page HTML as
 * target/e2e/{TestClass}.{method}-{user}.png / .html (before the browsers are closed after the test).
 */
final class FailureCapture implements AfterTestExecutionCallback {

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty() || !(context.getRequiredTestInstance() instanceof BrowserTest test)) {
            return;
        }
        List<Browser> browsers = test.openBrowsers();
        for (int i = 0; i < browsers.size(); i++) {
            Browser b = browsers.get(i);
            String name = "FAILED-" + context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName()
                    + "-" + (i + 1) + "-" + b.user();
            try {
                System.err.println("browser test failed: " + b.driver().getCurrentUrl() + " saved as " + b.capture(name));
            } catch (RuntimeException e) {
                System.err.println("browser test failed; could not capture " + name + ": " + e);
            }
        }
    }
}
