package com.careloop.survey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * The survey page, server-rendered without scripts: mobile first (one column, 16 px text, large touch targets, works
 * at 360 px), zh-CN with an English switch ({@code ?lang=en}), every input with its label, radio groups in fieldsets
 * with legends (usable by keyboard: Tab between groups, arrow keys inside one). The style is inline and allowed by its
 * hash in the page's Content-Security-Policy ({@link #CSP}); nothing else may load or run.
 */
final class SurveyPage {

    static final String CSS = "body{margin:0;font:16px/1.5 system-ui,-apple-system,'PingFang SC','Noto Sans CJK SC',sans-serif;"
            + "color:#1f2933;background:#f5f7fa}main{max-width:520px;margin:0 auto;padding:16px}"
            + "h1{font-size:1.3em;margin:.2em 0}.about{color:#52606d;margin:0 0 1em}"
            + "fieldset{border:1px solid #cbd2d9;border-radius:8px;margin:0 0 12px;padding:8px 12px;background:#fff}"
            + "legend{font-weight:600;padding:0 4px}.opts{display:flex;flex-wrap:wrap;gap:6px}"
            + ".opts label{display:inline-flex;align-items:center;justify-content:center;min-width:40px;min-height:40px;"
            + "border:1px solid #9aa5b1;border-radius:6px;padding:0 6px;background:#fff;cursor:pointer}"
            + ".opts input{margin:0 4px 0 0}input:focus-visible,textarea:focus-visible,button:focus-visible,a:focus-visible"
            + "{outline:3px solid #2563eb;outline-offset:2px}textarea{width:100%;box-sizing:border-box;min-height:6em;font:inherit}"
            + ".err{color:#b91c1c;margin:4px 0 0;font-weight:600}.hint{color:#52606d;font-size:.9em}"
            + "button{width:100%;min-height:48px;font:inherit;font-weight:600;color:#fff;background:#2563eb;border:0;border-radius:8px}"
            + ".lang{float:right}.summary{border:2px solid #b91c1c;border-radius:8px;padding:8px 12px;background:#fff}"
            + ".check{display:flex;gap:8px;align-items:center;min-height:40px}";

    /** Only the inline style above, forms to this origin, no framing, no scripts. */
    static final String CSP = "default-src 'none'; style-src 'sha256-" + sha256(CSS) + "'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    private SurveyPage() {
    }

    /** What the page is about; {@code revisit}: a closure re-visit, which must say whether the issue is resolved. */
    record Subject(String company, String about, boolean revisit) {}

    static String form(String token, boolean en, Subject subject, Map<String, String> values, Map<String, String[]> errors,
                       String csrf) {
        StringBuilder b = start(en, en ? "Customer survey" : "满意度调查");
        b.append("<a class=\"lang\" href=\"/s/").append(token).append(en ? "\" lang=\"zh-CN\">中文</a>" : "?lang=en\" lang=\"en\">English</a>");
        b.append("<h1>").append(esc(subject.company())).append(en ? " — how did we do?" : " 满意度调查").append("</h1>");
        b.append("<p class=\"about\">").append(esc(subject.about())).append("</p>");
        if (!errors.isEmpty()) {
            b.append("<div class=\"summary\" role=\"alert\"><p class=\"err\">")
                    .append(en ? "Please check the marked answers." : "请检查标出的问题。").append("</p></div>");
        }
        b.append("<form method=\"post\" action=\"/s/").append(token).append(en ? "?lang=en" : "").append("\" novalidate>");
        b.append("<input type=\"hidden\" name=\"_csrf\" value=\"").append(esc(csrf)).append("\">");
        scale(b, "satisfaction", en ? "Overall, how satisfied are you? (1 = very dissatisfied, 5 = very satisfied)"
                : "总体满意度（1 = 非常不满意，5 = 非常满意）", 1, 5, true, values, errors, en);
        scale(b, "nps", en ? "How likely are you to recommend us to a friend? (0–10)" : "您向亲友推荐我们的可能性有多大？（0–10 分）",
                0, 10, true, values, errors, en);
        for (String[] d : SurveyForm.DIMENSIONS) {
            scale(b, d[0], (en ? d[2] : d[1]) + (en ? " (optional, 1–5)" : "（选填，1–5 分）"), 1, 5, false, values, errors, en);
        }
        b.append("<fieldset").append(described("resolved", errors)).append("><legend>")
                .append(subject.revisit() ? (en ? "Is your issue resolved? (required)" : "您的问题是否已解决？（必填）")
                        : en ? "Is your issue resolved? (optional)" : "您的问题是否已解决？（选填）").append("</legend><div class=\"opts\">");
        radio(b, "resolved", "yes", en ? "Yes" : "是", values);
        radio(b, "resolved", "no", en ? "No" : "否", values);
        b.append("</div>");
        error(b, "resolved", errors, en);
        b.append("</fieldset>");
        b.append("<fieldset><legend><label for=\"comment\">").append(en ? "Anything else you want to tell us? (optional)" : "您还想告诉我们什么？（选填）")
                .append("</label></legend><textarea id=\"comment\" name=\"comment\" maxlength=\"1000\" aria-describedby=\"comment-hint")
                .append(errors.containsKey("comment") ? " comment-err" : "").append("\">").append(esc(values.getOrDefault("comment", "")))
                .append("</textarea><p class=\"hint\" id=\"comment-hint\">").append(en ? "At most 1,000 characters." : "最多 1000 字。").append("</p>");
        error(b, "comment", errors, en);
        b.append("</fieldset>");
        b.append("<fieldset><legend>").append(en ? "Call-back" : "回电").append("</legend><div class=\"check\"><input type=\"checkbox\" id=\"callback\" name=\"callback\" value=\"yes\"")
                .append("yes".equals(values.get("callback")) ? " checked" : "").append("><label for=\"callback\">")
                .append(en ? "Please call me back" : "请客服给我回电").append("</label></div>");
        error(b, "callback", errors, en);
        b.append("</fieldset>");
        b.append("<button type=\"submit\">").append(en ? "Submit" : "提交").append("</button></form>");
        return end(b);
    }

    static String thanks(boolean en, String company) {
        StringBuilder b = start(en, en ? "Thank you" : "感谢您的反馈");
        b.append("<h1>").append(en ? "Thank you!" : "感谢您的反馈！").append("</h1><p>")
                .append(en ? "Your answer has been received. " + esc(company) + " will use it to serve you better."
                        : "我们已收到您的回答，" + esc(company) + "将据此改进服务。").append("</p>");
        return end(b);
    }

    static String message(boolean en, String zhTitle, String enTitle, String zhText, String enText) {
        StringBuilder b = start(en, en ? enTitle : zhTitle);
        b.append("<h1>").append(en ? enTitle : zhTitle).append("</h1><p>").append(en ? enText : zhText).append("</p>");
        return end(b);
    }

    private static void scale(StringBuilder b, String name, String legend, int min, int max, boolean required,
                              Map<String, String> values, Map<String, String[]> errors, boolean en) {
        b.append("<fieldset").append(described(name, errors)).append("><legend>").append(esc(legend));
        if (required) {
            b.append(en ? " <span class=\"hint\">(required)</span>" : " <span class=\"hint\">（必填）</span>");
        }
        b.append("</legend><div class=\"opts\">");
        for (int i = min; i <= max; i++) {
            radio(b, name, String.valueOf(i), String.valueOf(i), values);
        }
        b.append("</div>");
        error(b, name, errors, en);
        b.append("</fieldset>");
    }

    private static String described(String name, Map<String, String[]> errors) {
        return errors.containsKey(name) ? " aria-describedby=\"" + name + "-err\" aria-invalid=\"true\"" : "";
    }

    private static void radio(StringBuilder b, String name, String value, String label, Map<String, String> values) {
        String id = name + "-" + value;
        b.append("<label for=\"").append(id).append("\"><input type=\"radio\" id=\"").append(id).append("\" name=\"").append(name)
                .append("\" value=\"").append(value).append('"').append(value.equals(values.get(name)) ? " checked" : "").append('>')
                .append(esc(label)).append("</label>");
    }

    private static void error(StringBuilder b, String name, Map<String, String[]> errors, boolean en) {
        String[] e = errors.get(name);
        if (e != null) {
            b.append("<p class=\"err\" id=\"").append(name).append("-err\">").append(esc(en ? e[1] : e[0])).append("</p>");
        }
    }

    private static StringBuilder start(boolean en, String title) {
        return new StringBuilder(8192).append("<!DOCTYPE html><html lang=\"").append(en ? "en" : "zh-CN")
                .append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"robots\" content=\"noindex\"><title>").append(esc(title)).append("</title><style>").append(CSS)
                .append("</style></head><body><main>");
    }

    private static String end(StringBuilder b) {
        return b.append("</main></body></html>").toString();
    }

    static String esc(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s, "UTF-8");
    }

    private static String sha256(String s) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
