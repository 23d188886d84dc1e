package io.cpeoperator.bridge.bulkdata;

import java.util.List;

/**
 * Everything one upload said, decoded and checked, not yet applied.
 *
 * @param reports     the reports in the order of the body
 * @param skippedRows values left out: a name that is not a full {@code Device.} / {@code InternetGatewayDevice.}
 *                    parameter path (alternative names, wildcards, object paths), an over-long path or value, a
 *                    JSON null, array or object where a value belongs
 */
public record DecodedUpload(List<BulkDataReport> reports, int skippedRows) {

    public DecodedUpload {
        reports = List.copyOf(reports);
    }

    public int rows() {
        int rows = 0;
        for (BulkDataReport report : reports) {
            rows += report.parameters().size();
        }
        return rows;
    }
}
