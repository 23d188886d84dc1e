package io.cpeoperator.operator.qoe.report;

import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.operator.qoe.QoeAssessment;

import java.util.function.Consumer;

/**
 * Optionally rewords the deterministic report. Must never block an evaluation on the network and never lose the
 * deterministic text: when it has nothing better, it returns the assessment's own report.
 */
public interface ReportRephraser extends AutoCloseable {

    /** The report to show for the assessment now. */
    String rephrase(DeviceId id, QoeAssessment assessment);

    default void forget(DeviceId id) {
    }

    /** Registers who to tell when a better text for a device has arrived (an asynchronous rephraser). */
    default void onReady(Consumer<DeviceId> callback) {
    }

    @Override
    default void close() {
    }

    /** The default: the deterministic report as it is; no network. */
    static ReportRephraser none() {
        return (id, assessment) -> assessment.report();
    }
}
