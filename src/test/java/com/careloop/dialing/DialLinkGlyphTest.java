package com.careloop.dialing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The "拨打 Call" link of the call and re-visit forms and the dial page draw with the fonts the call centre's PCs and CI
 * have: fonts-noto-cjk, no emoji font. Noto Sans CJK has ☎ (U+260E BLACK TELEPHONE, a text-presentation symbol — checked
 * in headless Chromium with a fontconfig holding only /usr/share/fonts/opentype/noto); the emoji 📞 (U+1F4DE) and ✆
 * (U+2706) are missing from it and show as an empty box. So: the link is "☎ 拨打 Call" and no text there uses a
 * character outside the Basic Multilingual Plane (where the emoji are) or an emoji-presentation selector (U+FE0F).
 */
class DialLinkGlyphTest {

    static final Pattern DIAL_LINK = Pattern.compile("\\[([^\\]]*)\\]\\((/camunda/careloop/dial\\.html\\?[^)]*)\\)");

    @ParameterizedTest
    @CsvSource({"callCustomer, followUp={{followUpNumber}}", "confirmResolution, feedback={{feedbackNumber}}"})
    void theFormsDialLinkIsTheTelephoneGlyphNotoCjkHas(String form, String query) throws IOException {
        List<String> links = new ArrayList<>();
        for (JsonNode component : new ObjectMapper().readTree(Path.of("bpmn/forms/" + form + ".form").toFile()).get("components")) {
            Matcher m = DIAL_LINK.matcher(component.path("text").asText());
            while (m.find()) {
                links.add(m.group(1) + " -> " + m.group(2));
                assertThat(m.group(1)).as(form + " link text").isEqualTo("☎ 拨打 Call");
                assertThat(m.group(2)).endsWith("dial.html?" + query);
            }
            assertThat(drawnWithoutEmojiFont(component.path("text").asText())).as(form + " " + component.path("id").asText()).isTrue();
        }
        assertThat(links).as(form + " dial links").hasSize(1);
    }

    @Test
    void theDialPageUsesNoEmoji() throws IOException {
        String page = Files.readString(Path.of("src/main/resources/static/camunda/careloop/dial.html"));
        assertThat(page).contains("<h1>☎ 拨打 Call</h1>");
        assertThat(drawnWithoutEmojiFont(page)).isTrue();
    }

    static boolean drawnWithoutEmojiFont(String text) {
        return text.codePoints().noneMatch(c -> Character.isSupplementaryCodePoint(c) || c == 0xFE0F || c == 0x2706);
    }
}
