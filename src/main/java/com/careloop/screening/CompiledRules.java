package com.careloop.screening;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * A fast path for decision tables written in the simple FEEL that business users write here: a FIRST or
 * UNIQUE table whose input expressions are variable names, whose input entries are "-", string literals,
 * numbers, comparisons (&lt; 30, &gt;= 14), ranges ([0..3], ]1..7[) or lists of those, and whose outputs are
 * literals. Anything else cannot be compiled ({@link #compile} returns null) and the table is evaluated by the
 * DMN engine instead. {@link ScreeningRules} checks a compiled table against the DMN engine before using it.
 */
final class CompiledRules {

    private record CompiledRule(List<Predicate<Object>> tests, Map<String, Object> outputs) {}

    private final List<String> inputNames;
    private final List<CompiledRule> rules;

    private CompiledRules(List<String> inputNames, List<CompiledRule> rules) {
        this.inputNames = inputNames;
        this.rules = rules;
    }

    List<String> inputNames() {
        return inputNames;
    }

    /** The outputs of the first matching rule, or null. */
    Map<String, Object> evaluate(Map<String, Object> variables) {
        Object[] values = new Object[inputNames.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = variables.get(inputNames.get(i));
        }
        for (CompiledRule rule : rules) {
            boolean match = true;
            for (int i = 0; i < values.length && match; i++) {
                match = rule.tests().get(i).test(values[i]);
            }
            if (match) {
                return rule.outputs();
            }
        }
        return null;
    }

    /** Per input: null, every number its entries mention (and its neighbours), every string and one other (for the self-check). */
    static List<List<Object>> interestingValues(InputStream dmn, String decisionKey) {
        DmnModelInstance model = Dmn.readModelFromStream(dmn);
        DecisionTable table = ((Decision) model.getModelElementById(decisionKey)).getChildElementsByType(DecisionTable.class).iterator().next();
        List<List<Object>> all = new ArrayList<>();
        for (int i = 0; i < table.getInputs().size(); i++) {
            all.add(interestingValues(table, i));
        }
        return all;
    }

    private static List<Object> interestingValues(DecisionTable table, int inputIndex) {
        List<Object> values = new ArrayList<>();
        values.add(null);
        Matcher numbers = Pattern.compile("-?\\d+(\\.\\d+)?").matcher("");
        Matcher strings = Pattern.compile("\"([^\"]*)\"").matcher("");
        for (Rule rule : table.getRules()) {
            String text = new ArrayList<>(rule.getInputEntries()).get(inputIndex).getTextContent();
            numbers.reset(text);
            while (numbers.find()) {
                int n = new BigDecimal(numbers.group()).intValue();
                values.add(n - 1);
                values.add(n);
                values.add(n + 1);
            }
            strings.reset(text);
            while (strings.find()) {
                values.add(strings.group(1));
            }
        }
        if (values.stream().anyMatch(v -> v instanceof String)) {
            values.add("OTHER");
        }
        return values;
    }

    static CompiledRules compile(InputStream dmn, String decisionKey) {
        try {
            DmnModelInstance model = Dmn.readModelFromStream(dmn);
            Decision decision = model.getModelElementById(decisionKey);
            Collection<DecisionTable> tables = decision.getChildElementsByType(DecisionTable.class);
            if (tables.size() != 1) {
                return null;
            }
            DecisionTable table = tables.iterator().next();
            if (table.getHitPolicy() != HitPolicy.FIRST && table.getHitPolicy() != HitPolicy.UNIQUE) {
                return null;
            }
            List<String> names = new ArrayList<>();
            for (Input input : table.getInputs()) {
                String expr = input.getInputExpression().getText().getTextContent().strip();
                String language = input.getInputExpression().getExpressionLanguage();
                if (!expr.matches("[A-Za-z_][A-Za-z0-9_]*") || (language != null && !language.equalsIgnoreCase("feel"))) {
                    return null;
                }
                names.add(expr);
            }
            List<String> outputNames = table.getOutputs().stream().map(Output::getName).toList();
            List<CompiledRule> rules = new ArrayList<>();
            for (Rule rule : table.getRules()) {
                List<Predicate<Object>> tests = new ArrayList<>();
                for (InputEntry entry : rule.getInputEntries()) {
                    if (entry.getExpressionLanguage() != null && !entry.getExpressionLanguage().equalsIgnoreCase("feel")) {
                        return null;
                    }
                    Predicate<Object> test = unaryTests(entry.getText().getTextContent());
                    if (test == null) {
                        return null;
                    }
                    tests.add(test);
                }
                Map<String, Object> outputs = new java.util.LinkedHashMap<>();
                List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
                for (int i = 0; i < entries.size(); i++) {
                    String text = entries.get(i).getText() == null ? "" : entries.get(i).getText().getTextContent().strip();
                    Object value = literal(text);
                    if (value == UNSUPPORTED) {
                        return null;
                    }
                    outputs.put(outputNames.get(i), value);
                }
                rules.add(new CompiledRule(tests, outputs));
            }
            return new CompiledRules(names, rules);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static final Object UNSUPPORTED = new Object();
    private static final Pattern RANGE = Pattern.compile("([\\[\\]])\\s*(-?\\d+(?:\\.\\d+)?)\\s*\\.\\.\\s*(-?\\d+(?:\\.\\d+)?)\\s*([\\[\\]])");
    private static final Pattern COMPARE = Pattern.compile("(<=|>=|<|>)\\s*(-?\\d+(?:\\.\\d+)?)");

    private static Object literal(String text) {
        if (text.isEmpty() || text.equals("null")) {
            return null;
        }
        if (text.startsWith("\"") && text.endsWith("\"") && text.length() >= 2 && text.indexOf('"', 1) == text.length() - 1) {
            return text.substring(1, text.length() - 1);
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        if (text.matches("-?\\d+")) {
            long n = Long.parseLong(text);
            return n == (int) n ? (Object) (int) n : (Object) n;
        }
        return UNSUPPORTED;
    }

    /** "-", or a comma-separated list of simple tests; null when something else is written. */
    static Predicate<Object> unaryTests(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty() || text.equals("-")) {
            return v -> true;
        }
        List<Predicate<Object>> any = new ArrayList<>();
        for (String part : splitTopLevel(text)) {
            Predicate<Object> test = unaryTest(part.strip());
            if (test == null) {
                return null;
            }
            any.add(test);
        }
        return v -> {
            for (Predicate<Object> t : any) {
                if (t.test(v)) {
                    return true;
                }
            }
            return false;
        };
    }

    private static Predicate<Object> unaryTest(String t) {
        if (t.equals("null")) {
            return v -> v == null;
        }
        if (t.startsWith("\"") && t.endsWith("\"") && t.length() >= 2 && t.indexOf('"', 1) == t.length() - 1) {
            String s = t.substring(1, t.length() - 1);
            return v -> v instanceof String str && str.equals(s);
        }
        Matcher range = RANGE.matcher(t);
        if (range.matches()) {
            BigDecimal lo = new BigDecimal(range.group(2));
            BigDecimal hi = new BigDecimal(range.group(3));
            boolean loIncl = range.group(1).equals("[");
            boolean hiIncl = range.group(4).equals("]");
            return v -> {
                BigDecimal n = number(v);
                if (n == null) {
                    return false;
                }
                int a = n.compareTo(lo);
                int b = n.compareTo(hi);
                return (loIncl ? a >= 0 : a > 0) && (hiIncl ? b <= 0 : b < 0);
            };
        }
        Matcher cmp = COMPARE.matcher(t);
        if (cmp.matches()) {
            BigDecimal bound = new BigDecimal(cmp.group(2));
            String op = cmp.group(1);
            return v -> {
                BigDecimal n = number(v);
                if (n == null) {
                    return false;
                }
                int c = n.compareTo(bound);
                return switch (op) {
                    case "<" -> c < 0;
                    case "<=" -> c <= 0;
                    case ">" -> c > 0;
                    default -> c >= 0;
                };
            };
        }
        if (t.matches("-?\\d+(\\.\\d+)?")) {
            BigDecimal n0 = new BigDecimal(t);
            return v -> {
                BigDecimal n = number(v);
                return n != null && n.compareTo(n0) == 0;
            };
        }
        return null;
    }

    private static BigDecimal number(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof Number n) {
            return BigDecimal.valueOf(n.doubleValue());
        }
        return null;
    }

    /** Splits a list of unary tests on the commas outside string literals (FEEL ranges contain no commas). */
    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        StringBuilder current = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }
}
