package io.cpeoperator.operator.device.config;

import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.operator.testing.FakeDeviceGateway;
import io.cpeoperator.operator.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class DriftChecksTest {

    private static final DeviceId DEVICE = DeviceId.cwmp("00D09E", "HGW", "drift-1");
    private static final List<String> PATHS = List.of("Device.WiFi.SSID.1.SSID", "Device.WiFi.Radio.1.Channel");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final FakeDeviceGateway gateway = new FakeDeviceGateway(clock);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DriftChecks checks = new DriftChecks(gateway, clock, Duration.ofMinutes(10), registry);

    @Test
    void readsAllDesiredPathsBackOnceAnIntervalAtTheDevicesNextContact() {
        assertThat(checks.lookAgainAfter(DEVICE, PATHS)).isEqualTo(Duration.ofMinutes(10));
        assertThat(gateway.nextContactReads).as("just applied: the twin is fresh").isEmpty();

        clock.advance(Duration.ofMinutes(4));
        assertThat(checks.lookAgainAfter(DEVICE, PATHS)).isEqualTo(Duration.ofMinutes(6));
        assertThat(gateway.nextContactReads).isEmpty();

        clock.advance(Duration.ofMinutes(6));
        assertThat(checks.lookAgainAfter(DEVICE, PATHS)).isEqualTo(Duration.ofMinutes(10));
        assertThat(gateway.nextContactReads).containsExactly(PATHS);
        assertThat(registry.get("cpe.config.drift.checks").counter().count()).isEqualTo(1);
    }

    @Test
    void aDeviceThatStaysAwayGetsOneQueuedReadNotOnePerInterval() {
        CompletableFuture<Void> deviceAway = new CompletableFuture<>();
        gateway.answerNextContactReadsWith(deviceAway);
        checks.lookAgainAfter(DEVICE, PATHS);
        for (int interval = 0; interval < 5; interval++) {
            clock.advance(Duration.ofMinutes(10));
            checks.lookAgainAfter(DEVICE, PATHS);
        }
        assertThat(gateway.nextContactReads).hasSize(1);

        deviceAway.complete(null); // the device called in and answered
        clock.advance(Duration.ofMinutes(10));
        checks.lookAgainAfter(DEVICE, PATHS);
        assertThat(gateway.nextContactReads).hasSize(2);
    }

    @Test
    void zeroIntervalTurnsTheChecksOff() {
        DriftChecks off = new DriftChecks(gateway, clock, Duration.ZERO, registry);
        assertThat(off.lookAgainAfter(DEVICE, PATHS)).isNull();
        clock.advance(Duration.ofDays(1));
        assertThat(off.lookAgainAfter(DEVICE, PATHS)).isNull();
        assertThat(gateway.nextContactReads).isEmpty();
    }
}
