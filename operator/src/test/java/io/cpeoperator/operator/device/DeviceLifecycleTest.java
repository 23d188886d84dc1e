package io.cpeoperator.operator.device;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.CpeDeviceSpec;
import io.cpeoperator.api.v1alpha1.DeviceIdentitySpec;
import io.cpeoperator.api.v1alpha1.FirmwareSpec;
import io.cpeoperator.api.v1alpha1.Protocol;
import io.cpeoperator.bridge.device.DeviceEvent;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.device.DeviceIdentity;
import io.cpeoperator.bridge.device.DeviceOperationException;
import io.cpeoperator.bridge.device.ParameterFault;
import io.cpeoperator.operator.device.identity.DeviceLabels;
import io.cpeoperator.operator.testing.Await;
import io.cpeoperator.operator.testing.OperatorFixture;
import io.cpeoperator.operator.testing.Tr181Trees;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.cpeoperator.operator.testing.OperatorFixture.condition;
import static io.cpeoperator.operator.testing.OperatorFixture.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;

/** A device's life in embedded mode with a fake gateway: discovery, adoption, status, configuration, firmware. */
class DeviceLifecycleTest {

    private static final String NS = "cpe-life";
    private static final String INTERVAL = "Device.ManagementServer.PeriodicInformInterval";
    private static OperatorFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new OperatorFixture(NS, Clock.systemUTC(), "--status-write-interval", "0s");
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void connectingDeviceIsDiscoveredNamedLabelledAndSummarised() {
        DeviceIdentity identity = Tr181Trees.cwmpIdentity("1001");
        fixture.gateway.connect(identity, Tr181Trees.tr181(identity));

        CpeDevice device = fixture.awaitDevice("00d09e-igd-1001", d -> hasCondition(d, "Ready", "True", null));

        assertThat(device.getSpec().getProtocol()).isEqualTo(Protocol.CWMP);
        assertThat(device.getSpec().getIdentity()).isEqualTo(DeviceIdentitySpec.cwmp("00D09E", "IGD", "1001"));
        assertThat(device.getMetadata().getLabels())
                .containsEntry(DeviceLabels.OUI, "00d09e").containsEntry(DeviceLabels.PRODUCT_CLASS, "igd")
                .containsEntry(DeviceLabels.MODEL, "acme-x1").containsEntry(DeviceLabels.PROTOCOL, "cwmp");
        assertThat(device.getStatus().getSummary().getModelName()).isEqualTo("Acme X1");
        assertThat(device.getStatus().getSummary().getWanAddress()).isEqualTo("203.0.113.7");
        assertThat(device.getStatus().getSummary().getRadios()).hasSize(2);
        assertThat(device.getStatus().getSummary().getLastContact()).isNotNull();
        assertThat(device.getStatus().getTwin().getParameterCount()).isPositive();
        assertThat(condition(device, "Connected").getReason()).isEqualTo("Reachable");
        assertThat(condition(device, "Synced").getStatus()).isEqualTo("True");
        assertThat(condition(device, "ConfigApplied").getReason()).isEqualTo("NoParametersDesired");
        assertThat(condition(device, "FirmwareCurrent").getStatus()).isEqualTo("True");
        // judged from the twin in the same reconcile: the small tree is healthy where it reports anything
        assertThat(condition(device, "QoEHealthy").getReason()).isEqualTo("Healthy");
        assertThat(device.getStatus().getQoe().getNotAssessed()).isNotEmpty();
        assertThat(fixture.awaitEvent("00d09e-igd-1001", "Discovered").getMessage()).contains("cwmp:00D09E-IGD-1001");
    }

    @Test
    void deviceWhoseFullSyncHasNotFinishedIsSyncPendingUntilItHas() {
        DeviceIdentity identity = Tr181Trees.cwmpIdentity("1009");
        Map<String, String> tree = Tr181Trees.tr181(identity);
        fixture.gateway.connectUnsynced(identity, Map.of("Device.DeviceInfo.SoftwareVersion",
                tree.get("Device.DeviceInfo.SoftwareVersion")));

        CpeDevice pending = fixture.awaitDevice("00d09e-igd-1009", d -> hasCondition(d, "Synced", "False",
                "SyncPending"));
        assertThat(condition(pending, "Connected").getStatus()).isEqualTo("True");
        assertThat(condition(pending, "Ready").getStatus()).isEqualTo("False");
        assertThat(condition(pending, "Ready").getMessage()).startsWith("Synced: ");

        fixture.gateway.connect(identity, tree);
        CpeDevice synced = fixture.awaitDevice("00d09e-igd-1009", d -> hasCondition(d, "Synced", "True",
                "Synchronised") && hasCondition(d, "Ready", "True", null));
        assertThat(synced.getStatus().getTwin().getLastFullSync()).isNotNull();
    }

    @Test
    void uspDeviceGetsAHashedName() {
        DeviceIdentity identity = Tr181Trees.uspIdentity("2001");
        fixture.gateway.connect(identity, Tr181Trees.tr181(identity));

        CpeDevice device = Await.until(() -> fixture.client.resources(CpeDevice.class).inNamespace(NS)
                .withLabel(DeviceLabels.PROTOCOL, "usp").list().getItems().stream()
                .filter(d -> "os::00D09E-2001".equals(d.getSpec().getIdentity().getEndpointId()))
                .findFirst().orElse(null), d -> true);
        assertThat(device.getMetadata().getName()).matches("os-00d09e-2001-[0-9a-f]{10}");
    }

    @Test
    void deviceWrittenAheadOfTimeIsAdoptedNotDuplicated() {
        created(device("my-router", "1002", Map.of()));
        DeviceIdentity identity = Tr181Trees.cwmpIdentity("1002");
        fixture.gateway.connect(identity, Tr181Trees.tr181(identity));

        CpeDevice adopted = fixture.awaitDevice("my-router", d -> hasCondition(d, "Connected", "True", null)
                && d.getMetadata().getLabels() != null && d.getMetadata().getLabels().containsKey(DeviceLabels.PROTOCOL));
        assertThat(adopted.getMetadata().getLabels()).containsEntry(DeviceLabels.MODEL, "acme-x1");
        assertThat(fixture.awaitEvent("my-router", "Adopted").getMessage()).contains("zero-touch");
        assertThat(fixture.device("00d09e-igd-1002")).isNull();
    }

    @Test
    void onlyTheDifferenceIsSentThenDriftIsRepaired() {
        DeviceIdentity identity = Tr181Trees.cwmpIdentity("1003");
        created(device("cfg-1003", "1003",
                Map.of(INTERVAL, "60", "Device.WiFi.SSID.1.SSID", "home")));
        fixture.gateway.connect(identity, Tr181Trees.tr181(identity));

        CpeDevice applied = fixture.awaitDevice("cfg-1003", d -> hasCondition(d, "ConfigApplied", "True", "Applied"));
        assertThat(applied.getStatus().getConfig().getApplied()).isEqualTo(2);
        assertThat(applied.getStatus().getConfig().getPending()).isZero();
        assertThat(applied.getStatus().getConfig().getAppliedGeneration()).isEqualTo(1L);
        assertThat(setsFor(INTERVAL)).containsExactly(Map.of(INTERVAL, "60"));
        fixture.awaitEvent("cfg-1003", "ConfigApplied");

        fixture.gateway.change(identity.id(), Map.of(INTERVAL, "300")); // the subscriber changed it
        fixture.awaitEvent("cfg-1003", "DriftRepaired");
        assertThat(fixture.gateway.twins().get(identity.id(), INTERVAL).orElseThrow().value()).isEqualTo("60");
        assertThat(setsFor(INTERVAL)).hasSize(2);
    }

    @Test
    void permanentDeviceFaultIsReportedAndNotRetried() {
        String path = "Device.WiFi.SSID.2.SSID";
        DeviceIdentity identity = Tr181Trees.cwmpIdentity("1004");
        fixture.gateway.failSetOf(path, new DeviceOperationException(9001, "Request denied",
                List.of(new ParameterFault(path, 9008, "Attempt to set a non-writable parameter"))));
        created(device("fault-1004", "1004", Map.of(path, "guest")));
        fixture.gateway.connect(identity, Tr181Trees.tr181(identity));

        CpeDevice failed = fixture.awaitDevice("fault-1004",
                d -> hasCondition(d, "ConfigApplied", "False", "DeviceRejected"));
        assertThat(failed.getStatus().getConfig().getFailed()).singleElement().satisfies(f -> {
            assertThat(f.getPath()).isEqualTo(path);
            assertThat(f.getFaultCode()).isEqualTo(9008);
            assertThat(f.getFaultMessage()).contains("non-writable");
        });
        assertThat(fixture.awaitEvent("fault-1004", "ConfigFailed").getType()).isEqualTo("Warning");
        for (int i = 0; i < 5; i++) {
            fixture.gateway.change(identity.id(), Map.of("Device.DeviceInfo.ProcessStatus.CPUUsage", "" + (20 + i)));
        }
        Await.until(() -> fixture.device("fault-1004"), d -> true);
        assertThat(setsFor(path)).hasSize(1);
        fixture.gateway.clearSetFaults();
    }

    @Test
    void parameterTheDeviceDoesNotHaveIsRejectedBeforeSending() {
        String path = "Device.NoSuch.Thing";
        DeviceIdentity identity = Tr181Trees.cwmpIdentity("1005");
        created(device("unknown-1005", "1005", Map.of(path, "1")));
        fixture.gateway.connect(identity, Tr181Trees.tr181(identity));

        CpeDevice rejected = fixture.awaitDevice("unknown-1005",
                d -> hasCondition(d, "ConfigApplied", "False", "InvalidParameters"));
        assertThat(condition(rejected, "ConfigApplied").getMessage()).contains(path);
        assertThat(condition(rejected, "Ready").getStatus()).isEqualTo("False");
        assertThat(fixture.awaitEvent("unknown-1005", "ConfigFailed").getType()).isEqualTo("Warning");
        assertThat(setsFor(path)).isEmpty();
    }

    @Test
    void suspendStopsEveryWriteButObservationGoesOn() {
        DeviceIdentity identity = Tr181Trees.cwmpIdentity("1006");
        CpeDevice resource = device("susp-1006", "1006", Map.of("Device.WiFi.SSID.1.SSID", "suspended-ssid"));
        resource.getSpec().setSuspend(true);
        resource.getSpec().setReboot(new io.cpeoperator.api.v1alpha1.OneShotAction("2026-11-25T10:00:00Z"));
        created(resource);
        fixture.gateway.connect(identity, Tr181Trees.tr181(identity));

        CpeDevice suspended = fixture.awaitDevice("susp-1006", d -> hasCondition(d, "ConfigApplied", "False",
                "Suspended") && d.getStatus().getSummary() != null);
        assertThat(suspended.getStatus().getConfig().getPending()).isEqualTo(1);
        assertThat(suspended.getStatus().getSummary().getSoftwareVersion()).isEqualTo("1.0.0");
        assertThat(setsFor("Device.WiFi.SSID.1.SSID")).noneMatch(m -> m.containsValue("suspended-ssid"));
        assertThat(fixture.gateway.reboots.get(identity.id())).isNull();
    }

    @Test
    void firmwareUpgradeIsTrackedToTheNewVersion() {
        DeviceIdentity identity = Tr181Trees.cwmpIdentity("1007");
        CpeDevice resource = device("fw-1007", "1007", Map.of());
        resource.getSpec().setFirmware(firmware("2.0.0"));
        created(resource);
        fixture.gateway.connect(identity, Tr181Trees.tr181(identity));

        CpeDevice upgraded = fixture.awaitDevice("fw-1007", d -> hasCondition(d, "FirmwareCurrent", "True", "UpToDate"));
        assertThat(upgraded.getStatus().getFirmware().getState()).isEqualTo("Succeeded");
        assertThat(upgraded.getStatus().getFirmware().getCurrentVersion()).isEqualTo("2.0.0");
        assertThat(upgraded.getStatus().getFirmware().getAttempts()).isEqualTo(1);
        assertThat(upgraded.getStatus().getSummary().getSoftwareVersion()).isEqualTo("2.0.0");
        assertThat(fixture.gateway.downloads).filteredOn(d -> d.version().equals("2.0.0")).hasSize(1);
        fixture.awaitEvent("fw-1007", "FirmwareChanged");
        fixture.awaitEvent("fw-1007", "Rebooted");
    }

    @Test
    void firmwareFailureCarriesTheFaultAndBacksOff() {
        DeviceIdentity identity = Tr181Trees.cwmpIdentity("1008");
        fixture.gateway.failFirmwareWith(new DeviceOperationException(9010, "Download failure"));
        try {
            CpeDevice resource = device("fw-1008", "1008", Map.of());
            resource.getSpec().setFirmware(firmware("9.9.9"));
            created(resource);
            fixture.gateway.connect(identity, Tr181Trees.tr181(identity));

            // DownloadFailed right after the failure, RetryScheduled while the backoff runs
            CpeDevice failed = fixture.awaitDevice("fw-1008", d -> d.getStatus().getFirmware() != null
                    && "Failed".equals(d.getStatus().getFirmware().getState()));
            assertThat(condition(failed, "FirmwareCurrent").getStatus()).isEqualTo("False");
            assertThat(condition(failed, "FirmwareCurrent").getReason()).isIn("DownloadFailed", "RetryScheduled");
            assertThat(condition(failed, "FirmwareCurrent").getMessage()).contains("9010");
            assertThat(failed.getStatus().getFirmware().getLastFaultCode()).isEqualTo(9010);
            assertThat(failed.getStatus().getFirmware().getLastFaultMessage()).isEqualTo("Download failure");
            assertThat(failed.getStatus().getFirmware().getNextAttemptAfter()).isNotNull();
            assertThat(fixture.awaitEvent("fw-1008", "FirmwareFailed").getType()).isEqualTo("Warning");
            java.time.Instant failedAt = java.time.Instant.now();
            java.time.Instant nextAttempt = java.time.Instant.parse(failed.getStatus().getFirmware().getNextAttemptAfter());
            assertThat(nextAttempt).isAfter(failedAt.plusSeconds(2)); // backoff: 5 s, then 10 s, 20 s, ...
            fixture.gateway.change(identity.id(), Map.of("Device.DeviceInfo.ProcessStatus.CPUUsage", "33"));
            assertThat(fixture.gateway.downloads).filteredOn(d -> d.version().equals("9.9.9"))
                    .hasSizeLessThanOrEqualTo(failed.getStatus().getFirmware().getAttempts());
        } finally {
            fixture.gateway.failFirmwareWith(null);
        }
    }

    @Test
    void disconnectTurnsConnectedFalse() {
        DeviceIdentity identity = Tr181Trees.cwmpIdentity("1009");
        fixture.gateway.connect(identity, Tr181Trees.tr181(identity));
        fixture.awaitDevice("00d09e-igd-1009", d -> hasCondition(d, "Connected", "True", null));
        fixture.gateway.disconnect(identity.id());
        CpeDevice gone = fixture.awaitDevice("00d09e-igd-1009", d -> hasCondition(d, "Connected", "False",
                "Unreachable"));
        assertThat(condition(gone, "Ready").getReason()).isEqualTo("Unreachable");
    }

    @Test
    void deletingForgetsTheTwinAndReconnectingRediscovers() {
        DeviceIdentity identity = Tr181Trees.cwmpIdentity("1010");
        fixture.gateway.connect(identity, Tr181Trees.tr181(identity));
        fixture.awaitDevice("00d09e-igd-1010", d -> hasCondition(d, "Synced", "True", null));

        fixture.client.resources(CpeDevice.class).inNamespace(NS).withName("00d09e-igd-1010").delete();
        Await.until(() -> fixture.gateway.forgotten, list -> list.contains(identity.id()));
        Await.until(() -> fixture.device("00d09e-igd-1010") == null, gone -> gone);
        assertThat(fixture.gateway.twins().contains(identity.id())).isFalse();

        fixture.gateway.connect(identity, Tr181Trees.tr181(identity));
        fixture.awaitDevice("00d09e-igd-1010", d -> hasCondition(d, "Synced", "True", null));
    }

    @Test
    void twinReadApi() throws Exception {
        DeviceIdentity identity = Tr181Trees.cwmpIdentity("1011");
        fixture.gateway.connect(identity, Tr181Trees.tr181(identity));
        fixture.awaitDevice("00d09e-igd-1011", d -> hasCondition(d, "Synced", "True", null));
        String base = "/api/v1/devices/" + NS + "/00d09e-igd-1011/parameters";

        HttpResponse<String> ok = get(base + "?path=Device.WiFi.Radio.*.Channel&maxAge=PT1H");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"path\":\"Device.WiFi.Radio.1.Channel\"").contains("\"value\":\"36\"")
                .contains("\"stale\":[]");
        assertThat(get("/api/v1/devices/" + NS + "/nobody/parameters?path=Device.").statusCode()).isEqualTo(404);
        assertThat(get(base + "?path=Device..X").statusCode()).isEqualTo(400);
        assertThat(get(base + "?path=Device.&maxAge=soon").statusCode()).isEqualTo(400);
        assertThat(get(base).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/devices/BAD/x/parameters?path=Device.").statusCode()).isEqualTo(400);
        assertThat(get(base + "?path=Device.&x=1").statusCode()).isEqualTo(400);
    }

    @Test
    void eventsForUnknownDevicesWithoutConnectAreIgnored() {
        DeviceId stranger = DeviceId.cwmp("00D09E", "IGD", "9999");
        fixture.gateway.emit(new DeviceEvent.TwinChanged(stranger, java.time.Instant.now(), java.util.Set.of("Device.X")));
        assertThat(fixture.device("00d09e-igd-9999")).isNull();
    }

    /** Creates the resource and waits until the operator has seen it (so its device is adopted, not discovered). */
    private static void created(CpeDevice resource) {
        fixture.client.resource(resource).create();
        fixture.awaitDevice(resource.getMetadata().getName(), d -> d.getStatus().getObservedGeneration() != null);
    }

    private static List<Map<String, String>> setsFor(String path) {
        return fixture.gateway.setCalls.stream().filter(m -> m.containsKey(path)).toList();
    }

    private static FirmwareSpec firmware(String version) {
        FirmwareSpec firmware = new FirmwareSpec();
        firmware.setVersion(version);
        firmware.setUrl("https://fw.example.net/x1-" + version + ".bin");
        return firmware;
    }

    static CpeDevice device(String name, String serial, Map<String, String> parameters) {
        CpeDevice device = new CpeDevice();
        device.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NS).build());
        CpeDeviceSpec spec = new CpeDeviceSpec();
        spec.setProtocol(Protocol.CWMP);
        spec.setIdentity(DeviceIdentitySpec.cwmp("00D09E", "IGD", serial));
        spec.setParameters(new LinkedHashMap<>(parameters));
        device.setSpec(spec);
        return device;
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + fixture.app.httpPort() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
