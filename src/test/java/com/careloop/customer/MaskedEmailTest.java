package com.careloop.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskedEmailTest {

    @Test
    void keepsTheFirstCharacterAndTheDomain() {
        assertThat(MaskedEmail.of("wang.fang@example.com")).isEqualTo("w***@example.com");
        assertThat(MaskedEmail.of(" w@example.com ")).isEqualTo("w***@example.com");
        assertThat(MaskedEmail.of("not-an-address")).isEqualTo("***");
        assertThat(MaskedEmail.of(null)).isEmpty();
        assertThat(MaskedEmail.of(" ")).isEmpty();
    }

    @Test
    void theMaskedPhoneAndEMailHideEverythingButTheirEnds() {
        assertThat(MaskedPhone.of("13800001000")).isEqualTo("138****1000");
        assertThat(MaskedEmail.of("13800001000@example.com")).doesNotContain("13800001000");
    }
}
