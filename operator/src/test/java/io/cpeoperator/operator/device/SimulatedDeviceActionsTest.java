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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
        fixture = new SimulatedOperatorFixture(NS, 2, 2, "--status-write-interval", "0s",
                "--last-contact-interval", "0s");
        fixture.startDevices(1.0);
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    /** Devices upgraded in the firmware tests; the others take the one-shot actions. */
    private static DeviceId firmwareDevice(Protocol protocol) {
        return protocol == Protocol.CWMP ? cwmpId(0) : uspId(0);
    }

    private static List<DeviceId> actionDevices() {
        return List.of(cwmpId(1), uspId(1));
    }

    /**
     * The device downloads the image, installs it and boots into it; then an image the device fails to download is
     * reported with the device's fault, and the next attempts wait longer and longer.
     */
    @ParameterizedTest
    @EnumSource(Protocol.class)
    void firmwareIsInstalledThenAFailureBacksOff(Protocol protocol) {
        DeviceId id = firmwareDevice(protocol);
        String name = nameOf(id);
        SimulatedDevice device = fixture.device(id);
        fixture.awaitDevice(name, d -> hasCondition(d, "Ready", "True", null));
        String before = device.state().softwareVersion();
        int boots = device.state().bootCount();

        fixture.resources.edit(name, d -> {
            d.getSpec().setFirmware(firmware("9.1.0", "http://fw.example.net/nl-ax3000-9.1.0.bin"));
            return d;
        });
        CpeDevice upgraded = fixture.awaitDevice(name, d -> hasCondition(d, "FirmwareCurrent", "True", "UpToDate")
                && "9.1.0".equals(d.getStatus().getSummary().getSoftwareVersion()));
        assertThat(device.state().softwareVersion()).isEqualTo("9.1.0");
        assertThat(device.state().bootCount()).isEqualTo(boots + 1);
        assertThat(device.state().downloadRequests()).isEqualTo(1);
        assertThat(upgraded.getStatus().getFirmware().getState()).isEqualTo("Succeeded");
        assertThat(upgraded.getStatus().getFirmware().getAttempts()).isEqualTo(1);
        assertThat(fixture.awaitEvent(name, "FirmwareChanged").getMessage()).contains(before).contains("9.1.0");
        fixture.awaitEvent(name, "Rebooted");

        fixture.resources.edit(name, d -> {
            d.getSpec().setFirmware(firmware("9.2.0", "http://fw.example.net/nl-ax3000-fail-9.2.0.bin"));
            return d;
        });
        CpeDevice failed = fixture.awaitDevice(name, d -> d.getStatus().getFirmware() != null
                && "9.2.0".equals(d.getStatus().getFirmware().getTargetVersion())
                && "Failed".equals(d.getStatus().getFirmware().getState()));
        Instant firstFailure = Instant.now();
        int faultCode = protocol == Protocol.CWMP ? 9010 : 7022; // the simulator's "Download failure"
        assertThat(condition(failed, "FirmwareCurrent").getStatus()).isEqualTo("False");
        assertThat(condition(failed, "FirmwareCurrent").getReason()).isIn("DownloadFailed", "RetryScheduled");
        assertThat(condition(failed, "FirmwareCurrent").getMessage()).contains(Integer.toString(faultCode));
        assertThat(failed.getStatus().getFirmware().getLastFaultCode()).isEqualTo(faultCode);
        assertThat(failed.getStatus().getFirmware().getLastFaultMessage()).isNotBlank();
        assertThat(failed.getStatus().getSummary().getSoftwareVersion()).isEqualTo("9.1.0");
        assertThat(fixture.awaitEvent(name, "FirmwareFailed").getType()).isEqualTo("Warning");
        assertThat(device.state().downloadRequests()).isEqualTo(2);

        // backoff: the second attempt comes no sooner than ~5 s later, the third waits twice as long
        CpeDevice second = fixture.awaitDevice(name, d -> d.getStatus().getFirmware().getAttempts() == 2
                && "Failed".equals(d.getStatus().getFirmware().getState()));
        assertThat(Duration.between(firstFailure, Instant.now())).isGreaterThan(Duration.ofSeconds(4));
        assertThat(device.state().downloadRequests()).isEqualTo(3);
        Instant third = Instant.parse(second.getStatus().getFirmware().getNextAttemptAfter());
        assertThat(Duration.between(Instant.now(), third)).isGreaterThan(Duration.ofSeconds(8));
        assertThat(device.state().softwareVersion()).isEqualTo("9.1.0");
    }

    /**
     * spec.reboot and spec.factoryReset run once per requestedAt: each device boots exactly once per request, and an
     * operator restart (the devices come back to the new process) repeats neither.
     */
    @Test
    void rebootAndFactoryResetRunExactlyOnceAcrossAnOperatorRestart() throws Exception {
        for (DeviceId id : actionDevices()) {
            fixture.awaitDevice(nameOf(id), d -> hasCondition(d, "Ready", "True", null));
        }
        int[] boots = actionDevices().stream().mapToInt(id -> fixture.device(id).state().bootCount()).toArray();

        requestAndAwait("2026-11-25T10:00:00Z", (d, at) -> d.getSpec().setReboot(new OneShotAction(at)),
                d -> d.getStatus().getActions() == null ? null : d.getStatus().getActions().getReboot());
        for (int i = 0; i < boots.length; i++) {
            DeviceId id = actionDevices().get(i);
            int expected = boots[i] + 1;
            Await.until(() -> fixture.device(id).state().bootCount(), count -> count >= expected);
            assertThat(fixture.awaitEvent(nameOf(id), "RebootRequested").getType()).isEqualTo("Normal");
            fixture.awaitEvent(nameOf(id), "Rebooted");
        }

        requestAndAwait("2026-11-25T10:05:00Z", (d, at) -> d.getSpec().setFactoryReset(new OneShotAction(at)),
                d -> d.getStatus().getActions() == null ? null : d.getStatus().getActions().getFactoryReset());
        for (int i = 0; i < boots.length; i++) {
            DeviceId id = actionDevices().get(i);
            int expected = boots[i] + 2;
            Await.until(() -> fixture.device(id).state().bootCount(), count -> count >= expected);
            fixture.awaitEvent(nameOf(id), "FactoryResetRequested");
        }

        fixture.stopOperator();
        Instant restart = Instant.now();
        fixture.startOperator();
        // CWMP devices come back at their next periodic Inform. A USP agent stays silent until it has something to
        // say, and a restarted controller cannot address it before (it learns the agent's reply topic from its
        // messages): here the subscriber changes a parameter the controller subscribed to (ValueChange).
        fixture.device(uspId(1)).localChange("Device.DeviceInfo.ProvisioningCode", "after-restart");
        for (DeviceId id : actionDevices()) {
            // the new process heard from the device and reconciled its CpeDevice after that
            fixture.awaitDevice(nameOf(id), d -> d.getStatus().getSummary().getLastContact() != null
                    && Instant.parse(d.getStatus().getSummary().getLastContact()).isAfter(restart)
                    && hasCondition(d, "Connected", "True", null));
        }
        for (int i = 0; i < boots.length; i++) {
            assertThat(fixture.device(actionDevices().get(i)).state().bootCount())
                    .as("boots of %s", actionDevices().get(i)).isEqualTo(boots[i] + 2);
        }
        for (DeviceId id : actionDevices()) {
            assertThat(fixture.events(nameOf(id)).stream().filter(e -> "RebootRequested".equals(e.getReason())))
                    .hasSize(1);
        }
    }

    private interface Request {
        void set(CpeDevice device, String requestedAt);
    }

    private static void requestAndAwait(String requestedAt, Request request, Function<CpeDevice, ActionStatus> action) {
        for (DeviceId id : actionDevices()) {
            fixture.resources.edit(nameOf(id), d -> {
                request.set(d, requestedAt);
                return d;
            });
        }
        for (DeviceId id : actionDevices()) {
            CpeDevice done = fixture.awaitDevice(nameOf(id), d -> action.apply(d) != null
                    && requestedAt.equals(action.apply(d).getHandledRequestedAt())
                    && "Succeeded".equals(action.apply(d).getOutcome()));
            assertThat(action.apply(done).getCompletedAt()).isNotNull();
        }
    }

    private static FirmwareSpec firmware(String version, String url) {
        FirmwareSpec firmware = new FirmwareSpec();
        firmware.setVersion(version);
        firmware.setUrl(url);
        return firmware;
    }
}
