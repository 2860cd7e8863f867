package com.careloop.quality.alert;

/** How an alert rule compares the measured value with its threshold: the rule is breached when the comparison holds. */
public enum Comparison {
    LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean holds(double value, double threshold) {
        return switch (this) {
            case LT -> value < threshold;
            case LE -> value <= threshold;
            case GT -> value > threshold;
            case GE -> value >= threshold;
        };
    }

    public static Comparison of(String symbol) {
        if (symbol != null) {
            for (Comparison c : values()) {
                if (c.symbol.equals(symbol.trim()) || c.name().equalsIgnoreCase(symbol.trim())) {
                    return c;
                }
            }
        }
        throw new IllegalArgumentException("unknown comparison '" + symbol + "' (one of <, <=, >, >=)");
    }
}
