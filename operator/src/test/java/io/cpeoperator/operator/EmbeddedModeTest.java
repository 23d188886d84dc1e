package io.cpeoperator.operator;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.CpeDeviceSpec;
import io.cpeoperator.api.v1alpha1.CpeFleet;
import io.cpeoperator.api.v1alpha1.CpeFleetSpec;
import io.cpeoperator.api.v1alpha1.DeviceIdentitySpec;
import io.cpeoperator.api.v1alpha1.Protocol;
import io.cpeoperator.operator.conditions.Conditions;
import io.cpeoperator.operator.config.OperatorConfig;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Boots the operator in embedded mode and drives it through the fabric8 client and its HTTP port. */
class EmbeddedModeTest {

    private static final String NS = "cpe-test";
    private static OperatorApplication app;
    private static KubernetesClient client;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        app = new OperatorApplication(OperatorConfig.parse(new String[]{"--bind-address", "127.0.0.1",
                "--http-port", "0", "--acs-port", "0", "--mqtt-port", "0"}, Map.of()), true,
                Clock.systemUTC());
        app.start();
        client = app.kubernetesClient();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
                .create();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void reconcilerWritesObservedGenerationAndEveryConditionForADevice() {
        client.resource(device("cwmp-1", Protocol.CWMP, DeviceIdentitySpec.cwmp("00D09E", "IGD", "0001"),
                Map.of("Device.WiFi.SSID.1.SSID", "home"))).create();

        CpeDevice reconciled = await(() -> client.resources(CpeDevice.class).inNamespace(NS).withName("cwmp-1").get(),
                d -> d.getStatus() != null && d.getStatus().getObservedGeneration() != null);

        assertThat(reconciled.getStatus().getObservedGeneration()).isEqualTo(reconciled.getMetadata().getGeneration());
        List<Condition> conditions = reconciled.getStatus().getConditions();
        assertThat(conditions).extracting(Condition::getType)
                .containsExactly("Ready", "Connected", "Synced", "ConfigApplied", "FirmwareCurrent", "QoEHealthy");
        assertThat(Conditions.find(conditions, "ConfigApplied").orElseThrow().getReason()).isEqualTo("WaitingForDevice");
        assertThat(Conditions.find(conditions, "FirmwareCurrent").orElseThrow().getStatus()).isEqualTo("True");
        assertThat(Conditions.find(conditions, "QoEHealthy").orElseThrow().getReason()).isEqualTo("NotYetReported");
        assertThat(Conditions.find(conditions, "Ready").orElseThrow().getStatus()).isEqualTo("Unknown");
        assertThat(conditions).allSatisfy(c -> assertThat(c.getLastTransitionTime()).isNotBlank());
    }

    @Test
    void specChangeMovesObservedGeneration() {
        client.resource(device("usp-1", Protocol.USP, DeviceIdentitySpec.usp("os::00D09E-0002"), Map.of())).create();
        await(() -> client.resources(CpeDevice.class).inNamespace(NS).withName("usp-1").get(),
                d -> d.getStatus() != null && Long.valueOf(1).equals(d.getStatus().getObservedGeneration()));

        client.resources(CpeDevice.class).inNamespace(NS).withName("usp-1")
                .edit(d -> {
                    d.getSpec().setSuspend(true);
                    return d;
                });

        CpeDevice updated = await(() -> client.resources(CpeDevice.class).inNamespace(NS).withName("usp-1").get(),
                d -> d.getStatus().getObservedGeneration() == 2L);
        Condition config = Conditions.find(updated.getStatus().getConditions(), "ConfigApplied").orElseThrow();
        assertThat(config.getReason()).isEqualTo("Suspended");
        assertThat(config.getObservedGeneration()).isEqualTo(2L);
    }

    @Test
    void invalidSpecGetsAConditionAndAWarningEvent() {
        client.resource(device("bad-1", Protocol.CWMP, DeviceIdentitySpec.cwmp("XYZ", null, "9"),
                Map.of("Device.WiFi.*.SSID", "x"))).create();

        CpeDevice bad = await(() -> client.resources(CpeDevice.class).inNamespace(NS).withName("bad-1").get(),
                d -> d.getStatus() != null && d.getStatus().getObservedGeneration() != null);
        Condition config = Conditions.find(bad.getStatus().getConditions(), "ConfigApplied").orElseThrow();
        assertThat(config.getStatus()).isEqualTo("False");
        assertThat(config.getReason()).isEqualTo("InvalidSpec");
        assertThat(config.getMessage()).contains("spec.identity.oui 'XYZ'").contains("Device.WiFi.*.SSID");

        Event event = await(() -> client.v1().events().inNamespace(NS).list().getItems().stream()
                .filter(e -> "bad-1".equals(e.getInvolvedObject().getName())).findFirst().orElse(null), e -> true);
        assertThat(event.getType()).isEqualTo("Warning");
        assertThat(event.getReason()).isEqualTo("InvalidSpec");
    }

    @Test
    void fleetCountsTheDevicesItsSelectorMatches() {
        CpeDevice labelled = device("fleet-member", Protocol.CWMP, DeviceIdentitySpec.cwmp("00D09E", "IGD", "0100"), Map.of());
        labelled.getMetadata().setLabels(Map.of("cpeoperator.io/product-class", "igd"));
        client.resource(labelled).create();
        CpeFleet fleet = new CpeFleet();
        fleet.setMetadata(new ObjectMetaBuilder().withName("igd").withNamespace(NS).build());
        CpeFleetSpec spec = new CpeFleetSpec();
        spec.setSelector(new LabelSelectorBuilder().addToMatchLabels("cpeoperator.io/product-class", "igd").build());
        fleet.setSpec(spec);
        client.resource(fleet).create();

        CpeFleet reconciled = await(() -> client.resources(CpeFleet.class).inNamespace(NS).withName("igd").get(),
                f -> f.getStatus() != null && Integer.valueOf(1).equals(f.getStatus().getDevices()));
        assertThat(reconciled.getStatus().getObservedGeneration()).isEqualTo(1L);
        assertThat(reconciled.getStatus().getConditions()).extracting(Condition::getType)
                .containsExactly("Ready", "DevicesSelected", "ConfigApplied", "RolloutProgressing", "Degraded");
        assertThat(Conditions.find(reconciled.getStatus().getConditions(), "DevicesSelected").orElseThrow().getStatus())
                .isEqualTo("True");

        CpeDevice second = device("fleet-member-2", Protocol.CWMP, DeviceIdentitySpec.cwmp("00D09E", "IGD", "0101"), Map.of());
        second.getMetadata().setLabels(Map.of("cpeoperator.io/product-class", "igd"));
        client.resource(second).create();
        await(() -> client.resources(CpeFleet.class).inNamespace(NS).withName("igd").get(),
                f -> Integer.valueOf(2).equals(f.getStatus().getDevices()));
    }

    @Test
    void healthReadinessAndMetricsAnswer() throws Exception {
        assertThat(get("/healthz").statusCode()).isEqualTo(200);
        assertThat(app.isReady()).isTrue();
        assertThat(get("/readyz").statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("operator_sdk_");
    }

    @Test
    void resourceViewsListAndGet() throws Exception {
        client.resource(device("view-1", Protocol.USP, DeviceIdentitySpec.usp("os::00D09E-0003"), Map.of())).create();

        HttpResponse<String> list = get("/api/v1/cpedevices?namespace=" + NS);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"kind\":\"CpeDeviceList\"").contains("\"name\":\"view-1\"");
        HttpResponse<String> one = get("/api/v1/cpedevices/" + NS + "/view-1");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains("\"endpointId\":\"os::00D09E-0003\"");
        assertThat(get("/api/v1/cpefleets").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource({
            "/api/v1/cpedevices/" + NS + "/no-such-device, 404",
            "/api/v1/cpefleets/" + NS + "/no-such-fleet, 404",
            "/api/v1/cpedevices?namespace=Not_A_Namespace, 400",
            "/api/v1/cpedevices?limit=5, 400",
            "/api/v1/cpedevices/" + NS + "/UPPER, 400",
            "/api/v1/cpedevices/" + NS + "/x?pretty=true, 400",
            "/api/v1/unknown, 404",
            "/healthz?x=1, 400"})
    void badRequestsGetClientErrorsNeverServerErrors(String path, int status) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body()).contains("\"error\"");
    }

    @Test
    void writesAreRefusedWith405() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/cpedevices"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);
    }

    private static CpeDevice device(String name, Protocol protocol, DeviceIdentitySpec identity,
                                    Map<String, String> parameters) {
        CpeDevice device = new CpeDevice();
        device.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NS).build());
        CpeDeviceSpec spec = new CpeDeviceSpec();
        spec.setProtocol(protocol);
        spec.setIdentity(identity);
        spec.setParameters(new java.util.LinkedHashMap<>(parameters));
        device.setSpec(spec);
        return device;
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.httpPort() + path);
    }

    private static <T> T await(Supplier<T> read, java.util.function.Predicate<T> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        T last = null;
        while (Instant.now().isBefore(deadline)) {
            last = read.get();
            if (last != null && condition.test(last)) {
                return last;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("condition not reached within 30 s; last value: " + last);
    }
}
