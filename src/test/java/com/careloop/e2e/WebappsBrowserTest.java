package com.careloop.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Scenario 4 of the agent's day (issue 8): the administrator "demo" opens Admin and Cockpit, both in Chinese. */
class WebappsBrowserTest extends BrowserTest {

    @Test
    void demoOpensAdminAndCockpitInChinese() {
        Browser demo = browser("demo");
        demo.login("admin");
        demo.go("/camunda/app/admin/default/#/users");
        // the demo users of the default run, listed by Admin
        demo.waitForText("agent1", "supervisor1", "manager1");
        Webapps.assertChinese(demo);
        demo.capture("admin-users-zh");

        demo.go("/camunda/app/cockpit/default/#/dashboard");
        demo.visible(By.cssSelector("[cam-widget-header]"));
        // Cockpit's dashboard counts the demo data's running processes
        demo.waitFor(d -> !d.findElements(By.cssSelector(".dashboard, [class*='dashboard']")).isEmpty());
        Webapps.assertChinese(demo);
        demo.capture("cockpit-dashboard-zh");
    }
}
