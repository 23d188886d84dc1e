package io.cpeoperator.bridge.bulkdata;

/**
 * What became of one upload.
 *
 * @param rejection  why it was refused (nothing was written), or null when it was accepted
 * @param message    a short explanation of the refusal, safe to send to the device; null when accepted
 * @param reports    reports in the upload
 * @param applied    values written to the twin
 * @param superseded values not written because the twin holds newer ones
 * @param skipped    values left out by the row rules (see {@link DecodedUpload#skippedRows()})
 */
public record IngestResult(BulkDataRejected.Reason rejection, String message, int reports, int applied,
                           int superseded, int skipped) {

    public static IngestResult rejected(BulkDataRejected e) {
        return new IngestResult(e.reason(), e.getMessage(), 0, 0, 0, 0);
    }

    public boolean accepted() {
        return rejection == null;
    }
}
