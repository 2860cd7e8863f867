package com.careloop.followup;

import com.careloop.engine.FormInput;
import com.careloop.feedback.Urgency;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One issue the customer reported on a call: its type, urgency and the customer's own words. The call form's
 * dynamic list {@value #FIELD} holds any number of them (entries {@code type}, {@code urgency}, {@code description});
 * each becomes its own feedback item. Errors name the entry: {@code issues[1].urgency}.
 */
public record CallIssue(CallFeedbackType type, Urgency urgency, String description) {

    /** The form field (a form-js dynamic list) and its entry keys. */
    public static final String FIELD = "issues";
    public static final String TYPE = "type";
    public static final String URGENCY = "urgency";
    public static final String DESCRIPTION = "description";
    public static final int MAX_ISSUES = 20;
    public static final int MAX_DESCRIPTION = 2000;

    /**
     * The call form's fixed issue groups: issue 1 is feedbackType / feedbackUrgency / feedbackText, issues 2 to
     * {@value #FORM_GROUPS} are {@code issue<n>Type}, {@code issue<n>Urgency}, {@code issue<n>Text}. (Tasklist 7.24
     * disables "Complete" as soon as a field inside a form-js dynamic list changes — it counts the empty error lists
     * form-js 1.8.7 keeps for list entries — so the form shows groups; the list {@value #FIELD} is for REST clients.)
     */
    public static final int FORM_GROUPS = 4;

    public static String typeKey(int group) {
        return "issue" + group + "Type";
    }

    public static String urgencyKey(int group) {
        return "issue" + group + "Urgency";
    }

    public static String textKey(int group) {
        return "issue" + group + "Text";
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Issues 2 … {@value #FORM_GROUPS} of the form's groups; a group without type (or NONE) is skipped. */
    static List<CallIssue> readGroups(FormInput in) {
        List<CallIssue> issues = new ArrayList<>();
        for (int n = 2; n <= FORM_GROUPS; n++) {
            CallFeedbackType type = in.optionalEnum(typeKey(n), CallFeedbackType.class);
            if (type == null || type == CallFeedbackType.NONE) {
                continue;
            }
            Urgency urgency = in.optionalEnum(urgencyKey(n), Urgency.class);
            String text = in.text(textKey(n), MAX_DESCRIPTION, true);
            if (text != null) {
                issues.add(new CallIssue(type, urgency == null ? Urgency.NORMAL : urgency, text));
            }
        }
        return issues;
    }

    /**
     * The reported issues of the field {@value #FIELD}: a list of objects (form-js), a JSON array text or JSON value
     * (REST clients, Tasklist). An entry left empty (no type, no words) is skipped; every other entry is checked.
     */
    static List<CallIssue> read(FormInput in, Object raw) {
        List<CallIssue> issues = new ArrayList<>();
        JsonNode list = asJson(raw);
        if (list == null || list.isNull() || list.isMissingNode()) {
            return issues;
        }
        if (!list.isArray()) {
            in.error(FIELD, "must be a list of {type, urgency, description}");
            return issues;
        }
        if (list.size() > MAX_ISSUES) {
            in.error(FIELD, "must have at most " + MAX_ISSUES + " entries but has " + list.size());
            return issues;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            String at = FIELD + "[" + i + "].";
            if (!entry.isObject()) {
                in.error(FIELD + "[" + i + "]", "must be an object {type, urgency, description}");
                continue;
            }
            String type = text(entry, TYPE);
            String description = text(entry, DESCRIPTION);
            if ((type == null || type.equalsIgnoreCase(CallFeedbackType.NONE.name())) && description == null) {
                continue; // an empty row of the list
            }
            CallFeedbackType t = enumOf(in, at + TYPE, type, CallFeedbackType.class, List.of(CallFeedbackType.NONE));
            Urgency u = enumOf(in, at + URGENCY, text(entry, URGENCY), Urgency.class, List.of());
            if (description == null) {
                in.error(at + DESCRIPTION, "is required");
            } else if (description.length() > MAX_DESCRIPTION) {
                in.error(at + DESCRIPTION, "must be at most " + MAX_DESCRIPTION + " characters but has " + description.length());
            }
            if (t != null && u != null && description != null && description.length() <= MAX_DESCRIPTION) {
                issues.add(new CallIssue(t, u, description));
            }
        }
        return issues;
    }

    private static JsonNode asJson(Object raw) {
        if (raw == null) {
            return null;
        }
        try {
            if (raw instanceof Collection<?> || raw instanceof Map<?, ?>) {
                return JSON.valueToTree(raw);
            }
            String text = raw.toString().strip(); // a JSON text, or a Spin JSON value (its text)
            return text.isEmpty() ? null : JSON.readTree(text);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return JSON.getNodeFactory().textNode("unreadable");
        }
    }

    private static String text(JsonNode entry, String key) {
        JsonNode v = entry.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    private static <E extends Enum<E>> E enumOf(FormInput in, String key, String value, Class<E> type, List<E> refused) {
        if (value == null) {
            in.error(key, "is required");
            return null;
        }
        List<E> allowed = Arrays.stream(type.getEnumConstants()).filter(e -> !refused.contains(e)).toList();
        for (E e : allowed) {
            if (e.name().equalsIgnoreCase(value)) {
                return e;
            }
        }
        in.error(key, "must be one of " + allowed + " but was '" + value + "'");
        return null;
    }
}
