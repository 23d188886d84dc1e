package io.cpeoperator.operator.conditions;

import java.util.List;

/**
 * Derives {@code Ready} from the conditions it summarises: False when any is False, Unknown when any is not known
 * yet, True otherwise. A non-True Ready carries the reason of the first condition that holds it back, and its
 * message names that condition, so {@code kubectl get} shows the cause without a {@code describe}.
 */
public final class ReadyCondition {

    private ReadyCondition() {
    }

    public static DesiredCondition summarise(List<DesiredCondition> inputs, String readyMessage) {
        for (ConditionStatus blocking : List.of(ConditionStatus.FALSE, ConditionStatus.UNKNOWN)) {
            for (DesiredCondition input : inputs) {
                if (input.status() == blocking) {
                    return new DesiredCondition(Conditions.READY, blocking, input.reason(),
                            input.type() + ": " + input.message());
                }
            }
        }
        return DesiredCondition.isTrue(Conditions.READY, "AllConditionsTrue", readyMessage);
    }
}
