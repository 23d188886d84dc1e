package io.cpeoperator.bridge.twin;

import io.cpeoperator.bridge.device.DeviceId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.cpeoperator.bridge.twin.TwinFixtures.DEVICE;
import static io.cpeoperator.bridge.twin.TwinFixtures.SCHEMA;
import static io.cpeoperator.bridge.twin.TwinFixtures.T0;
import static io.cpeoperator.bridge.twin.TwinFixtures.smallDevice;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link TwinStore#applySamples}: late samples never overwrite newer values, and never start a twin. */
class TwinSamplesTest {

    private static final String UPTIME = "Device.DeviceInfo.UpTime";
    private final ShardedTwinStore store = TwinFixtures.store(new SimpleMeterRegistry());

    @Test
    void anOlderSampleDoesNotOverwriteANewerValueButANewerOneDoes() {
        store.applySnapshot(DEVICE, SCHEMA, smallDevice(), T0);
        store.applyUpdates(DEVICE, List.of(ParameterValue.of(UPTIME, "4000")), T0.plusSeconds(400));

        SampleWrite late = store.applySamples(DEVICE, List.of(ParameterValue.of(UPTIME, "3700"),
                ParameterValue.of("Device.WiFi.Radio.1.Channel", "6")), T0.plusSeconds(100));

        assertThat(late).isEqualTo(new SampleWrite(true, 1, 1));
        TwinParameter uptime = store.get(DEVICE, UPTIME).orElseThrow();
        assertThat(uptime.value()).isEqualTo("4000");
        assertThat(uptime.observedAt()).isEqualTo(T0.plusSeconds(400));
        assertThat(store.get(DEVICE, "Device.WiFi.Radio.1.Channel").orElseThrow().observedAt())
                .as("a value older than the sample is replaced").isEqualTo(T0.plusSeconds(100));
        assertThat(store.facts(DEVICE).orElseThrow().lastUpdate()).as("last update does not go back in time")
                .isEqualTo(T0.plusSeconds(400));

        SampleWrite newer = store.applySamples(DEVICE, List.of(ParameterValue.of(UPTIME, "4100")),
                T0.plusSeconds(500));
        assertThat(newer).isEqualTo(new SampleWrite(true, 1, 0));
        assertThat(store.get(DEVICE, UPTIME).orElseThrow().value()).isEqualTo("4100");
        assertThat(store.facts(DEVICE).orElseThrow().lastUpdate()).isEqualTo(T0.plusSeconds(500));
    }

    @Test
    void aSampleOfTheSameSecondOverwritesAndUnknownPathsAreAdded() {
        store.applySnapshot(DEVICE, SCHEMA, smallDevice(), T0);
        SampleWrite write = store.applySamples(DEVICE, List.of(ParameterValue.of(UPTIME, "3601"),
                ParameterValue.of("Device.Ethernet.Interface.1.Stats.BytesSent", "77")), T0.plusMillis(900));
        assertThat(write).isEqualTo(new SampleWrite(true, 2, 0));
        assertThat(store.get(DEVICE, UPTIME).orElseThrow().value()).isEqualTo("3601");
        assertThat(store.get(DEVICE, "Device.Ethernet.Interface.1.Stats.BytesSent").orElseThrow().value())
                .isEqualTo("77");
    }

    @Test
    void aDeviceWithoutATwinIsLeftAlone() {
        DeviceId stranger = DeviceId.cwmp("00D09E", "BM632w", "NOBODY");
        assertThat(store.applySamples(stranger, List.of(ParameterValue.of(UPTIME, "1")), T0))
                .isEqualTo(SampleWrite.noTwin());
        assertThat(store.contains(stranger)).isFalse();
    }

    @Test
    void listenersSeeOnlyTheSamplesThatWereApplied() {
        store.applySnapshot(DEVICE, SCHEMA, smallDevice(), T0.plusSeconds(60));
        List<TwinChange> seen = new ArrayList<>();
        store.addListener((id, changes) -> seen.addAll(changes));
        store.applySamples(DEVICE, List.of(ParameterValue.of(UPTIME, "1")), T0);
        assertThat(seen).isEmpty();
        store.applySamples(DEVICE, List.of(ParameterValue.of(UPTIME, "3700")), T0.plusSeconds(120));
        assertThat(seen).extracting(TwinChange::path).containsExactly(UPTIME);
    }

    @Test
    void theDefaultMethodKeepsTheSameRuleForStoresThatDoNotOverrideIt() {
        TwinStore plain = (TwinStore) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{TwinStore.class}, (proxy, method, args) -> method.isDefault()
                        ? java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args)
                        : method.invoke(store, args));
        store.applySnapshot(DEVICE, SCHEMA, smallDevice(), T0.plusSeconds(60));
        SampleWrite write = plain.applySamples(DEVICE, List.of(ParameterValue.of(UPTIME, "1"),
                ParameterValue.of("Device.Time.Enable", "false")), T0);
        assertThat(write).isEqualTo(new SampleWrite(true, 0, 2));
        assertThat(store.get(DEVICE, UPTIME).orElseThrow().value()).isEqualTo("3600");
        Instant later = T0.plusSeconds(61);
        assertThat(plain.applySamples(DEVICE, List.of(ParameterValue.of(UPTIME, "3601")), later).applied())
                .isEqualTo(1);
        assertThat(store.get(DEVICE, UPTIME).orElseThrow().value()).isEqualTo("3601");
    }
}
