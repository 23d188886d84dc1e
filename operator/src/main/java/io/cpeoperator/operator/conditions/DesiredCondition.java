package io.cpeoperator.operator.conditions;

import java.util.Objects;

/**
 * What a reconciler concluded about one condition type. {@link Conditions} turns it into a Kubernetes condition,
 * keeping the transition time when the status did not change.
 *
 * @param type    PascalCase adjective, e.g. "Connected"
 * @param reason  CamelCase reason, e.g. "SessionOpen"
 * @param message a sentence for a person
 */
public record DesiredCondition(String type, ConditionStatus status, String reason, String message) {

    public DesiredCondition {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        message = message == null ? "" : message;
    }

    public static DesiredCondition isTrue(String type, String reason, String message) {
        return new DesiredCondition(type, ConditionStatus.TRUE, reason, message);
    }

    public static DesiredCondition isFalse(String type, String reason, String message) {
        return new DesiredCondition(type, ConditionStatus.FALSE, reason, message);
    }

    public static DesiredCondition unknown(String type, String reason, String message) {
        return new DesiredCondition(type, ConditionStatus.UNKNOWN, reason, message);
    }
}
