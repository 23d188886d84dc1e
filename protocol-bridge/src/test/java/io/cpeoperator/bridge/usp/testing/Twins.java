package io.cpeoperator.bridge.usp.testing;

import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.twin.ShardedTwinStore;
import io.cpeoperator.bridge.twin.TwinParameter;
import io.cpeoperator.bridge.twin.TwinStore;
import io.cpeoperator.bridge.twin.TwinStoreConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Clock;
import java.util.Optional;

/** The real twin store for integration tests, and a short way to read one value. */
public final class Twins {

    private Twins() {
    }

    public static ShardedTwinStore store() {
        return new ShardedTwinStore(TwinStoreConfig.defaults(), new SimpleMeterRegistry(), Clock.systemUTC());
    }

    public static Optional<String> value(TwinStore twin, DeviceId id, String path) {
        return twin.get(id, path).map(TwinParameter::value);
    }
}
