package com.careloop.customer;

/**
 * An e-mail address as everyone but the people who need it see it: the first character of the local part, three
 * stars, the domain (wang.fang@example.com → w***@example.com). The sibling of {@link MaskedPhone}.
 */
public final class MaskedEmail {

    private MaskedEmail() {
    }

    public static String of(String email) {
        if (email == null || email.isBlank()) {
            return "";
        }
        String e = email.strip();
        int at = e.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return e.charAt(0) + "***" + e.substring(at);
    }
}
