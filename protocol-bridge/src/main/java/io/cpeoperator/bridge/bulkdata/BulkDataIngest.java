package io.cpeoperator.bridge.bulkdata;

import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.twin.ParameterValue;
import io.cpeoperator.bridge.twin.SampleWrite;
import io.cpeoperator.bridge.twin.TwinStore;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decode and apply, for every bulk-data transport (the HTTP collector now; USP Push! events and MQTT later): the
 * transport authenticates the device, this class does the rest. The device is always the caller's, never taken
 * from the body. The whole body is decoded and checked before anything is written; reports are then written
 * oldest first, one {@link TwinStore#applySamples} per distinct report time, so a value the twin observed later is
 * never overwritten by an older sample. A device without a twin is refused ({@code unknown-device}): bulk data
 * refreshes twins, it never starts one.
 */
public final class BulkDataIngest {

    private final TwinStore twins;
    private final BulkDataDecoder decoder;
    private final BulkDataMetrics metrics;
    private final Clock clock;

    public BulkDataIngest(TwinStore twins, BulkDataLimits limits, MeterRegistry registry, Clock clock) {
        this.twins = twins;
        this.decoder = new BulkDataDecoder(limits);
        this.metrics = new BulkDataMetrics(registry);
        this.clock = clock;
    }

    public BulkDataLimits limits() {
        return decoder.limits();
    }

    /**
     * @param device   the device the transport authenticated
     * @param protocol the metric tag of the transport ({@code http}, {@code usp}, {@code mqtt})
     */
    public IngestResult ingest(DeviceId device, String protocol, byte[] body, BulkDataContent content) {
        try {
            if (!twins.contains(device)) {
                throw unknown(device);
            }
            DecodedUpload upload = decoder.decode(body, content, clock.instant());
            int applied = 0;
            int superseded = 0;
            for (Map.Entry<Instant, List<ParameterValue>> batch : byTime(upload.reports()).entrySet()) {
                SampleWrite write = twins.applySamples(device, batch.getValue(), batch.getKey());
                if (!write.twinPresent()) {
                    // evicted or removed while this upload was decoded
                    throw unknown(device);
                }
                applied += write.applied();
                superseded += write.superseded();
            }
            int reports = upload.reports().size();
            metrics.accepted(protocol, reports, applied, superseded, upload.skippedRows());
            return new IngestResult(null, null, reports, applied, superseded, upload.skippedRows());
        } catch (BulkDataRejected e) {
            metrics.rejected(protocol, e.reason());
            return IngestResult.rejected(e);
        }
    }

    /** Counts an upload the transport refused before it reached {@link #ingest} (authentication, size, method). */
    public void rejected(String protocol, BulkDataRejected.Reason reason) {
        metrics.rejected(protocol, reason);
    }

    /** Values grouped by report time, oldest first; reports of the same time keep their order (the last wins). */
    private static Map<Instant, List<ParameterValue>> byTime(List<BulkDataReport> reports) {
        if (reports.size() == 1) {
            return Map.of(reports.get(0).collectedAt(), reports.get(0).parameters());
        }
        TreeMap<Instant, List<ParameterValue>> grouped = new TreeMap<>();
        for (BulkDataReport report : reports) {
            if (!report.parameters().isEmpty()) {
                grouped.computeIfAbsent(report.collectedAt(), t -> new ArrayList<>()).addAll(report.parameters());
            }
        }
        return grouped;
    }

    private static BulkDataRejected unknown(DeviceId device) {
        return new BulkDataRejected(BulkDataRejected.Reason.UNKNOWN_DEVICE, "no twin for this device");
    }
}
