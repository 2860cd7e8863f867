package com.careloop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.openqa.selenium.By;

/** What every Camunda webapp page must show a Chinese call centre. */
final class Webapps {

    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

    private Webapps() {
    }

    static boolean hasChinese(String text) {
        return text != null && CHINESE.matcher(text).find();
    }

    /**
     * The webapp speaks Chinese: its own header (navigation, user menu — the webapp's translations, not our labels) has
     * Chinese text, the page is declared zh-CN, and the vendor's English migration banner is not shown.
     */
    static void assertChinese(Browser page) {
        String header = page.visible(By.cssSelector("[cam-widget-header] .navbar-collapse, [cam-widget-header] nav, [cam-widget-header]")).getText();
        assertThat(header).as("the webapp's header").matches(h -> hasChinese(h.replaceAll("CareLoop", "")), "has Chinese text");
        assertThat(page.text()).as("the page").doesNotContain("It is time to migrate to Camunda 8");
        String footer = page.all(By.cssSelector("footer [cam-widget-footer], footer, [cam-widget-footer]")).stream()
                .map(e -> e.getText()).findFirst().orElse("");
        assertThat(footer).as("the footer (webapp text)").matches(Webapps::hasChinese, "has Chinese text");
    }
}
