package com.careloop.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careloop.notification.SmsChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A message type becomes its approved template with named variables; a type without one is never sent as free text. */
class ProviderSmsChannelTest {

    final List<ProviderSms> sent = new ArrayList<>();
    final SmsProvider provider = new SmsProvider() {
        @Override
        public String name() {
            return "alibaba";
        }

        @Override
        public String send(ProviderSms sms) {
            sent.add(sms);
            return "biz-1";
        }
    };
    final ProviderSmsChannel channel = new ProviderSmsChannel(provider,
            Map.of("SURVEY_TEXT", new SmsProviderProperties.Template("SMS_465000001", List.of("company", "scenario", "link"))));

    @Test
    void aMessageTypeIsSentAsItsTemplateWithTheVariablesNamedInOrder() {
        assertThat(channel.send(new SmsChannel.Text("13800001000", "full text", "SURVEY_TEXT", List.of("示例公司", "使用回访", "https://x/s/t", "7"))))
                .isTrue();
        assertThat(sent).singleElement().satisfies(s -> {
            assertThat(s.templateCode()).isEqualTo("SMS_465000001");
            assertThat(s.variables()).containsExactly(Map.entry("company", "示例公司"), Map.entry("scenario", "使用回访"),
                    Map.entry("link", "https://x/s/t"), Map.entry("4", "7"));
        });
    }

    @Test
    void theProvidersIdOfTheTextIsKeptForItsReceipt() {
        assertThat(channel.deliver(new SmsChannel.Text("13800001000", "full text", "SURVEY_TEXT", List.of("a", "b", "c"))))
                .isEqualTo(new SmsChannel.Sent(true, "biz-1"));
    }

    @Test
    void aTypeWithoutAnApprovedTemplateFailsAndNamesTheSetting() {
        assertThatThrownBy(() -> channel.send(new SmsChannel.Text("13800001000", "text", "ESCALATION", List.of())))
                .hasMessageContaining("careloop.sms.templates.ESCALATION.code");
        assertThatThrownBy(() -> channel.send("13800001000", "free text")).hasMessageContaining("approved templates only");
        assertThat(sent).isEmpty();
    }
}
