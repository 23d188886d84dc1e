package io.cpeoperator.simulator.usp;

import io.cpeoperator.simulator.device.VirtualDevice;

/**
 * Evaluates one search-expression segment ({@code [Alias=="x"&&Enable==true]}) on an instance. Supports
 * {@code == != < <= > >=} joined by {@code &&}; numbers compare numerically, everything else as text.
 */
final class SearchExpression {

    private static final String[] OPERATORS = {"==", "!=", "<=", ">=", "<", ">"};

    private SearchExpression() {
    }

    static boolean matches(VirtualDevice device, String instancePath, String segment) {
        if (!segment.startsWith("[") || !segment.endsWith("]")) {
            return false;
        }
        String body = segment.substring(1, segment.length() - 1);
        for (String term : body.split("&&", 16)) {
            if (!termMatches(device, instancePath, term.trim())) {
                return false;
            }
        }
        return true;
    }

    private static boolean termMatches(VirtualDevice device, String instancePath, String term) {
        for (String operator : OPERATORS) {
            int at = term.indexOf(operator);
            if (at > 0) {
                String key = term.substring(0, at).trim();
                String expected = unquote(term.substring(at + operator.length()).trim());
                String actual = device.valueOf(instancePath + key);
                return actual != null && compare(actual, expected, operator);
            }
        }
        return false;
    }

    private static boolean compare(String actual, String expected, String operator) {
        int order;
        try {
            order = Double.compare(Double.parseDouble(actual), Double.parseDouble(expected));
        } catch (NumberFormatException e) {
            order = actual.compareTo(expected);
        }
        return switch (operator) {
            case "==" -> order == 0;
            case "!=" -> order != 0;
            case "<=" -> order <= 0;
            case ">=" -> order >= 0;
            case "<" -> order < 0;
            default -> order > 0;
        };
    }

    private static String unquote(String text) {
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
    }
}
