package com.careloop.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our locale files and config.js of the Camunda webapps against the 7.24 webjar on the classpath: zh-CN.json has
 * exactly the keys of the jar's en.json, with a text for each and the same {{placeholders}} and HTML tags; our en.json
 * is the jar's with only the banner replaced; config.js is the jar's with the CareLoop lines added.
 */
class WebappLocalesTest {

    private static final String APP = "META-INF/resources/webjars/camunda/app/";
    private static final String BANNER = "BANNER_CE_EOL_TEXT";
    /** The English text Chinese has no word for: the plural "s" after a count (PLGN_BATCH_S, PLGN_MIG_S …). */
    private static final String PLURAL_SUFFIX = "s";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([\\w.]+)\\s*}}");
    private static final Pattern TAG = Pattern.compile("</?(?:a|b|br|strong|em|i|code|span|p|ul|li|div|pre)\\b[^>]*>");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
    void chineseHasEveryKeyOfTheJarsEnglishWithItsPlaceholders(String app) throws IOException {
        Map<String, String> english = labels(jar(app + "/locales/en.json"));
        Map<String, String> chinese = labels(ours(app + "/locales/zh-CN.json"));

        assertThat(chinese.keySet()).as(app + " zh-CN.json keys").containsExactlyInAnyOrderElementsOf(english.keySet());
        List<String> problems = new ArrayList<>();
        english.forEach((key, en) -> {
            String zh = chinese.get(key);
            if (zh.isBlank() && !en.isBlank() && !en.equals(PLURAL_SUFFIX)) problems.add(key + ": empty");
            if (!all(PLACEHOLDER, zh).equals(all(PLACEHOLDER, en))) problems.add(key + ": placeholders " + all(PLACEHOLDER, zh));
            if (!key.equals(BANNER) && !all(TAG, zh).equals(all(TAG, en))) problems.add(key + ": HTML " + all(TAG, zh));
        });
        assertThat(problems).as(app + " zh-CN.json").isEmpty();
        long chineseTexts = chinese.values().stream().filter(v -> v.codePoints().anyMatch(c -> c >= 0x4e00 && c <= 0x9fff)).count();
        assertThat(chineseTexts).as(app + ": texts in Chinese").isGreaterThan(english.size() * 9L / 10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
    void theBannerIsOursAndSwitchesTheLanguage(String app) throws IOException {
        Map<String, String> jarEnglish = labels(jar(app + "/locales/en.json"));
        Map<String, String> english = labels(ours(app + "/locales/en.json"));
        Map<String, String> chinese = labels(ours(app + "/locales/zh-CN.json"));

        Map<String, String> englishWithoutBanner = new TreeMap<>(english);
        Map<String, String> jarWithoutBanner = new TreeMap<>(jarEnglish);
        englishWithoutBanner.remove(BANNER);
        jarWithoutBanner.remove(BANNER);
        assertThat(englishWithoutBanner).as(app + " en.json is the jar's but the banner").isEqualTo(jarWithoutBanner);
        assertThat(chinese.get(BANNER)).contains("CareLoop").contains("data-careloop-language=\"en\"").doesNotContain("Camunda 8");
        assertThat(english.get(BANNER)).contains("CareLoop").contains("data-careloop-language=\"zh-CN\"").doesNotContain("Camunda 8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "admin", "cockpit"})
    void chineseDatesAreYearFirst(String app) throws IOException {
        JsonNode dates = JSON.readTree(strip(ours(app + "/locales/zh-CN.json"))).get("dateLocales");
        assertThat(dates.at("/longDateFormat/L").asText()).isEqualTo("YYYY-MM-DD");
        assertThat(dates.at("/longDateFormat/LLL").asText()).startsWith("YYYY年");
        assertThat(dates.get("months")).hasSize(12);
        assertThat(dates.get("weekdays")).hasSize(7);
        assertThat(dates.at("/week/dow").asInt()).as("weeks start on Monday").isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
    void configJsIsTheJarsWithChineseFirst(String app) throws IOException {
        String original = strip(jar(app + "/scripts/config.js"));
        String config = strip(ours(app + "/scripts/config.js"));

        List<String> missing = original.lines().filter(line -> !config.lines().toList().contains(line)).toList();
        assertThat(missing).as(app + " config.js keeps every line of the jar's").isEmpty();
        assertThat(config).contains("import {careLoopLocales} from '../../careloop/language.js';")
                .contains("careLoopLocales({availableLocales: ['zh-CN', 'en'], fallbackLocale: 'zh-CN'})");
    }

    @Test
    void tasklistShowsCamundaFormsInChinese() throws IOException {
        String config = strip(ours("tasklist/scripts/config.js"));
        String forms = strip(ours("careloop/form-js-zh.js"));
        String formJs = strip(resource("META-INF/resources/webjars/camunda/lib/deps.js", true));
        assertThat(config).contains("chineseForms(locales.fallbackLocale)");
        // the English messages form-js 1.8.7 writes under a field, each as the webjar has it and with its Chinese text
        for (String[] message : new String[][] {{"\"Field is required.\"", "Field is required"},
                {"`Field must match pattern ${", "Field must match pattern"},
                {"`Field must have minimum value of ${", "Field must have minimum value of"},
                {"`Field must have maximum value of ${", "Field must have maximum value of"},
                {"`Field must have minimum length of ${", "Field must have minimum length of"},
                {"`Field must have maximum length of ${", "Field must have maximum length of"},
                {"\"Field must be a valid  international phone number.", "Field must be a valid +international phone number"},
                {"\"Field must be a valid email.\"", "Field must be a valid email"},
                {"\"Value is not a number.\"", "Value is not a number"},
                {"\"be an integer\"", "Value is expected to be an integer"},
                {"`have at most ${", "Value is expected to have at most"},
                {"`Please select a valid value, the two nearest valid values are ${", "Please select a valid value, the two nearest valid values are"},
                {"\"Date and time must both be entered.\"", "Date and time must both be entered"}}) {
            assertThat(formJs).as("form-js in the webjar").contains(message[0]);
            assertThat(forms).as("Chinese for " + message[1]).contains("/^" + message[1]);
        }
    }

    @Test
    void theWebappsGetOnlyTheChosenLanguage() throws IOException {
        // the webapps take the browser's language when it is available: only the chosen one is, so Chinese stays the default
        assertThat(strip(ours("careloop/language.js"))).contains("return {availableLocales: [language], fallbackLocale: language};");
    }

    private static Map<String, String> labels(InputStream in) throws IOException {
        JsonNode labels = JSON.readTree(strip(in)).get("labels");
        Map<String, String> result = new TreeMap<>();
        labels.fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue().asText()));
        return result;
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) found.add(m.group().replaceAll("\\s+", ""));
        Collections.sort(found);
        return found;
    }

    private static String strip(InputStream in) throws IOException {
        try (in) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        }
    }

    /** The resource as the 7.24 webjar ships it. */
    private static InputStream jar(String path) throws IOException {
        return resource(APP + path, true);
    }

    /** Our resource of the same path (src/main/resources), which the app serves instead of the jar's. */
    private static InputStream ours(String path) throws IOException {
        return resource(APP + path, false);
    }

    private static InputStream resource(String path, boolean fromJar) throws IOException {
        for (URL url : Collections.list(WebappLocalesTest.class.getClassLoader().getResources(path))) {
            if (url.getProtocol().equals("jar") == fromJar) return url.openStream();
        }
        throw new AssertionError((fromJar ? "the webjar has no " : "no resource of ours at ") + path);
    }
}
