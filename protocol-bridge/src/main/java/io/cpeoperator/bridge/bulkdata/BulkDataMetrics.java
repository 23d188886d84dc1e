package io.cpeoperator.bridge.bulkdata;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bulk-data counters, per transport ({@code protocol} tag: {@code http}, later {@code usp}, {@code mqtt}):
 * <ul>
 *   <li>{@code cpe.bulkdata.reports{protocol,outcome}}: reports written ({@code accepted}), and uploads refused
 *   ({@code rejected}, one per upload: a refused body's reports are not counted);</li>
 *   <li>{@code cpe.bulkdata.rejections{protocol,reason}}: refused uploads by {@link BulkDataRejected.Reason#tag()};</li>
 *   <li>{@code cpe.bulkdata.parameters{protocol}}: values written to twins;</li>
 *   <li>{@code cpe.bulkdata.parameters.ignored{protocol,cause}}: values not written, {@code superseded} (the twin
 *   holds a newer one) or {@code skipped} (not a full parameter path, too long, not a value).</li>
 * </ul>
 */
final class BulkDataMetrics {

    private final MeterRegistry registry;
    private final Map<String, ProtocolMeters> byProtocol = new ConcurrentHashMap<>();

    BulkDataMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void accepted(String protocol, int reports, int applied, int superseded, int skipped) {
        ProtocolMeters meters = meters(protocol);
        meters.accepted.increment(reports);
        meters.parameters.increment(applied);
        if (superseded > 0) {
            meters.superseded.increment(superseded);
        }
        if (skipped > 0) {
            meters.skipped.increment(skipped);
        }
    }

    void rejected(String protocol, BulkDataRejected.Reason reason) {
        ProtocolMeters meters = meters(protocol);
        meters.rejected.increment();
        meters.rejections.get(reason).increment();
    }

    private ProtocolMeters meters(String protocol) {
        ProtocolMeters meters = byProtocol.get(protocol);
        return meters != null ? meters : byProtocol.computeIfAbsent(protocol, p -> new ProtocolMeters(registry, p));
    }

    private static final class ProtocolMeters {
        final Counter accepted;
        final Counter rejected;
        final Counter parameters;
        final Counter superseded;
        final Counter skipped;
        final Map<BulkDataRejected.Reason, Counter> rejections = new EnumMap<>(BulkDataRejected.Reason.class);

        ProtocolMeters(MeterRegistry registry, String protocol) {
            accepted = reports(registry, protocol, "accepted");
            rejected = reports(registry, protocol, "rejected");
            parameters = Counter.builder("cpe.bulkdata.parameters").tag("protocol", protocol)
                    .description("Bulk-data values written to device twins").register(registry);
            superseded = ignored(registry, protocol, "superseded");
            skipped = ignored(registry, protocol, "skipped");
            for (BulkDataRejected.Reason reason : BulkDataRejected.Reason.values()) {
                rejections.put(reason, Counter.builder("cpe.bulkdata.rejections").tag("protocol", protocol)
                        .tag("reason", reason.tag()).description("Bulk-data uploads refused, by reason")
                        .register(registry));
            }
        }

        private static Counter reports(MeterRegistry registry, String protocol, String outcome) {
            return Counter.builder("cpe.bulkdata.reports").tag("protocol", protocol).tag("outcome", outcome)
                    .description("Bulk-data reports written (accepted) and uploads refused (rejected)")
                    .register(registry);
        }

        private static Counter ignored(MeterRegistry registry, String protocol, String cause) {
            return Counter.builder("cpe.bulkdata.parameters.ignored").tag("protocol", protocol).tag("cause", cause)
                    .description("Bulk-data values not written: superseded by newer ones, or skipped")
                    .register(registry);
        }
    }
}
