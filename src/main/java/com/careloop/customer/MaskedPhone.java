package com.careloop.customer;

/**
 * A phone number as everyone but the caller sees it: the first three and the last four digits, the middle starred
 * (13800001000 → 138****1000). Short numbers keep only their last two characters.
 */
public final class MaskedPhone {

    private MaskedPhone() {
    }

    public static String of(String phone) {
        if (phone == null || phone.isBlank()) {
            return "";
        }
        String p = phone.strip().replaceAll("[\\s-]", "");
        if (p.length() >= 8) {
            return p.substring(0, 3) + "****" + p.substring(p.length() - 4);
        }
        return "*".repeat(Math.max(0, p.length() - 2)) + p.substring(Math.max(0, p.length() - 2));
    }
}
