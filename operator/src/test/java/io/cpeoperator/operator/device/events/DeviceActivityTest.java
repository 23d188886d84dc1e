package io.cpeoperator.operator.device.events;

import io.cpeoperator.bridge.device.DeviceEvent;
import io.cpeoperator.bridge.device.DeviceId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceActivityTest {

    private static final DeviceId DEVICE = DeviceId.usp("os::00D09E-activity");
    private static final Instant HEARD = Instant.parse("2026-11-25T10:00:00Z");

    private final DeviceActivity activity = new DeviceActivity();

    @Test
    void aBridgesVerdictIsNotAContactButItsReasonIsKeptUntilTheDeviceSpeaks() {
        activity.record(new DeviceEvent.TwinChanged(DEVICE, HEARD, Set.of("Device.DeviceInfo.")));

        activity.record(new DeviceEvent.Disconnected(DEVICE, HEARD.plusSeconds(750),
                "no Periodic! notification for 750 s"));
        activity.record(new DeviceEvent.SyncFailed(DEVICE, HEARD.plusSeconds(760), "session timed out"));
        activity.record(new DeviceEvent.TwinEvicted(DEVICE, HEARD.plusSeconds(770)));

        assertThat(activity.lastContact(DEVICE)).contains(HEARD);
        assertThat(activity.disconnectReason(DEVICE)).contains("no Periodic! notification for 750 s");

        activity.record(new DeviceEvent.Other(DEVICE, HEARD.plusSeconds(900), "Device.LocalAgent.Periodic!",
                Map.of()));
        assertThat(activity.lastContact(DEVICE)).contains(HEARD.plusSeconds(900));
        assertThat(activity.disconnectReason(DEVICE)).isEmpty();
    }

    @Test
    void nothingKnownAboutADeviceNeverSeen() {
        assertThat(activity.lastContact(DEVICE)).isEmpty();
        assertThat(activity.disconnectReason(DEVICE)).isEmpty();
    }
}
