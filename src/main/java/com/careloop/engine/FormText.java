package com.careloop.engine;

/**
 * Data shown inside a Camunda Form's text component ({@code {{variable}}}): the form renders markdown and HTML, so a
 * customer named {@code <a href="https://evil.example">} or {@code [点此](https://evil.example)} would become a live
 * link. {@link #plain} makes a value show as the text it is.
 */
public final class FormText {

    private FormText() {
    }

    public static String plain(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                // markdown syntax: emphasis, links, images, code, headings, lists, tables
                case '\\', '`', '*', '_', '[', ']', '(', ')', '#', '+', '-', '!', '|', '~', '{', '}' -> out.append('\\').append(c);
                // a bare URL is linked by GFM: break the scheme separator without changing what is shown
                case ':' -> out.append(value.startsWith("//", i + 1) ? "&#58;" : ":");
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
