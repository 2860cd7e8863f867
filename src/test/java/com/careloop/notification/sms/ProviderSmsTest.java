package com.careloop.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProviderSmsTest {

    @ParameterizedTest
    @ValueSource(strings = {"13800001000", "+8613800001000", "8619912345678"})
    void mainlandMobilesInEveryUsualSpellingAreTheirElevenDigits(String phone) {
        assertThat(new ProviderSms(phone, "SMS_1", Map.of()).nationalNumber()).hasSize(11).startsWith("1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"010-12345678", "01012345678", "12800001000", "1380000100", "+85291234567", ""})
    void landlinesAndForeignOrMalformedNumbersAreRefusedBeforeAnyProviderIsCalled(String phone) {
        assertThatThrownBy(() -> new ProviderSms(phone, "SMS_1", Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(phone.isEmpty() ? "\u0000" : phone);
    }

    @Test
    void aTextWithoutATemplateIsRefused() {
        assertThatThrownBy(() -> new ProviderSms("13800001000", " ", Map.of())).hasMessageContaining("template");
    }
}
