package io.cpeoperator.bridge.twin;

import io.cpeoperator.bridge.device.DeviceId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.cpeoperator.bridge.twin.TwinFixtures.DEVICE;
import static io.cpeoperator.bridge.twin.TwinFixtures.SCHEMA;
import static io.cpeoperator.bridge.twin.TwinFixtures.T0;
import static io.cpeoperator.bridge.twin.TwinFixtures.ro;
import static io.cpeoperator.bridge.twin.TwinFixtures.rw;
import static io.cpeoperator.bridge.twin.TwinFixtures.smallDevice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShardedTwinStoreTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ShardedTwinStore store = TwinFixtures.store(registry);

    @Test
    void snapshotIsReadBackExactlyWithTypesWritabilityAndTimes() {
        assertThat(store.needsFullSync(DEVICE)).isTrue();
        store.applySnapshot(DEVICE, SCHEMA, smallDevice(), T0);

        assertThat(store.contains(DEVICE)).isTrue();
        assertThat(store.needsFullSync(DEVICE)).isFalse();
        for (ParameterValue expected : smallDevice()) {
            if (ParameterPath.isPartial(expected.path())) {
                continue;
            }
            TwinParameter actual = store.get(DEVICE, expected.path()).orElseThrow();
            assertThat(actual.value()).as(expected.path()).isEqualTo(expected.value());
            assertThat(actual.type()).isEqualTo(expected.type());
            assertThat(actual.writable()).isEqualTo(expected.writable());
            assertThat(actual.observedAt()).isEqualTo(T0);
        }
        assertThat(store.get(DEVICE, "Device.WiFi.Radio.3.Channel")).isEmpty();
        assertThat(store.get(DEVICE, "Device.WiFi.AccessPoint.1.")).as("objects are not parameters").isEmpty();
        TwinFacts facts = store.facts(DEVICE).orElseThrow();
        assertThat(facts.parameterCount()).isEqualTo(smallDevice().size() - 1);
        assertThat(facts.schema()).isEqualTo(SCHEMA);
        assertThat(facts.lastFullSync()).isEqualTo(T0);
    }

    @Test
    void aNewSnapshotReplacesTheWholeTree() {
        store.applySnapshot(DEVICE, SCHEMA, smallDevice(), T0);
        store.applySnapshot(DEVICE, SCHEMA, List.of(ro("Device.DeviceInfo.UpTime", "5", ParameterType.UNSIGNED_INT)),
                T0.plusSeconds(60));
        assertThat(store.read(DEVICE, "Device.")).extracting(TwinParameter::path)
                .containsExactly("Device.DeviceInfo.UpTime");
        assertThat(store.facts(DEVICE).orElseThrow().lastFullSync()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void partialUpdatesChangeValuesAddParametersAndKeepWhatTheyDoNotSay() {
        store.applySnapshot(DEVICE, SCHEMA, smallDevice(), T0);
        Instant later = T0.plusSeconds(90);
        store.applyUpdates(DEVICE, List.of(
                ParameterValue.of("Device.WiFi.Radio.1.Channel", "11"),
                ParameterValue.of("Device.DeviceInfo.UpTime", "3690"),
                rw("Device.WiFi.Radio.1.TransmitPower", "80", ParameterType.INT)), later);

        TwinParameter channel = store.get(DEVICE, "Device.WiFi.Radio.1.Channel").orElseThrow();
        assertThat(channel.value()).isEqualTo("11");
        assertThat(channel.type()).as("type kept when the update does not say").isEqualTo(ParameterType.UNSIGNED_INT);
        assertThat(channel.writable()).as("writable kept when the update does not say").isTrue();
        assertThat(channel.observedAt()).isEqualTo(later);
        assertThat(store.get(DEVICE, "Device.WiFi.Radio.1.TransmitPower").orElseThrow().value()).isEqualTo("80");
        assertThat(store.get(DEVICE, "Device.WiFi.Radio.2.Channel").orElseThrow().observedAt()).isEqualTo(T0);
        assertThat(store.facts(DEVICE).orElseThrow().lastUpdate()).isEqualTo(later);
        assertThat(store.facts(DEVICE).orElseThrow().lastFullSync()).isEqualTo(T0);
    }

    @Test
    void updatesBeforeAnySnapshotStartATwinThatStillNeedsAFullSync() {
        store.applyUpdates(DEVICE, List.of(ParameterValue.of("Device.DeviceInfo.SoftwareVersion", "1.2.3")), T0);
        assertThat(store.contains(DEVICE)).isTrue();
        assertThat(store.needsFullSync(DEVICE)).isTrue();
        assertThat(store.get(DEVICE, "Device.DeviceInfo.SoftwareVersion").orElseThrow().value()).isEqualTo("1.2.3");
        store.applySnapshot(DEVICE, SCHEMA, smallDevice(), T0);
        assertThat(store.needsFullSync(DEVICE)).isFalse();
        assertThat(store.facts(DEVICE).orElseThrow().schema()).isEqualTo(SCHEMA);
    }

    @Test
    void objectsAreCreatedWithUniqueKeysAndDeletedWithEverythingBelow() {
        store.applySnapshot(DEVICE, SCHEMA, smallDevice(), T0);
        assertThat(store.instances(DEVICE, "Device.Hosts.Host.")).containsExactly(1, 3, 10);

        store.objectCreated(DEVICE, "Device.Hosts.Host.11.", Map.of("PhysAddress", "02:00:00:00:00:11"), T0);
        assertThat(store.instances(DEVICE, "Device.Hosts.Host.")).containsExactly(1, 3, 10, 11);
        assertThat(store.get(DEVICE, "Device.Hosts.Host.11.PhysAddress").orElseThrow().value())
                .isEqualTo("02:00:00:00:00:11");

        store.objectCreated(DEVICE, "Device.Hosts.Host.12.", Map.of(), T0);
        assertThat(store.instances(DEVICE, "Device.Hosts.Host.")).containsExactly(1, 3, 10, 11, 12);

        store.objectDeleted(DEVICE, "Device.Hosts.Host.1.", T0);
        store.objectDeleted(DEVICE, "Device.Hosts.Host.11.", T0);
        assertThat(store.instances(DEVICE, "Device.Hosts.Host.")).containsExactly(3, 10, 12);
        assertThat(store.get(DEVICE, "Device.Hosts.Host.1.IPAddress")).isEmpty();
        assertThat(store.get(DEVICE, "Device.Hosts.Host.10.IPAddress")).as("Host.1. is not a prefix of Host.10.")
                .isPresent();
        assertThat(store.instances(DEVICE, "Device.WiFi.AccessPoint.1.AssociatedDevice.")).containsExactly(1, 2);
    }

    @Test
    void subtreeAndWildcardReadsAreInPathOrder() {
        store.applySnapshot(DEVICE, SCHEMA, smallDevice(), T0);

        assertThat(store.read(DEVICE, "Device.Hosts.")).extracting(TwinParameter::path).containsExactly(
                "Device.Hosts.Host.1.IPAddress", "Device.Hosts.Host.3.IPAddress", "Device.Hosts.Host.10.IPAddress");
        assertThat(store.read(DEVICE, "Device.WiFi.")).hasSize(10);
        assertThat(store.read(DEVICE, "Device.WiFi.AccessPoint.*.AssociatedDevice.*.SignalStrength"))
                .extracting(TwinParameter::value).containsExactly("-61", "-75", "-48");
        assertThat(store.read(DEVICE, "Device.WiFi.Radio.*.Channel")).extracting(TwinParameter::value)
                .containsExactly("6", "36");
        assertThat(store.read(DEVICE, "Device.DeviceInfo.UpTime")).extracting(TwinParameter::value)
                .containsExactly("3600");
        assertThat(store.read(DEVICE, "InternetGatewayDevice.")).isEmpty();
        assertThat(store.read(DeviceId.usp("os::unknown"), "Device.")).isEmpty();
        assertThatThrownBy(() -> store.read(DEVICE, "Device.WiFi.[Enable==true]."))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void maxAgeReadsSplitFreshFromStaleLikeGenieAcsDeclare() {
        store.applySnapshot(DEVICE, SCHEMA, smallDevice(), T0);
        Instant now = T0.plusSeconds(600);
        store.applyUpdates(DEVICE, List.of(ParameterValue.of("Device.WiFi.Radio.1.Channel", "1")),
                now.minusSeconds(30));

        MaxAgeRead read = store.readWithMaxAge(DEVICE, "Device.WiFi.Radio.", java.time.Duration.ofMinutes(5), now);
        assertThat(read.fresh()).extracting(TwinParameter::path).containsExactly("Device.WiFi.Radio.1.Channel");
        assertThat(read.stale()).containsExactly("Device.WiFi.Radio.1.Enable", "Device.WiFi.Radio.2.Channel");
        assertThat(read.isFresh()).isFalse();

        MaxAgeRead recent = store.readWithMaxAge(DEVICE, "Device.WiFi.Radio.", java.time.Duration.ofMinutes(10), now);
        assertThat(recent.isFresh()).as("exactly maxAge old is still fresh").isTrue();
        assertThat(recent.fresh()).hasSize(3);

        MaxAgeRead never = store.readWithMaxAge(DEVICE, "Device.Cellular.", java.time.Duration.ofMinutes(5), now);
        assertThat(never.stale()).as("nothing known: fetch the whole pattern").containsExactly("Device.Cellular.");
        assertThat(store.readWithMaxAge(DeviceId.usp("os::none"), "Device.", java.time.Duration.ZERO, now).stale())
                .containsExactly("Device.");
    }

    @Test
    void listenersGetOneBatchPerWriteAfterItIsVisible() {
        List<List<TwinChange>> batches = new ArrayList<>();
        List<String> seenByListener = new ArrayList<>();
        var subscription = store.addListener((id, changes) -> {
            assertThat(id).isEqualTo(DEVICE);
            batches.add(changes);
            seenByListener.add(store.get(DEVICE, "Device.WiFi.Radio.1.Channel").map(TwinParameter::value)
                    .orElse("absent"));
        });

        store.applySnapshot(DEVICE, SCHEMA, smallDevice(), T0);
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0)).hasSize(smallDevice().size());
        assertThat(batches.get(0)).filteredOn(c -> c.kind() == TwinChange.Kind.OBJECT_CREATED)
                .extracting(TwinChange::path).containsExactly("Device.WiFi.AccessPoint.1.");

        store.applyUpdates(DEVICE, List.of(ParameterValue.of("Device.WiFi.Radio.1.Channel", "11"),
                ParameterValue.of("Device.WiFi.Radio.2.Channel", "36"),
                ParameterValue.of("Device.WiFi.Radio.3.Channel", "100")), T0.plusSeconds(1));
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).containsExactly(
                new TwinChange(TwinChange.Kind.VALUE_CHANGED, "Device.WiFi.Radio.1.Channel", "6", "11"),
                new TwinChange(TwinChange.Kind.PARAMETER_ADDED, "Device.WiFi.Radio.3.Channel", null, "100"));
        assertThat(seenByListener.get(1)).as("the batch was visible when the listener ran").isEqualTo("11");

        store.applyUpdates(DEVICE, List.of(ParameterValue.of("Device.WiFi.Radio.1.Channel", "11")),
                T0.plusSeconds(2));
        assertThat(batches).as("no batch when nothing changed").hasSize(2);

        store.objectDeleted(DEVICE, "Device.Hosts.Host.3.", T0.plusSeconds(3));
        store.objectCreated(DEVICE, "Device.Hosts.Host.4.", Map.of("PhysAddress", "x"), T0.plusSeconds(3));
        assertThat(batches.get(2)).containsExactly(
                new TwinChange(TwinChange.Kind.OBJECT_DELETED, "Device.Hosts.Host.3.", null, null));
        assertThat(batches.get(3)).containsExactly(
                new TwinChange(TwinChange.Kind.OBJECT_CREATED, "Device.Hosts.Host.4.", null, null),
                new TwinChange(TwinChange.Kind.PARAMETER_ADDED, "Device.Hosts.Host.4.PhysAddress", null, "x"));

        store.applySnapshot(DEVICE, SCHEMA, List.of(ro("Device.DeviceInfo.UpTime", "3600", ParameterType.UNSIGNED_INT),
                ro("Device.DeviceInfo.ModelName", "BM632w", ParameterType.STRING)), T0.plusSeconds(4));
        List<TwinChange> resync = batches.get(4);
        assertThat(resync).contains(
                new TwinChange(TwinChange.Kind.PARAMETER_ADDED, "Device.DeviceInfo.ModelName", null, "BM632w"),
                new TwinChange(TwinChange.Kind.PARAMETER_REMOVED, "Device.WiFi.Radio.1.Channel", "11", null));
        assertThat(resync).extracting(TwinChange::path).doesNotContain("Device.DeviceInfo.UpTime");

        subscription.close();
        subscription.close();
        store.applyUpdates(DEVICE, List.of(ParameterValue.of("Device.DeviceInfo.UpTime", "1")), T0);
        assertThat(batches).hasSize(5);
    }

    @Test
    void aFailingListenerDoesNotBreakTheWriteOrOtherListeners() {
        List<TwinChange> received = new ArrayList<>();
        store.addListener((id, changes) -> {
            throw new IllegalStateException("boom");
        });
        store.addListener((id, changes) -> received.addAll(changes));
        store.applyUpdates(DEVICE, List.of(ParameterValue.of("Device.DeviceInfo.UpTime", "1")), T0);
        assertThat(received).hasSize(1);
    }

    @Test
    void hostileInputIsSkippedAndCounted() {
        ShardedTwinStore small = new ShardedTwinStore(TwinStoreConfig.defaults().withShards(1)
                .withMaxParametersPerDevice(3).withMaxValueLength(10).withMaxPathsPerSchema(1000), registry,
                java.time.Clock.systemUTC());
        small.applySnapshot(DEVICE, SCHEMA, List.of(
                ParameterValue.of("Device.A", "1"),
                ParameterValue.of("Device..B", "1"),
                ParameterValue.of("NotARoot.B", "1"),
                ParameterValue.of("Device.C", "x".repeat(11)),
                ParameterValue.of("Device.D", "4"),
                ParameterValue.of("Device.E", "5"),
                ParameterValue.of("Device.F", "6")), T0);
        assertThat(small.read(DEVICE, "Device.")).extracting(TwinParameter::path)
                .containsExactly("Device.A", "Device.D", "Device.E");
        assertThat(rejected("invalid-path")).isEqualTo(2);
        assertThat(rejected("value-too-long")).isEqualTo(1);
        assertThat(rejected("device-full")).isEqualTo(1);

        small.objectCreated(DEVICE, "Device.Hosts.Host.", Map.of(), T0);
        small.objectDeleted(DEVICE, "Device.", T0);
        assertThat(small.read(DEVICE, "Device.")).hasSize(3);
        assertThat(rejected("invalid-path")).as("both object paths").isEqualTo(4);
    }

    @Test
    void schemasAreBoundedToo() {
        ShardedTwinStore small = new ShardedTwinStore(TwinStoreConfig.defaults().withShards(1)
                .withMaxPathsPerSchema(2), registry, java.time.Clock.systemUTC());
        small.applySnapshot(DEVICE, SCHEMA, List.of(ParameterValue.of("Device.A", "1"),
                ParameterValue.of("Device.B", "1"), ParameterValue.of("Device.C", "1")), T0);
        assertThat(small.read(DEVICE, "Device.")).hasSize(2);
        assertThat(rejected("schema-full")).isEqualTo(1);
    }

    @Test
    void pathsNewerThanTheSchemaOrderAreReadInOrderToo() {
        List<ParameterValue> large = new ArrayList<>();
        for (int i = 1; i <= 1_000; i++) {
            large.add(ParameterValue.of("Device.Hosts.Host." + (2 * i) + ".Active", "true"));
        }
        store.applySnapshot(DEVICE, SCHEMA, large, T0);
        assertThat(store.read(DEVICE, "Device.Hosts.")).hasSize(1_000);
        // one new path is too few to re-sort the schema at once: the read places it itself
        store.applyUpdates(DEVICE, List.of(ParameterValue.of("Device.Hosts.Host.3.Active", "false")), T0);
        List<TwinParameter> hosts = store.read(DEVICE, "Device.Hosts.Host.*.Active");
        assertThat(hosts).hasSize(1_001);
        assertThat(hosts.subList(0, 3)).extracting(TwinParameter::path).containsExactly(
                "Device.Hosts.Host.2.Active", "Device.Hosts.Host.3.Active", "Device.Hosts.Host.4.Active");
        assertThat(hosts).extracting(TwinParameter::path).isSortedAccordingTo(PathOrder.INSTANCE);
        assertThat(store.read(DEVICE, "Device.Hosts.Host.3.")).extracting(TwinParameter::value)
                .containsExactly("false");
    }

    @Test
    void removeForgetsTheDevice() {
        store.applySnapshot(DEVICE, SCHEMA, smallDevice(), T0);
        store.remove(DEVICE);
        assertThat(store.contains(DEVICE)).isFalse();
        assertThat(store.facts(DEVICE)).isEmpty();
        assertThat(store.needsFullSync(DEVICE)).isTrue();
        assertThat(registry.counter("cpe.twin.evictions").count()).as("removal is not an eviction").isZero();
    }

    @Test
    void devicesOfOneModelShareTheirPaths() {
        DeviceId other = DeviceId.cwmp("00D09E", "BM632w", "SN0002");
        store.applySnapshot(DEVICE, SCHEMA, smallDevice(), T0);
        store.applySnapshot(other, SCHEMA, smallDevice(), T0);
        String first = store.get(DEVICE, "Device.WiFi.SSID.1.SSID").orElseThrow().path();
        String second = store.get(other, "Device.WiFi.SSID.1.SSID").orElseThrow().path();
        assertThat(second).isSameAs(first);
        assertThat(registry.get("cpe.twin.devices").gauge().value()).isEqualTo(2);
        assertThat(registry.get("cpe.twin.schemas").gauge().value()).isEqualTo(1);
    }

    @Test
    void exportsAShardForPersistence() {
        store.applySnapshot(DEVICE, SCHEMA, smallDevice(), T0);
        List<PersistedTwin> exported = new ArrayList<>();
        for (int shard = 0; shard < store.shardCount(); shard++) {
            store.exportShard(shard, exported::add);
        }
        assertThat(exported).hasSize(1);
        assertThat(exported.get(0).parameters()).hasSize(smallDevice().size() - 1);
        assertThat(exported.get(0).objectInstances()).containsExactly("Device.WiFi.AccessPoint.1.");
        assertThat(exported.get(0).lastFullSync()).isEqualTo(T0);
    }

    private double rejected(String reason) {
        return registry.get("cpe.twin.rejected").tag("reason", reason).counter().count();
    }
}
