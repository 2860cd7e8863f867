package com.careloop.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.testsupport.CareLoopTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The running app serves our locale files, config.js and language modules at the webjar paths, not the jar's. */
class WebappLocalesServedTest extends CareLoopTest {

    @LocalServerPort int port;

    @ParameterizedTest
    @CsvSource({
            "tasklist/locales/zh-CN.json, application/json, 认领",
            "tasklist/locales/en.json, application/json, data-careloop-language",
            "tasklist/scripts/config.js, javascript, careLoopLocales",
            "cockpit/locales/zh-CN.json, application/json, 流程实例",
            "admin/locales/zh-CN.json, application/json, 授权",
            "welcome/locales/zh-CN.json, application/json, 个人资料",
            "admin/scripts/config.js, javascript, careLoopLocales",
            "welcome/scripts/config.js, javascript, careLoopLocales",
            "cockpit/scripts/config.js, javascript, careLoopLocales",
            "careloop/language.js, javascript, careLoopLocales",
            "careloop/form-js-zh.js, javascript, chineseForms"})
    void servesOurs(String path, String contentType, String marker) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/camunda/app/" + path + "?bust=7.24.0")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).as(path).isEqualTo(200);
        // config.js and the modules are imported as ES modules: the browser refuses them without a JavaScript type
        assertThat(response.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(t -> assertThat(t).contains(contentType));
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(body).as(path).contains(marker).isEqualTo(ours("META-INF/resources/webjars/camunda/app/" + path));
    }

    private static String ours(String path) throws IOException {
        for (URL url : Collections.list(WebappLocalesServedTest.class.getClassLoader().getResources(path))) {
            if (!url.getProtocol().equals("jar")) {
                try (InputStream in = url.openStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no resource of ours at " + path);
    }
}
