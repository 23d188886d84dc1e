package io.cpeoperator.bridge.twin;

import io.cpeoperator.bridge.device.DeviceId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.cpeoperator.bridge.twin.TwinFixtures.SCHEMA;
import static io.cpeoperator.bridge.twin.TwinFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

class TwinEvictionTest {

    private static final Instant EVICTION_TIME = Instant.parse("2026-11-25T11:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    /** One shard holding 1,000 parameters: room for nine twins of 100. */
    private final ShardedTwinStore store = new ShardedTwinStore(
            TwinStoreConfig.defaults().withShards(1).withMaxParameters(1_000), registry,
            Clock.fixed(EVICTION_TIME, ZoneOffset.UTC));

    private static List<ParameterValue> parameters(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> ParameterValue.of("Device.Hosts.Host." + i + ".Active", "true")).toList();
    }

    private static DeviceId device(int n) {
        return DeviceId.cwmp("00D09E", "BM632w", "SN" + n);
    }

    @Test
    void evictionIsCountedReportedAndForcesAFullSync() {
        List<DeviceId> evicted = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        store.addEvictionListener((id, at) -> {
            evicted.add(id);
            times.add(at);
        });

        for (int n = 0; n < 20; n++) {
            store.applySnapshot(device(n), SCHEMA, parameters(100), T0);
        }
        store.cleanUp();

        long resident = IntStream.range(0, 20).filter(n -> store.contains(device(n))).count();
        assertThat(resident).isBetween(1L, 10L);
        assertThat(evicted).hasSize((int) (20 - resident));
        assertThat(registry.counter("cpe.twin.evictions").count()).isEqualTo(20 - resident);
        assertThat(times).containsOnly(EVICTION_TIME);
        for (DeviceId id : evicted) {
            assertThat(store.contains(id)).isFalse();
            assertThat(store.needsFullSync(id)).as("evicted twins need a full sync").isTrue();
        }
        assertThat(registry.get("cpe.twin.parameters").gauge().value()).isLessThanOrEqualTo(1_000);
    }

    @Test
    void aTwinThatGrowsIsReweighedAndCanBeEvicted() {
        List<DeviceId> evicted = new ArrayList<>();
        store.addEvictionListener((id, at) -> evicted.add(id));
        store.applySnapshot(device(1), SCHEMA, parameters(10), T0);
        store.applySnapshot(device(2), SCHEMA, parameters(10), T0);
        // device 1 grows far beyond the shard's budget through object creation
        for (int i = 100; i < 1_200; i++) {
            store.objectCreated(device(1), "Device.Hosts.Host." + i + ".", Map.of(), T0);
        }
        store.cleanUp();
        assertThat(evicted).contains(device(1));
        // later writes may have started a partial twin again; either way the device must re-sync fully
        assertThat(store.needsFullSync(device(1))).isTrue();
        assertThat(registry.counter("cpe.twin.evictions").count()).isEqualTo(evicted.size());
    }

    @Test
    void afterEvictionPartialUpdatesStartAPartialTwin() {
        store.addEvictionListener((id, at) -> { });
        for (int n = 0; n < 20; n++) {
            store.applySnapshot(device(n), SCHEMA, parameters(100), T0);
        }
        store.cleanUp();
        DeviceId gone = IntStream.range(0, 20).mapToObj(TwinEvictionTest::device).filter(id -> !store.contains(id))
                .findFirst().orElseThrow();
        // make room, so the new partial twin is not itself evicted at once
        IntStream.range(0, 20).mapToObj(TwinEvictionTest::device).forEach(store::remove);
        store.applyUpdates(gone, List.of(ParameterValue.of("Device.DeviceInfo.UpTime", "5")), T0);
        assertThat(store.needsFullSync(gone)).isTrue();
        assertThat(store.get(gone, "Device.DeviceInfo.UpTime")).isPresent();
    }
}
