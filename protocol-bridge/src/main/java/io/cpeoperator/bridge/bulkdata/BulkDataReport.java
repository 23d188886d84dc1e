package io.cpeoperator.bridge.bulkdata;

import io.cpeoperator.bridge.twin.ParameterValue;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One report of an upload: the parameter values a device collected at one time.
 *
 * @param collectedAt the report's own time (CollectionTime / ReportTimestamp), or the receive time when the profile
 *                    sends none
 * @param parameters  full parameter paths and their values, in the order of the report
 */
public record BulkDataReport(Instant collectedAt, List<ParameterValue> parameters) {

    public BulkDataReport {
        Objects.requireNonNull(collectedAt, "collectedAt");
        parameters = List.copyOf(parameters);
    }
}
