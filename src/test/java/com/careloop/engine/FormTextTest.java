package com.careloop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What goes into a form's text component shows as text: no tag, no markdown link, no autolinked URL survives. */
class FormTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"<a href=\"https://evil.example/x\">点此领奖</a>", "[点此](https://evil.example)",
            "![x](https://evil.example/p.png)", "https://evil.example", "<img src=x onerror=alert(1)>"})
    void noLinkOrTagSurvives(String name) {
        String shown = FormText.plain(name);
        assertThat(shown).doesNotContain("<", ">", "](", "://");
    }

    @Test
    void ordinaryNamesAreUnchanged() {
        assertThat(FormText.plain("张三 Zhang San")).isEqualTo("张三 Zhang San");
        assertThat(FormText.plain(null)).isEmpty();
    }
}
