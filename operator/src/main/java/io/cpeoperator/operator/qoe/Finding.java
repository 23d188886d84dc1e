package io.cpeoperator.operator.qoe;

import io.cpeoperator.operator.qoe.signals.Evidence;

import java.util.List;

/**
 * Something that hurts the experience, with what it rests on and what to do.
 *
 * @param code     stable identifier ({@link FindingCodes})
 * @param score    the score of the check that raised it (0-100), to order findings of one severity
 * @param headline what is wrong without fast-moving numbers, for the QoEHealthy condition message
 * @param message  what was measured, with the numbers
 * @param evidence every parameter and value the finding rests on, with their observation times
 * @param action   what to do, from the data where the data says (e.g. which channel to move to)
 */
public record Finding(String code, Severity severity, Factor factor, int score, String headline, String message,
                      List<Evidence> evidence, String action) {

    public Finding {
        evidence = List.copyOf(evidence);
    }
}
