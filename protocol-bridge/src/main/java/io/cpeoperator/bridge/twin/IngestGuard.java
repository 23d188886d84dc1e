package io.cpeoperator.bridge.twin;

import io.cpeoperator.bridge.device.DeviceId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what device-supplied data the twin keeps: syntactically valid paths, values within the length limit,
 * twins and schemas within their size limits. Everything refused is counted in {@code cpe.twin.rejected} (tagged
 * with the reason) and logged at debug level with the device, never thrown at the protocol thread.
 */
final class IngestGuard {

    private static final Logger LOG = LoggerFactory.getLogger(IngestGuard.class);

    private final TwinStoreConfig config;
    private final Counter invalidPath;
    private final Counter valueTooLong;
    private final Counter deviceFull;
    private final Counter schemaFull;

    IngestGuard(TwinStoreConfig config, MeterRegistry registry) {
        this.config = config;
        this.invalidPath = rejected(registry, "invalid-path");
        this.valueTooLong = rejected(registry, "value-too-long");
        this.deviceFull = rejected(registry, "device-full");
        this.schemaFull = rejected(registry, "schema-full");
    }

    private static Counter rejected(MeterRegistry registry, String reason) {
        return Counter.builder("cpe.twin.rejected")
                .description("Parameters or objects from devices that the twin refused to store")
                .tag("reason", reason)
                .register(registry);
    }

    /**
     * The schema id for {@code path}, interning it when new and valid; -1 when refused.
     *
     * @param usage {@link ParameterPath.Usage#PARAMETER} or {@link ParameterPath.Usage#INSTANCE}
     */
    int pathId(DeviceId device, TwinSchema schema, String path, ParameterPath.Usage usage) {
        int known = schema.idOf(path);
        if (known >= 0) {
            return known;
        }
        if (!acceptPath(device, path, usage)) {
            return -1;
        }
        int id = schema.intern(path);
        if (id == TwinSchema.FULL) {
            schemaFull.increment();
            LOG.warn("{}: schema {} is full ({} paths); ignoring {}", device, schema.key(), config.maxPathsPerSchema(),
                    path);
            return -1;
        }
        return id;
    }

    /** True when {@code path} is valid for {@code usage}; counts and logs it otherwise. */
    boolean acceptPath(DeviceId device, String path, ParameterPath.Usage usage) {
        var problem = ParameterPath.problem(path, usage);
        if (problem.isEmpty()) {
            return true;
        }
        invalidPath.increment();
        LOG.debug("{}: ignoring path: {}", device, problem.get());
        return false;
    }

    /** Usage for a path that may be a parameter or an object instance (as in snapshots). */
    static ParameterPath.Usage usageOf(String path) {
        return ParameterPath.isPartial(path) ? ParameterPath.Usage.INSTANCE : ParameterPath.Usage.PARAMETER;
    }

    boolean acceptValue(DeviceId device, String path, String value) {
        if (value.length() <= config.maxValueLength()) {
            return true;
        }
        valueTooLong.increment();
        LOG.debug("{}: ignoring {}: value of {} characters is longer than {}", device, path, value.length(),
                config.maxValueLength());
        return false;
    }

    /** True when a twin of {@code slots} slots may take one more. */
    boolean acceptNewSlot(DeviceId device, int slots, String path) {
        if (slots < config.maxParametersPerDevice()) {
            return true;
        }
        deviceFull.increment();
        LOG.debug("{}: ignoring {}: the twin holds {} entries already", device, path, slots);
        return false;
    }
}
