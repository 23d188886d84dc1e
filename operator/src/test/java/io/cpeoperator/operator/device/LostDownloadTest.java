package io.cpeoperator.operator.device;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.FirmwareSpec;
import io.cpeoperator.bridge.device.DeviceIdentity;
import io.cpeoperator.operator.testing.MutableClock;
import io.cpeoperator.operator.testing.OperatorFixture;
import io.cpeoperator.operator.testing.Tr181Trees;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.cpeoperator.operator.testing.OperatorFixture.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A device that reboots during a download and comes back on its old version without a word: the download is gone, so
 * the attempt fails at once (and is retried with backoff) instead of waiting out the 30-minute deadline.
 */
class LostDownloadTest {

    private static final String NS = "cpe-lost-download";
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
    private static OperatorFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new OperatorFixture(NS, CLOCK, "--status-write-interval", "0s");
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.gateway.downloadsVanish(false);
            fixture.close();
        }
    }

    @Test
    void aBootWithoutTheNewVersionEndsTheAttempt() {
        DeviceIdentity identity = Tr181Trees.cwmpIdentity("5001");
        fixture.gateway.connect(identity, Tr181Trees.tr181(identity));
        String name = "00d09e-igd-5001";
        fixture.awaitDevice(name, d -> hasCondition(d, "Synced", "True", null));
        fixture.gateway.downloadsVanish(true);
        FirmwareSpec firmware = new FirmwareSpec();
        firmware.setVersion("2.0.0");
        firmware.setUrl("https://fw.example.net/x1-2.0.0.bin");
        fixture.client.resources(CpeDevice.class).inNamespace(NS).withName(name).edit(d -> {
            d.getSpec().setFirmware(firmware);
            return d;
        });
        fixture.awaitDevice(name, d -> hasCondition(d, "FirmwareCurrent", "False", "Downloading"));

        // a crash during the download: up again after 5 s, still on 1.0.0, nothing reported
        CLOCK.advance(Duration.ofSeconds(30));
        fixture.gateway.change(identity.id(), Map.of("Device.DeviceInfo.UpTime", "5"));
        // within the settle time the twin may still be catching up: no verdict yet
        CpeDevice early = fixture.awaitDevice(name, d -> d.getStatus().getSummary().getBootTime() != null
                && Instant.parse(d.getStatus().getSummary().getBootTime()).isAfter(Instant.parse("2026-12-06T10:00:20Z")));
        assertThat(early.getStatus().getFirmware().getState()).isEqualTo("Downloading");

        CLOCK.advance(Duration.ofMinutes(3));
        fixture.gateway.change(identity.id(), Map.of("Device.DeviceInfo.ProcessStatus.CPUUsage", "20"));
        CpeDevice failed = fixture.awaitDevice(name, d -> "Failed".equals(d.getStatus().getFirmware().getState()));
        assertThat(failed.getStatus().getFirmware().getLastFaultMessage())
                .contains("booted at").contains("without installing 2.0.0");
        assertThat(failed.getStatus().getFirmware().getNextAttemptAfter()).isNotNull();
    }
}
