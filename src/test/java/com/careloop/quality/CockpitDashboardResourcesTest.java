package com.careloop.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.testsupport.CareLoopTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Cockpit dashboard as the running application serves it: our config.js wins over the webjar's (it lists the
 * plugin and the zh-CN locale), the plugin module is there, and the ECharts file it imports is served.
 */
class CockpitDashboardResourcesTest extends CareLoopTest {

    @LocalServerPort int port;

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void cockpitLoadsOurConfigWithThePluginAndChineseFirst() throws Exception {
        HttpResponse<String> config = get("/camunda/app/cockpit/scripts/config.js?bust=7.24.0");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body())
                .as("our config.js, not the webjar's (whose customScripts and locales are commented out)")
                .contains("customScripts: ['scripts/careloop-dashboard.js']")
                .contains("availableLocales: ['zh-CN', 'en']")
                .contains("fallbackLocale: 'zh-CN'");
    }

    @Test
    void thePluginAndTheChartLibraryItImportsAreServed() throws Exception {
        HttpResponse<String> plugin = get("/camunda/app/cockpit/scripts/careloop-dashboard.js?bust=7.24.0");
        assertThat(plugin.statusCode()).isEqualTo(200);
        assertThat(plugin.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("javascript"));
        assertThat(plugin.body()).contains("pluginPoint: 'cockpit.dashboard'").contains("pluginPoint: 'cockpit.route'")
                .contains("pluginPoint: 'cockpit.navigation'");

        Matcher version = Pattern.compile("ECHARTS_VERSION = '([^']+)'").matcher(plugin.body());
        assertThat(version.find()).isTrue();
        HttpResponse<String> echarts = get("/webjars/echarts/" + version.group(1) + "/dist/echarts.esm.min.js");
        assertThat(echarts.statusCode()).as("the ECharts webjar in the pom has the version the plugin imports").isEqualTo(200);
        assertThat(echarts.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("javascript"));
        assertThat(echarts.body()).contains("export");
    }
}
