package io.cpeoperator.operator.device;

import io.cpeoperator.api.v1alpha1.ActionStatus;
import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.FirmwareSpec;
import io.cpeoperator.api.v1alpha1.OneShotAction;
import io.cpeoperator.api.v1alpha1.Protocol;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.operator.testing.Await;
import io.cpeoperator.operator.testing.SimulatedOperatorFixture;
import io.cpeoperator.simulator.SimulatedDevice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.cpeoperator.operator.testing.OperatorFixture.condition;
import static io.cpeoperator.operator.testing.OperatorFixture.hasCondition;
import static io.cpeoperator.operator.testing.SimulatedOperatorFixture.cwmpId;
import static io.cpeoperator.operator.testing.SimulatedOperatorFixture.nameOf;
import static io.cpeoperator.operator.testing.SimulatedOperatorFixture.uspId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Firmware and one-shot actions on simulated CWMP and USP devices through the real bridges: the image the device
 * installs, its own fault codes, the Download requests it receives, and how often it boots, also across an operator
 * restart.
 */
class SimulatedDeviceActionsTest {

    private static final String NS = "sim-actions";
    private static SimulatedOperatorFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new SimulatedOperatorFixture(NS, 3, 3, "--status-write-interval", "0s",
                "--last-contact-interval", "0s");
        fixture.startDevices(1.0);
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    /** Devices upgraded in the firmware test; the others take one one-shot action each. */
    private static DeviceId firmwareDevice(Protocol protocol) {
        return protocol == Protocol.CWMP ? cwmpId(0) : uspId(0);
    }

    private static final String REQUESTED_AT = "2026-11-25T10:00:00Z";
    private static final List<DeviceId> REBOOTED = List.of(cwmpId(1), uspId(1));
    private static final List<DeviceId> RESET = List.of(cwmpId(2), uspId(2));
    private static final List<DeviceId> ACTION_DEVICES = List.of(cwmpId(1), uspId(1), cwmpId(2), uspId(2));

    /**
     * The device downloads the image, installs it and boots into it; then an image the device fails to download is
     * reported with the device's fault, and the next attempts wait longer and longer. Both protocols at once, so they
     * share the waiting.
     */
    @Test
    void firmwareIsInstalledThenAFailureBacksOff() {
        Map<Protocol, String> before = new EnumMap<>(Protocol.class);
        Map<Protocol, Integer> boots = new EnumMap<>(Protocol.class);
        for (Protocol protocol : Protocol.values()) {
            DeviceId id = firmwareDevice(protocol);
            fixture.awaitDevice(nameOf(id), d -> hasCondition(d, "Ready", "True", null));
            before.put(protocol, fixture.simulated(id).state().softwareVersion());
            boots.put(protocol, fixture.simulated(id).state().bootCount());
            requestFirmware(id, "9.1.0", "http://fw.example.net/nl-ax3000-9.1.0.bin");
        }
        for (Protocol protocol : Protocol.values()) {
            DeviceId id = firmwareDevice(protocol);
            String name = nameOf(id);
            SimulatedDevice device = fixture.simulated(id);
            CpeDevice upgraded = fixture.awaitDevice(name, d -> hasCondition(d, "FirmwareCurrent", "True", "UpToDate")
                    && "9.1.0".equals(d.getStatus().getSummary().getSoftwareVersion()));
            assertThat(device.state().softwareVersion()).isEqualTo("9.1.0");
            assertThat(device.state().bootCount()).isEqualTo(boots.get(protocol) + 1);
            assertThat(device.state().downloadRequests()).isEqualTo(1);
            assertThat(upgraded.getStatus().getFirmware().getState()).isEqualTo("Succeeded");
            assertThat(upgraded.getStatus().getFirmware().getAttempts()).isEqualTo(1);
            assertThat(fixture.awaitEvent(name, "FirmwareChanged").getMessage()).contains(before.get(protocol))
                    .contains("9.1.0");
            fixture.awaitEvent(name, "Rebooted");
        }

        Map<Protocol, Instant> firstRetry = new EnumMap<>(Protocol.class);
        for (Protocol protocol : Protocol.values()) {
            requestFirmware(firmwareDevice(protocol), "9.2.0", "http://fw.example.net/nl-ax3000-fail-9.2.0.bin");
        }
        for (Protocol protocol : Protocol.values()) {
            DeviceId id = firmwareDevice(protocol);
            String name = nameOf(id);
            CpeDevice failed = fixture.awaitDevice(name, d -> d.getStatus().getFirmware() != null
                    && "9.2.0".equals(d.getStatus().getFirmware().getTargetVersion())
                    && "Failed".equals(d.getStatus().getFirmware().getState()));
            int faultCode = protocol == Protocol.CWMP ? 9010 : 7022; // the simulator's "Download failure"
            assertThat(condition(failed, "FirmwareCurrent").getStatus()).isEqualTo("False");
            assertThat(condition(failed, "FirmwareCurrent").getReason()).isIn("DownloadFailed", "RetryScheduled");
            assertThat(condition(failed, "FirmwareCurrent").getMessage()).contains(Integer.toString(faultCode));
            assertThat(failed.getStatus().getFirmware().getLastFaultCode()).isEqualTo(faultCode);
            assertThat(failed.getStatus().getFirmware().getLastFaultMessage()).isNotBlank();
            assertThat(failed.getStatus().getSummary().getSoftwareVersion()).isEqualTo("9.1.0");
            assertThat(fixture.awaitEvent(name, "FirmwareFailed").getType()).isEqualTo("Warning");
            firstRetry.put(protocol, Instant.parse(failed.getStatus().getFirmware().getNextAttemptAfter()));
        }

        // backoff: no attempt before the announced time; the next failure announces a wait twice as long (5 s, 10 s)
        Instant earliestRetry = firstRetry.values().stream().min(Instant::compareTo).orElseThrow();
        Await.until(Instant::now, now -> now.isAfter(earliestRetry.minusMillis(500)), Duration.ofSeconds(10));
        for (Protocol protocol : Protocol.values()) {
            assertThat(fixture.simulated(firmwareDevice(protocol)).state().downloadRequests()).isEqualTo(2);
        }
        for (Protocol protocol : Protocol.values()) {
            DeviceId id = firmwareDevice(protocol);
            CpeDevice second = fixture.awaitDevice(nameOf(id), d -> d.getStatus().getFirmware().getAttempts() == 2
                    && "Failed".equals(d.getStatus().getFirmware().getState()));
            assertThat(fixture.simulated(id).state().downloadRequests()).isEqualTo(3);
            Instant secondRetry = Instant.parse(second.getStatus().getFirmware().getNextAttemptAfter());
            assertThat(Duration.between(firstRetry.get(protocol), secondRetry)).isGreaterThan(Duration.ofMillis(9500));
            assertThat(fixture.simulated(id).state().softwareVersion()).isEqualTo("9.1.0");
        }
    }

    private static void requestFirmware(DeviceId id, String version, String url) {
        FirmwareSpec firmware = new FirmwareSpec();
        firmware.setVersion(version);
        firmware.setUrl(url);
        fixture.resources.edit(nameOf(id), d -> {
            d.getSpec().setFirmware(firmware);
            return d;
        });
    }

    /**
     * spec.reboot and spec.factoryReset run once per requestedAt: each device boots exactly once, and an operator
     * restart (the devices come back to the new process) repeats neither.
     */
    @Test
    void rebootAndFactoryResetRunExactlyOnceAcrossAnOperatorRestart() throws Exception {
        Map<DeviceId, Integer> boots = new LinkedHashMap<>();
        for (DeviceId id : ACTION_DEVICES) {
            fixture.awaitDevice(nameOf(id), d -> hasCondition(d, "Ready", "True", null));
            boots.put(id, fixture.simulated(id).state().bootCount());
        }
        Instant requested = Instant.now();
        for (DeviceId id : REBOOTED) {
            fixture.resources.edit(nameOf(id), d -> {
                d.getSpec().setReboot(new OneShotAction(REQUESTED_AT));
                return d;
            });
        }
        for (DeviceId id : RESET) {
            fixture.resources.edit(nameOf(id), d -> {
                d.getSpec().setFactoryReset(new OneShotAction(REQUESTED_AT));
                return d;
            });
        }
        for (DeviceId id : ACTION_DEVICES) {
            boolean reboot = REBOOTED.contains(id);
            Function<CpeDevice, ActionStatus> action = d -> d.getStatus().getActions() == null ? null
                    : reboot ? d.getStatus().getActions().getReboot() : d.getStatus().getActions().getFactoryReset();
            CpeDevice done = fixture.awaitDevice(nameOf(id), d -> action.apply(d) != null
                    && REQUESTED_AT.equals(action.apply(d).getHandledRequestedAt())
                    && "Succeeded".equals(action.apply(d).getOutcome()));
            assertThat(action.apply(done).getCompletedAt()).isNotNull();
            Await.until(() -> fixture.simulated(id).state().bootCount(), count -> count > boots.get(id));
            assertThat(fixture.awaitEvent(nameOf(id), reboot ? "RebootRequested" : "FactoryResetRequested")
                    .getType()).isEqualTo("Normal");
            fixture.awaitEvent(nameOf(id), "Rebooted");
            if (!reboot) {
                // a reset device is synchronised anew; on a USP agent the controller's subscriptions are back
                fixture.awaitDevice(nameOf(id), d -> d.getStatus().getTwin().getLastFullSync() != null
                        && Instant.parse(d.getStatus().getTwin().getLastFullSync()).isAfter(requested)
                        && hasCondition(d, "Synced", "True", null));
            }
        }

        fixture.stopOperator();
        Instant restart = Instant.now();
        fixture.startOperator();
        // CWMP devices come back at their next periodic Inform, USP agents at their next Periodic! heartbeat (the
        // restarted controller learns an agent's reply topic from it); neither is asked to say anything
        for (DeviceId id : ACTION_DEVICES) {
            // the new process heard from the device and reconciled its CpeDevice after that
            fixture.awaitDevice(nameOf(id), d -> d.getStatus().getSummary().getLastContact() != null
                    && Instant.parse(d.getStatus().getSummary().getLastContact()).isAfter(restart)
                    && hasCondition(d, "Connected", "True", null));
        }
        for (DeviceId id : ACTION_DEVICES) {
            assertThat(fixture.simulated(id).state().bootCount()).as("boots of %s", id).isEqualTo(boots.get(id) + 1);
            assertThat(fixture.events(nameOf(id)).stream().filter(e -> e.getReason().endsWith("Requested")))
                    .hasSize(1);
        }
    }
}
