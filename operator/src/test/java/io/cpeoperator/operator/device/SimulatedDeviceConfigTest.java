package io.cpeoperator.operator.device;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.CpeDeviceSpec;
import io.cpeoperator.api.v1alpha1.DeviceIdentitySpec;
import io.cpeoperator.api.v1alpha1.Protocol;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.twin.TwinParameter;
import io.cpeoperator.operator.device.identity.DeviceLabels;
import io.cpeoperator.operator.testing.Await;
import io.cpeoperator.operator.testing.SimulatedOperatorFixture;
import io.cpeoperator.simulator.SimulatedDevice;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import static io.cpeoperator.operator.testing.OperatorFixture.condition;
import static io.cpeoperator.operator.testing.OperatorFixture.hasCondition;
import static io.cpeoperator.operator.testing.SimulatedOperatorFixture.cwmpId;
import static io.cpeoperator.operator.testing.SimulatedOperatorFixture.nameOf;
import static io.cpeoperator.operator.testing.SimulatedOperatorFixture.uspId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Discovery, GitOps adoption and desired configuration against simulated CWMP (TR-181 and TR-098) and USP devices
 * through the real ACS and USP controller: values change on the devices themselves, faults come from their data
 * models, drift is a change the subscriber makes on the device.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SimulatedDeviceConfigTest {

    private static final String NS = "sim-config";
    private static final String SSID = "Device.WiFi.SSID.1.SSID";
    private static final String MAX_CLIENTS = "Device.WiFi.AccessPoint.1.MaxAssociatedDevices";
    private static final String TX_POWER = "Device.WiFi.Radio.1.TransmitPower";
    private static final String TR098_DNS = "InternetGatewayDevice.LANDevice.1.LANHostConfigManagement.DNSServers";
    private static final String TR098_PING_REPETITIONS = "InternetGatewayDevice.IPPingDiagnostics.NumberOfRepetitions";
    private static SimulatedOperatorFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new SimulatedOperatorFixture(NS, 2, 2, "--status-write-interval", "0s",
                "--drift-check-interval", "2s");
        // written ahead of time, before the devices ever connected: zero-touch provisioning
        for (Protocol protocol : Protocol.values()) {
            CpeDevice resource = gitOpsDevice(protocol);
            fixture.client.resource(resource).create();
            fixture.awaitDevice(resource.getMetadata().getName(), d -> d.getStatus().getObservedGeneration() != null);
        }
        fixture.startDevices(1.0);
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    @Order(1) // before the fault test gives these devices a spec
    void connectingDevicesAreDiscoveredNamedLabelledAndReady() throws Exception {
        DeviceId tr098 = cwmpId(1);
        CpeDevice cwmp = fixture.awaitDevice(nameOf(tr098), d -> hasCondition(d, "Ready", "True", null));
        assertThat(cwmp.getMetadata().getName()).isEqualTo("0c37dc-hg658-ont-sim00000002");
        assertThat(cwmp.getSpec().getProtocol()).isEqualTo(Protocol.CWMP);
        assertThat(cwmp.getSpec().getIdentity()).isEqualTo(DeviceIdentitySpec.cwmp("0C37DC", "HG658-ONT",
                "SIM00000002"));
        assertThat(cwmp.getMetadata().getLabels()).containsEntry(DeviceLabels.OUI, "0c37dc")
                .containsEntry(DeviceLabels.PRODUCT_CLASS, "hg658-ont").containsEntry(DeviceLabels.PROTOCOL, "cwmp")
                .containsEntry(DeviceLabels.MODEL, "hg658-ont");
        assertThat(cwmp.getStatus().getSummary().getDataModel()).isEqualTo("TR-098");
        assertThat(cwmp.getStatus().getSummary().getManufacturer()).isEqualTo("Meridian Optical");
        assertThat(cwmp.getStatus().getSummary().getSoftwareVersion())
                .isEqualTo(fixture.simulated(tr098).state().softwareVersion());
        assertEveryConditionOfAHealthyDevice(cwmp);
        assertThat(fixture.awaitEvent(cwmp.getMetadata().getName(), "Discovered").getMessage())
                .contains(tr098.toString());

        DeviceId endpoint = uspId(1);
        CpeDevice usp = fixture.awaitDevice(nameOf(endpoint), d -> hasCondition(d, "Ready", "True", null));
        // an endpoint ID carries characters a name cannot: mapped, and a hash keeps two such IDs apart
        assertThat(usp.getMetadata().getName()).matches("os-00d09e-sim00000102-[0-9a-f]{10}");
        assertThat(usp.getSpec().getProtocol()).isEqualTo(Protocol.USP);
        assertThat(usp.getSpec().getIdentity().getEndpointId()).isEqualTo("os::00D09E-SIM00000102");
        assertThat(usp.getMetadata().getLabels()).containsEntry(DeviceLabels.PROTOCOL, "usp")
                .containsEntry(DeviceLabels.OUI, "00d09e").containsEntry(DeviceLabels.MODEL, "nl-ax3000");
        assertThat(usp.getStatus().getSummary().getDataModel()).isEqualTo("TR-181");
        assertThat(usp.getStatus().getSummary().getModelName()).isNotBlank();
        assertEveryConditionOfAHealthyDevice(usp);
        assertThat(fixture.awaitEvent(usp.getMetadata().getName(), "Discovered").getMessage())
                .contains(endpoint.toString());

        // the twin read API on the HTTP port answers from what the bridge read off the device
        HttpResponse<String> twin = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + fixture.app.httpPort() + "/api/v1/devices/" + NS + "/"
                        + usp.getMetadata().getName() + "/parameters?path=" + SSID)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(twin.statusCode()).isEqualTo(200);
        assertThat(twin.body()).contains("\"value\":\"" + fixture.simulated(endpoint).value(SSID) + "\"");
    }

    /**
     * A USP agent whose network is gone sends nothing, not even a DisconnectRecord: the missing Periodic! heartbeats
     * turn Connected False; when it is back it is Connected again.
     */
    @Test
    @Order(Integer.MAX_VALUE) // last: the agent goes away
    void aSilentUspAgentIsReportedUnreachableAndReachableWhenBack() {
        DeviceId endpoint = uspId(1);
        String name = nameOf(endpoint);
        fixture.awaitDevice(name, d -> hasCondition(d, "Connected", "True", "Reachable"));

        fixture.simulated(endpoint).agent().goOffline();
        CpeDevice gone = fixture.awaitDevice(name, d -> hasCondition(d, "Connected", "False", "Unreachable"));
        assertThat(condition(gone, "Ready").getMessage()).contains("not connected");
        // the bridge's reason, and the time the device was really last heard from (not the time it was given up)
        assertThat(condition(gone, "Connected").getMessage()).contains("(no Periodic! notification for ");
        assertThat(java.time.Instant.parse(gone.getStatus().getSummary().getLastContact()))
                .isBefore(java.time.Instant.parse(condition(gone, "Connected").getLastTransitionTime()));

        fixture.simulated(endpoint).agent().goOnline();
        fixture.awaitDevice(name, d -> hasCondition(d, "Connected", "True", "Reachable"));
    }

    private static void assertEveryConditionOfAHealthyDevice(CpeDevice device) {
        assertThat(condition(device, "Connected").getReason()).isEqualTo("Reachable");
        assertThat(condition(device, "Synced").getStatus()).isEqualTo("True");
        assertThat(condition(device, "ConfigApplied").getReason()).isEqualTo("NoParametersDesired");
        assertThat(condition(device, "FirmwareCurrent").getStatus()).isEqualTo("True");
        assertThat(condition(device, "Ready").getStatus()).isEqualTo("True");
        assertThat(device.getStatus().getTwin().getParameterCount()).isPositive();
        assertThat(device.getStatus().getSummary().getBootTime()).isNotNull();
        assertThat(device.getStatus().getSummary().getLastContact()).isNotNull();
    }

    /**
     * A CpeDevice written ahead of time is adopted (not duplicated) and configured; a subscriber's change is
     * repaired; while suspended neither a spec change nor drift reaches the device, but observation goes on.
     */
    @ParameterizedTest
    @EnumSource(Protocol.class)
    void gitOpsDeviceIsAdoptedConfiguredRepairedAndSuspended(Protocol protocol) throws Exception {
        DeviceId id = gitOpsId(protocol);
        String name = gitOpsName(protocol);
        SimulatedDevice device = fixture.simulated(id);

        CpeDevice applied = fixture.awaitDevice(name, d -> hasCondition(d, "ConfigApplied", "True", "Applied"));
        assertThat(device.value(SSID)).isEqualTo("gitops-" + protocol.name().toLowerCase());
        assertThat(device.value(MAX_CLIENTS)).isEqualTo("20");
        assertThat(applied.getStatus().getConfig().getApplied()).isEqualTo(2);
        assertThat(applied.getMetadata().getLabels()).containsEntry(DeviceLabels.PROTOCOL,
                protocol.name().toLowerCase());
        assertThat(fixture.awaitEvent(name, "Adopted").getMessage()).contains(id.toString());
        fixture.awaitEvent(name, "ConfigApplied");
        assertThat(fixture.device(nameOf(id))).as("no second CpeDevice for an adopted device").isNull();

        // the subscriber changes the SSID on the device: drift, repaired
        device.localChange(SSID, "subscriber-choice");
        fixture.awaitEvent(name, "DriftRepaired");
        Await.until(() -> device.value(SSID), ("gitops-" + protocol.name().toLowerCase())::equals);

        // suspended: a new desired value is not written, nor is drift repaired; status still follows the device
        int writesBefore = device.state().parameterWriteRequests();
        edit(name, d -> {
            d.getSpec().setSuspend(true);
            d.getSpec().getParameters().put(SSID, "while-suspended");
            return d;
        });
        CpeDevice suspended = fixture.awaitDevice(name, d -> d.getStatus().getObservedGeneration() == 2
                && hasCondition(d, "ConfigApplied", "False", "Suspended"));
        assertThat(suspended.getStatus().getConfig().getPending()).isEqualTo(1);
        device.localChange(MAX_CLIENTS, "7");
        Await.until(() -> twinValue(id, MAX_CLIENTS), "7"::equals); // observed
        fixture.awaitDevice(name, d -> d.getStatus().getConfig().getPending() == 2);
        assertThat(device.value(SSID)).isEqualTo("gitops-" + protocol.name().toLowerCase());
        assertThat(device.value(MAX_CLIENTS)).isEqualTo("7");
        assertThat(device.state().parameterWriteRequests()).isEqualTo(writesBefore);

        edit(name, d -> {
            d.getSpec().setSuspend(false);
            return d;
        });
        fixture.awaitDevice(name, d -> d.getStatus().getObservedGeneration() == 3
                && hasCondition(d, "ConfigApplied", "True", "Applied"));
        assertThat(device.value(SSID)).isEqualTo("while-suspended");
        assertThat(device.value(MAX_CLIENTS)).isEqualTo("20");
    }

    /**
     * Paths the device does not have or cannot write are refused before anything is sent; a value the device refuses
     * comes back with its own fault code. Both are permanent: a Warning Event, and no retry while the spec stands.
     * Both protocols at once, so they share the waiting.
     */
    @Test
    void faultsAreReportedPerParameterAndNotRetried() {
        Map<Protocol, Integer> writesBefore = new EnumMap<>(Protocol.class);
        for (Protocol protocol : Protocol.values()) {
            DeviceId id = faultyId(protocol);
            fixture.awaitDevice(nameOf(id), d -> hasCondition(d, "Synced", "True", null));
            writesBefore.put(protocol, fixture.simulated(id).state().parameterWriteRequests());
            String root = protocol == Protocol.CWMP ? "InternetGatewayDevice." : "Device.";
            fixture.resources.edit(nameOf(id), d -> {
                d.getSpec().getParameters().putAll(Map.of(writable(protocol), "192.0.2.53",
                        root + "DeviceInfo.ModelName", "renamed", root + "NoSuch.Thing", "1"));
                return d;
            });
        }
        for (Protocol protocol : Protocol.values()) {
            DeviceId id = faultyId(protocol);
            String name = nameOf(id);
            String root = protocol == Protocol.CWMP ? "InternetGatewayDevice." : "Device.";
            CpeDevice invalid = fixture.awaitDevice(name, d -> d.getStatus().getObservedGeneration() == 2
                    && hasCondition(d, "ConfigApplied", "False", "InvalidParameters"));
            assertThat(invalid.getStatus().getConfig().getFailed()).extracting(f -> f.getPath())
                    .containsExactlyInAnyOrder(root + "DeviceInfo.ModelName", root + "NoSuch.Thing");
            assertThat(invalid.getStatus().getConfig().getFailed()).allSatisfy(f -> assertThat(f.getFaultMessage())
                    .isNotBlank());
            assertThat(condition(invalid, "ConfigApplied").getMessage()).contains(root + "DeviceInfo.ModelName")
                    .contains(root + "NoSuch.Thing");
            assertThat(condition(invalid, "Ready").getStatus()).isEqualTo("False");
            assertThat(fixture.awaitEvent(name, "ConfigFailed").getType()).isEqualTo("Warning");
            assertThat(fixture.simulated(id).state().parameterWriteRequests()).as("nothing sent")
                    .isEqualTo(writesBefore.get(protocol));

            // a value out of the device's range: sent, and refused by the device with its own fault code
            fixture.resources.edit(name, d -> {
                d.getSpec().setParameters(new LinkedHashMap<>(Map.of(outOfRange(protocol), "100000")));
                return d;
            });
        }
        for (Protocol protocol : Protocol.values()) {
            DeviceId id = faultyId(protocol);
            String name = nameOf(id);
            CpeDevice refused = fixture.awaitDevice(name, d -> d.getStatus().getObservedGeneration() == 3
                    && hasCondition(d, "ConfigApplied", "False", "DeviceRejected"));
            assertThat(refused.getStatus().getConfig().getFailed()).singleElement().satisfies(f -> {
                assertThat(f.getPath()).isEqualTo(outOfRange(protocol));
                assertThat(f.getFaultCode()).isEqualTo(protocol == Protocol.CWMP ? 9007 : 7012);
                assertThat(f.getFaultMessage()).isNotBlank();
            });
            assertThat(Await.until(() -> fixture.events(name).stream().filter(e -> "ConfigFailed".equals(
                    e.getReason()) && e.getMessage().contains(outOfRange(protocol))).findFirst().orElse(null),
                    e -> true).getType()).isEqualTo("Warning");
            assertThat(fixture.simulated(id).state().parameterWriteRequests()).isEqualTo(writesBefore.get(protocol) + 1);
        }

        // seconds of telemetry, periodic sessions and drift checks, each a reason to reconcile: no second attempt
        Duration window = Duration.ofSeconds(4);
        long until = System.nanoTime() + window.toNanos();
        Await.until(System::nanoTime, now -> now >= until, window.plusSeconds(5));
        for (Protocol protocol : Protocol.values()) {
            SimulatedDevice device = fixture.simulated(faultyId(protocol));
            assertThat(device.state().parameterWriteRequests()).as("%s writes", protocol)
                    .isEqualTo(writesBefore.get(protocol) + 1);
            assertThat(device.value(outOfRange(protocol))).isNotEqualTo("100000");
        }
    }

    /** The discovered devices (TR-098 over CWMP, TR-181 over USP) take the faulty specs. */
    private static DeviceId faultyId(Protocol protocol) {
        return protocol == Protocol.CWMP ? cwmpId(1) : uspId(1);
    }

    private static String writable(Protocol protocol) {
        return protocol == Protocol.CWMP ? TR098_DNS : SSID;
    }

    private static String outOfRange(Protocol protocol) {
        return protocol == Protocol.CWMP ? TR098_PING_REPETITIONS : TX_POWER;
    }

    private static String twinValue(DeviceId id, String path) {
        return fixture.app.deviceGateway().twins().get(id, path).map(TwinParameter::value).orElse(null);
    }

    private static void edit(String name, UnaryOperator<CpeDevice> change) {
        fixture.resources.edit(name, change);
    }

    private static DeviceId gitOpsId(Protocol protocol) {
        return protocol == Protocol.CWMP ? cwmpId(0) : uspId(0);
    }

    private static String gitOpsName(Protocol protocol) {
        return "gitops-" + protocol.name().toLowerCase();
    }

    private static CpeDevice gitOpsDevice(Protocol protocol) {
        DeviceId id = gitOpsId(protocol);
        CpeDevice device = new CpeDevice();
        device.setMetadata(new ObjectMetaBuilder().withName(gitOpsName(protocol)).withNamespace(NS).build());
        CpeDeviceSpec spec = new CpeDeviceSpec();
        spec.setProtocol(protocol);
        spec.setIdentity(protocol == Protocol.CWMP ? DeviceIdentitySpec.cwmp("00D09E", "NL-AX3000",
                id.key().substring(id.key().lastIndexOf('-') + 1)) : DeviceIdentitySpec.usp(id.key()));
        spec.setParameters(new LinkedHashMap<>(Map.of(SSID, gitOpsName(protocol), MAX_CLIENTS, "20")));
        device.setSpec(spec);
        return device;
    }
}
