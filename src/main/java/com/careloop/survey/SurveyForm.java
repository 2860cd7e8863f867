package com.careloop.survey;

import com.careloop.followup.OnlineAnswer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The survey page's fields and their checks: {@code satisfaction} 1–5 and {@code nps} 0–10 required; {@code attitude},
 * {@code expertise}, {@code timeliness}, {@code resolution}, {@code convenience} 1–5 optional; {@code resolved} yes/no
 * optional; {@code comment} at most 1,000 characters; {@code callback} (the customer wants a call). Each error is a
 * message per field, Chinese first.
 */
final class SurveyForm {

    /** The five dimensions of a call's survey, with their labels (zh, en). */
    static final String[][] DIMENSIONS = {
            {"attitude", "服务态度", "Attitude"},
            {"expertise", "专业能力", "Expertise"},
            {"timeliness", "响应及时性", "Timeliness"},
            {"resolution", "问题解决效果", "Resolution"},
            {"convenience", "服务便捷性", "Convenience"}};

    /** What was submitted (to show it again) and either the answer or the errors per field. */
    record Parsed(Map<String, String> values, OnlineAnswer answer, Map<String, String[]> errors) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    private SurveyForm() {
    }

    static Parsed parse(Map<String, String[]> params) {
        return parse(params, false);
    }

    /** {@code revisit}: a closure re-visit's page, where {@code resolved} is required (it decides: closed or reopened). */
    static Parsed parse(Map<String, String[]> params, boolean revisit) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String[]> errors = new LinkedHashMap<>();
        for (String name : new String[] {"satisfaction", "nps", "attitude", "expertise", "timeliness", "resolution", "convenience",
                "resolved", "comment", "callback"}) {
            String[] v = params.get(name);
            values.put(name, v == null || v.length == 0 || v[0] == null ? "" : v[0]);
        }
        Integer satisfaction = score(values.get("satisfaction"), 1, 5, true, "satisfaction", errors);
        Integer nps = score(values.get("nps"), 0, 10, true, "nps", errors);
        Integer[] dims = new Integer[DIMENSIONS.length];
        for (int i = 0; i < DIMENSIONS.length; i++) {
            dims[i] = score(values.get(DIMENSIONS[i][0]), 1, 5, false, DIMENSIONS[i][0], errors);
        }
        Boolean resolved = switch (values.get("resolved")) {
            case "" -> {
                if (revisit) {
                    errors.put("resolved", new String[] {"请选择问题是否已解决", "Say whether your issue is resolved"});
                }
                yield null;
            }
            case "yes" -> Boolean.TRUE;
            case "no" -> Boolean.FALSE;
            default -> {
                errors.put("resolved", new String[] {"请选择“是”或“否”", "Choose yes or no"});
                yield null;
            }
        };
        String comment = values.get("comment").replace("\r\n", "\n");
        if (comment.codePointCount(0, comment.length()) > OnlineAnswer.MAX_COMMENT || comment.length() > OnlineAnswer.MAX_COMMENT) {
            errors.put("comment", new String[] {"留言最多 " + OnlineAnswer.MAX_COMMENT + " 个字（当前 " + comment.length() + " 个）",
                    "At most " + OnlineAnswer.MAX_COMMENT + " characters (now " + comment.length() + ")"});
        }
        String callback = values.get("callback");
        if (!callback.isEmpty() && !callback.equals("yes")) {
            errors.put("callback", new String[] {"无效的选项", "Invalid choice"});
        }
        if (!errors.isEmpty()) {
            return new Parsed(values, null, errors);
        }
        return new Parsed(values, new OnlineAnswer(satisfaction, nps, dims[0], dims[1], dims[2], dims[3], dims[4], resolved,
                comment, callback.equals("yes")), errors);
    }

    private static Integer score(String value, int min, int max, boolean required, String field, Map<String, String[]> errors) {
        if (value.isEmpty()) {
            if (required) {
                errors.put(field, new String[] {"请选择 " + min + "–" + max + " 分", "Choose a score from " + min + " to " + max});
            }
            return null;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        errors.put(field, new String[] {"分数须在 " + min + "–" + max + " 之间", "The score must be from " + min + " to " + max});
        return null;
    }
}
