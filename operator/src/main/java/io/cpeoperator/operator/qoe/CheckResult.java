package io.cpeoperator.operator.qoe;

import java.util.Optional;

/**
 * The outcome of one check.
 *
 * @param score       0-100 when {@link State#ASSESSED}, else 0 and ignored
 * @param observation what was seen, with numbers, for the report ("7 clients, the weakest at -66 dBm"), or why the
 *                    check could not run
 */
public record CheckResult(Factor factor, String check, State state, int score, String observation,
                          Optional<Finding> finding) {

    /** Whether a check could judge. */
    public enum State {
        /** Judged from the data. */
        ASSESSED,
        /** The device does not report what the check needs. */
        UNKNOWN,
        /** The check needs history the operator has not gathered yet. */
        NOT_YET_ASSESSED,
        /** Nothing to judge (no clients, not a PPP link): neither good nor bad. */
        NOT_APPLICABLE
    }

    public static CheckResult assessed(Factor factor, String check, int score, String observation) {
        return new CheckResult(factor, check, State.ASSESSED, clamp(score), observation, Optional.empty());
    }

    public static CheckResult raised(Factor factor, String check, int score, String observation, Finding finding) {
        return new CheckResult(factor, check, State.ASSESSED, clamp(score), observation, Optional.of(finding));
    }

    public static CheckResult unknown(Factor factor, String check, String why) {
        return new CheckResult(factor, check, State.UNKNOWN, 0, why, Optional.empty());
    }

    public static CheckResult notYet(Factor factor, String check, String why) {
        return new CheckResult(factor, check, State.NOT_YET_ASSESSED, 0, why, Optional.empty());
    }

    public static CheckResult notApplicable(Factor factor, String check, String why) {
        return new CheckResult(factor, check, State.NOT_APPLICABLE, 0, why, Optional.empty());
    }

    public boolean assessed() {
        return state == State.ASSESSED;
    }

    private static int clamp(int score) {
        return Math.max(0, Math.min(100, score));
    }
}
