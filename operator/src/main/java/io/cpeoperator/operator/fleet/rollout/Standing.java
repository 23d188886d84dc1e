package io.cpeoperator.operator.fleet.rollout;

/** Where one selected device stands in its fleet's rollout of a version. */
public enum Standing {
    /** Not admitted yet and not running the version. */
    PENDING,
    /** Admitted; downloading, installing or rebooting into the version. */
    IN_FLIGHT,
    /** Runs the version and has not failed on it. */
    UPDATED,
    /** Its download or install failed, or it rebooted on its own after booting into the version. */
    FAILED,
    /** Left alone: its own spec.firmware wins, or another fleet sets different firmware for it. */
    EXCLUDED
}
