package com.careloop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue #7, "Dashboard in Cockpit": manager1 logs into Cockpit and sees the service-quality tiles with the numbers
 * /api/kpis gives (read with the Cockpit session, no second login), then the full view with its charts drawn by
 * ECharts, the agents' table and the open alerts; a supervisor sees it too.
 */
class CockpitDashboardBrowserTest extends BrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void manager1SeesTheKpiTilesWithNumbersInCockpit() throws Exception {
        Browser manager = cockpit("manager1");
        manager.go("/camunda/app/cockpit/default/#/dashboard");
        WebElement csat = manager.visible(By.cssSelector("[data-careloop=summary] [data-kpi=csat] .cl-tile-value"));
        manager.waitForText("满意度 CSAT", "净推荐值 NPS", "响应及时率 On-time response", "首次解决率 FCR",
                "问题解决率 Resolution rate", "积压工单 Backlog", "超期工单 Overdue", "未关闭告警 Open alerts");

        // the tiles show what the API answers for the same 7 days, formatted: the demo data has answers in them
        LocalDate today = LocalDate.now(SHANGHAI);
        JsonNode totals = api(manager, "/api/kpis?from=" + today.minusDays(6) + "&to=" + today.plusDays(1)).get("totals");
        assertThat(totals.get("csat").isNumber()).as("demo data: survey answers in the last 7 days " + totals).isTrue();
        assertThat(csat.getText()).isEqualTo(String.format(java.util.Locale.ROOT, "%.1f%%", totals.get("csat").asDouble()));
        assertThat(tile(manager, "summary", "backlog")).isEqualTo(totals.get("backlog").asText()).matches("\\d+");
        assertThat(tile(manager, "summary", "overdue")).isEqualTo(totals.get("overdue").asText());
        assertThat(tile(manager, "summary", "nps")).matches("[+-]?\\d+\\.\\d|—");

        // the full view: tiles, the four charts drawn (a canvas each), the agents' table
        manager.driver().findElement(By.linkText("完整看板 Full dashboard →")).click();
        manager.visible(By.cssSelector("[data-careloop=full] [data-kpi=csat]"));
        manager.waitFor(d -> d.findElements(By.cssSelector("[data-careloop=full] .cl-chart canvas")).size() >= 4 ? true : null);
        assertThat(tile(manager, "full", "csat")).matches("\\d+\\.\\d%");
        // the table is below the fold of Cockpit's scrolling view: its rows are read as textContent
        List<String> agents = manager.all(By.cssSelector("[data-careloop=agents] tbody tr")).stream()
                .map(row -> row.getAttribute("textContent")).toList();
        assertThat(agents).as("agents credited with calls in the last 30 days, with their CSAT")
                .anySatisfy(row -> assertThat(row).startsWith("agent").containsPattern("\\d+\\.\\d%"));
        String full = manager.driver().findElement(By.cssSelector("[data-careloop=full]")).getAttribute("textContent");
        assertThat(full).contains("满意度趋势（按日） Satisfaction by day", "各团队积压 Backlog by team", "高频关键词 Top keywords",
                "坐席 Agents", "未关闭告警 Open alerts");
        // by week: the trend charts are drawn again from groupBy=week
        manager.driver().findElement(By.cssSelector("[data-trend=week]")).click();
        manager.waitFor(d -> d.findElement(By.cssSelector("[data-careloop=full]")).getAttribute("textContent")
                .contains("满意度趋势（按周） Satisfaction by week") ? true : null);
        manager.waitFor(d -> d.findElements(By.cssSelector("[data-careloop=full] .cl-chart canvas")).size() >= 4 ? true : null);
        manager.capture("cockpit-dashboard-manager1");
    }

    @Test
    void aSupervisorSeesItToo() throws Exception {
        Browser supervisor = cockpit("supervisor1");
        supervisor.go("/camunda/app/cockpit/default/#/careloop-dashboard");
        supervisor.visible(By.cssSelector("[data-careloop=full] [data-kpi=backlog]"));
        assertThat(tile(supervisor, "full", "backlog")).matches("\\d+");
    }

    @Test
    void aPageChangesThroughTheApiOnlyWithTheCsrfToken() throws Exception {
        Browser manager = cockpit("manager1");
        String body = "{\"externalId\":\"E2E-SESSION-" + System.nanoTime() + "\",\"name\":\"浏览器 Browser\",\"tier\":\"STANDARD\"}";
        String refused = async(manager, """
                fetch('/api/customers', {method: 'POST', credentials: 'same-origin', body: arguments[0],
                    headers: {'Content-Type': 'application/json'}}).then(r => done(String(r.status)));
                """, body);
        assertThat(refused).as("a POST on the session without X-XSRF-TOKEN").isEqualTo("403");
        assertThat(manager.fetchJson("POST", "/api/customers", body)).as("with the XSRF-TOKEN cookie's value as X-XSRF-TOKEN")
                .startsWith("201 ");
    }

    /**
     * Logs into Cockpit. On this shared 2-core machine Cockpit sometimes does not boot at all (requirejs gives up on
     * its plugin modules after 7 s: an empty page, no login form); that page is loaded once more. A second failure
     * fails the test.
     */
    private Browser cockpit(String user) {
        Browser b = browser(user);
        try {
            return b.login("cockpit");
        } catch (org.openqa.selenium.TimeoutException notBooted) {
            return b.login("cockpit");
        }
    }

    private static String async(Browser b, String js, Object... args) {
        return (String) ((org.openqa.selenium.JavascriptExecutor) b.driver())
                .executeAsyncScript("const done = arguments[arguments.length - 1];\n" + js, args);
    }

    private static JsonNode api(Browser b, String path) throws Exception {
        String answer = b.fetchJson("GET", path, null);
        assertThat(answer).startsWith("200 ");
        return JSON.readTree(answer.substring(4));
    }

    private static String tile(Browser b, String view, String kpi) {
        return b.driver().findElement(By.cssSelector("[data-careloop=" + view + "] [data-kpi=" + kpi + "] .cl-tile-value")).getText();
    }
}
