package io.cpeoperator.bridge.usp.controller;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FullSyncChunksTest {

    private static final List<String> OBJECTS = List.of("Device.DeviceInfo.", "Device.Hosts.", "Device.WiFi.",
            "Device.IP.", "Device.Time.");

    @Test
    void withoutInstanceCountsObjectsArePackedByNumber() {
        assertThat(FullSync.chunks(OBJECTS, Map.of(), 2)).containsExactly(List.of("Device."),
                List.of("Device.DeviceInfo.", "Device.Hosts."), List.of("Device.WiFi.", "Device.IP."),
                List.of("Device.Time."));
    }

    @Test
    void aHeavyObjectGetsAGetOfItsOwn() {
        assertThat(FullSync.chunks(OBJECTS, Map.of("Device.Hosts.", 300, "Device.WiFi.", 20, "Device.IP.", 30), 4))
                .containsExactly(List.of("Device."), List.of("Device.DeviceInfo."), List.of("Device.Hosts."),
                        List.of("Device.WiFi.", "Device.IP.", "Device.Time."));
    }
}
