package com.careloop.customer;

import java.util.regex.Pattern;

/**
 * Whether a phone number can receive texts in mainland China: a mainland mobile number is 1[3-9] followed by 9 digits,
 * optionally written with +86 / 0086 / 86 and spaces or dashes (13812345678, +86 138-1234-5678). A landline (010-…) is
 * not one.
 */
public final class MainlandMobile {

    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");

    private MainlandMobile() {
    }

    public static boolean matches(String phone) {
        return normalized(phone) != null;
    }

    /** The 11 digits of a mainland mobile number, or null when the phone is not one. */
    public static String normalized(String phone) {
        if (phone == null) {
            return null;
        }
        String p = phone.strip().replaceAll("[\\s()-]", "");
        if (p.startsWith("+86")) {
            p = p.substring(3);
        } else if (p.startsWith("0086")) {
            p = p.substring(4);
        } else if (p.startsWith("86") && p.length() == 13) {
            p = p.substring(2);
        }
        return MOBILE.matcher(p).matches() ? p : null;
    }
}
