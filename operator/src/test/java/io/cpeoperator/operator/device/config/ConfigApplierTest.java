package io.cpeoperator.operator.device.config;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.CpeDeviceSpec;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.device.DeviceIdentity;
import io.cpeoperator.operator.device.Backoff;
import io.cpeoperator.operator.device.ReconcileTrigger;
import io.cpeoperator.operator.fleet.DesiredParameters;
import io.cpeoperator.operator.fleet.ParameterResolver;
import io.cpeoperator.operator.kube.EventRecorder;
import io.cpeoperator.operator.testing.FakeDeviceGateway;
import io.cpeoperator.operator.testing.MutableClock;
import io.cpeoperator.operator.testing.Tr181Trees;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** How the applier talks to the gateway: what it sends, and how it reads a change back. */
class ConfigApplierTest {

    private static final DeviceIdentity IDENTITY = Tr181Trees.cwmpIdentity("verify-1");
    private static final DeviceId DEVICE = IDENTITY.id();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final FakeDeviceGateway gateway = new FakeDeviceGateway(clock);
    private final List<String> eventReasons = new CopyOnWriteArrayList<>();
    private final EventRecorder events = new EventRecorder(null, clock) {
        @Override
        public void record(HasMetadata about, Type type, String reason, String message) {
            eventReasons.add(reason);
        }
    };
    private final ConfigApplier applier = new ConfigApplier(gateway, events, clock, Backoff.DEFAULT, Duration.ZERO,
            new SimpleMeterRegistry());
    private final Semaphore lookAgain = new Semaphore(0);
    private final ReconcileTrigger trigger = lookAgain::release;

    @Test
    void anAcceptedChangeTheTwinDoesNotShowIsReadBackWithOneRequestForAllItsPaths() throws Exception {
        gateway.connect(IDENTITY, Tr181Trees.tr181(IDENTITY));
        gateway.setsReachTheTwin(false);
        Map<String, String> desired = Map.of("Device.WiFi.SSID.1.SSID", "guest", "Device.WiFi.SSID.2.SSID", "guest-5g",
                "Device.WiFi.Radio.1.Channel", "11", "Device.WiFi.Radio.2.Channel", "44",
                "Device.ManagementServer.PeriodicInformInterval", "600");
        CpeDevice device = device(desired);

        assertThat(applier.reconcile(device, DEVICE, ownParameters(device), false, trigger).condition().reason())
                .isEqualTo(ConfigApplier.REASON_APPLYING);
        assertThat(lookAgain.tryAcquire(5, TimeUnit.SECONDS)).as("the device answered the write").isTrue();
        assertThat(gateway.setCalls).containsExactly(desired);

        assertThat(applier.reconcile(device, DEVICE, ownParameters(device), false, trigger).condition().reason())
                .isEqualTo(ConfigApplier.REASON_VERIFYING);
        assertThat(gateway.refreshes).singleElement()
                .satisfies(paths -> assertThat(paths).containsExactlyInAnyOrderElementsOf(desired.keySet()));
        assertThat(lookAgain.tryAcquire(5, TimeUnit.SECONDS)).as("looks again once the values were read").isTrue();

        // read back and still different: the change is sent again, not read again
        applier.reconcile(device, DEVICE, ownParameters(device), false, trigger);
        assertThat(gateway.refreshes).hasSize(1);
        assertThat(gateway.setCalls).hasSize(2);
    }

    @Test
    void aChangeTheTwinShowsIsNotReadBack() throws Exception {
        gateway.connect(IDENTITY, Tr181Trees.tr181(IDENTITY));
        CpeDevice device = device(Map.of("Device.WiFi.SSID.1.SSID", "guest", "Device.WiFi.Radio.1.Channel", "11"));

        applier.reconcile(device, DEVICE, ownParameters(device), false, trigger);
        assertThat(lookAgain.tryAcquire(5, TimeUnit.SECONDS)).isTrue();

        assertThat(applier.reconcile(device, DEVICE, ownParameters(device), false, trigger).condition().reason())
                .isEqualTo(ConfigApplier.REASON_APPLIED);
        assertThat(gateway.refreshes).isEmpty();
        assertThat(eventReasons).isEmpty();
    }

    /** The device's own parameters, no fleet. */
    private static DesiredParameters ownParameters(CpeDevice device) {
        return ParameterResolver.resolve(device, List.of());
    }

    private static CpeDevice device(Map<String, String> parameters) {
        CpeDevice device = new CpeDevice();
        device.setMetadata(new ObjectMetaBuilder().withName("verify-1").withNamespace("cpe").withGeneration(1L)
                .build());
        CpeDeviceSpec spec = new CpeDeviceSpec();
        spec.setParameters(new LinkedHashMap<>(parameters));
        device.setSpec(spec);
        return device;
    }
}
