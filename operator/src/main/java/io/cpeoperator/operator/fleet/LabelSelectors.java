package io.cpeoperator.operator.fleet;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;

import java.util.List;
import java.util.Map;

/** Evaluates a Kubernetes label selector against a label map, with the API server's semantics. */
public final class LabelSelectors {

    private LabelSelectors() {
    }

    /** A null selector selects nothing (a fleet without selector must not grab every device). */
    public static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> actual = labels == null ? Map.of() : labels;
        if (selector.getMatchLabels() != null) {
            for (Map.Entry<String, String> wanted : selector.getMatchLabels().entrySet()) {
                if (!wanted.getValue().equals(actual.get(wanted.getKey()))) {
                    return false;
                }
            }
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
                if (!matches(requirement, actual)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A problem with the selector for the user, or null when it is valid. */
    public static String problem(LabelSelector selector) {
        if (selector == null) {
            return "spec.selector is missing: set matchLabels or matchExpressions, e.g. matchLabels: {cpeoperator.io/protocol: cwmp}";
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
                String operator = requirement.getOperator();
                List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
                if (operator == null || !List.of("In", "NotIn", "Exists", "DoesNotExist").contains(operator)) {
                    return "spec.selector.matchExpressions operator '" + operator + "' must be In, NotIn, Exists or DoesNotExist";
                }
                boolean needsValues = operator.equals("In") || operator.equals("NotIn");
                if (needsValues == values.isEmpty()) {
                    return "spec.selector.matchExpressions for key '" + requirement.getKey() + "': " + operator
                            + (needsValues ? " needs values" : " takes no values");
                }
            }
        }
        return null;
    }

    private static boolean matches(LabelSelectorRequirement requirement, Map<String, String> labels) {
        String value = labels.get(requirement.getKey());
        List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
        return switch (requirement.getOperator()) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> labels.containsKey(requirement.getKey());
            case "DoesNotExist" -> !labels.containsKey(requirement.getKey());
            default -> false;
        };
    }
}
