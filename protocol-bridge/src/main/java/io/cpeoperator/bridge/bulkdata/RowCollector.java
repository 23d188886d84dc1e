package io.cpeoperator.bridge.bulkdata;

import io.cpeoperator.bridge.twin.ParameterPath;
import io.cpeoperator.bridge.twin.ParameterType;
import io.cpeoperator.bridge.twin.ParameterValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the rows of one upload into reports, applying the row rules shared by every encoding: a name that is
 * not a full parameter path under {@code Device.} or {@code InternetGatewayDevice.} (an alternative name, a
 * wildcard, an object path) or an over-long value is skipped and counted; more reports or rows than allowed refuse
 * the whole upload.
 */
final class RowCollector {

    private final BulkDataLimits limits;
    private final List<BulkDataReport> reports = new ArrayList<>();
    private List<ParameterValue> current;
    private Instant currentTime;
    private int rows;
    private int skipped;

    RowCollector(BulkDataLimits limits) {
        this.limits = limits;
    }

    void startReport(Instant collectedAt) throws BulkDataRejected {
        finishReport();
        if (reports.size() >= limits.maxReports()) {
            throw new BulkDataRejected(BulkDataRejected.Reason.OVERSIZED,
                    "more than " + limits.maxReports() + " reports in one upload");
        }
        current = new ArrayList<>();
        currentTime = collectedAt;
    }

    /** Sets the time of the report being collected (a JSON CollectionTime may follow the values). */
    void reportTime(Instant collectedAt) {
        currentTime = collectedAt;
    }

    Instant reportTime() {
        return currentTime;
    }

    void row(String path, String value, ParameterType type) throws BulkDataRejected {
        if (rows >= limits.maxRows()) {
            throw new BulkDataRejected(BulkDataRejected.Reason.OVERSIZED,
                    "more than " + limits.maxRows() + " values in one upload");
        }
        rows++;
        if (path.length() > limits.maxPathLength() || value.length() > limits.maxValueLength()
                || !ParameterPath.isValid(path, ParameterPath.Usage.PARAMETER)) {
            skipped++;
            return;
        }
        current.add(new ParameterValue(path, value, type, null));
    }

    /** A value that cannot be a parameter value (a JSON null or array): skipped, but it counts as a row. */
    void skip() throws BulkDataRejected {
        if (rows >= limits.maxRows()) {
            throw new BulkDataRejected(BulkDataRejected.Reason.OVERSIZED,
                    "more than " + limits.maxRows() + " values in one upload");
        }
        rows++;
        skipped++;
    }

    DecodedUpload finish() {
        finishReport();
        return new DecodedUpload(reports, skipped);
    }

    private void finishReport() {
        if (current != null) {
            reports.add(new BulkDataReport(currentTime, current));
            current = null;
        }
    }
}
