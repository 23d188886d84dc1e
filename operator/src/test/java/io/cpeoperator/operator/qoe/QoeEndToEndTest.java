package io.cpeoperator.operator.qoe;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.QoeFinding;
import io.cpeoperator.operator.testing.Await;
import io.cpeoperator.operator.testing.SimulatedOperatorFixture;
import io.cpeoperator.simulator.scenario.GroundTruth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.cpeoperator.operator.testing.OperatorFixture.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator with its real bridges and a simulated fleet, some devices with troubles: every troubled device gets
 * exactly the finding codes its ground truth names, the top one among them, QoEHealthy=False and a QoEDegraded Event;
 * the healthy ones stay QoEHealthy=True with no finding. Both protocols and both data models.
 */
class QoeEndToEndTest {

    private static final String NS = "cpe-qoe";
    private static SimulatedOperatorFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new SimulatedOperatorFixture(NS, 6, 9, "--status-write-interval", "0s", "--qoe-interval", "1s",
                "--qoe-telemetry-interval", "3s");
        fixture.startDevices(1.0, "wan-loss=1,memory-leak=1,overheating=1,dhcp-churn=1",
                "weak-signal=1,interference=1,high-noise=1,sticky-2g=1,pppoe-flaps=1");
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void troubledDevicesGetTheirFindingsAndHealthyOnesStayHealthy() throws Exception {
        Map<String, GroundTruth> truth = fixture.groundTruth();
        assertThat(truth).hasSize(15);
        Map<String, String> names = new java.util.HashMap<>();
        truth.keySet().forEach(id -> names.put(id, SimulatedOperatorFixture.nameOf(
                io.cpeoperator.bridge.device.DeviceId.parse(id))));
        List<String> mismatches = new ArrayList<>();
        try {
            Await.until(() -> mismatches(truth, names), List::isEmpty, Duration.ofSeconds(150));
        } catch (AssertionError e) {
            throw new AssertionError("QoE did not match the ground truth:\n" + String.join("\n",
                    mismatches(truth, names)), e);
        }
        int degraded = 0;
        for (Map.Entry<String, GroundTruth> entry : truth.entrySet()) {
            CpeDevice device = fixture.device(names.get(entry.getKey()));
            if (entry.getValue().healthy()) {
                assertThat(hasCondition(device, "QoEHealthy", "True", "Healthy")).as(entry.getKey()).isTrue();
                assertThat(device.getStatus().getQoe().getScore()).isNotNull();
                assertThat(device.getStatus().getQoe().getReport()).startsWith("Everything looks healthy");
            } else {
                QoeFinding top = device.getStatus().getQoe().getFindings().get(0);
                assertThat(entry.getValue().expectedFindings()).as(entry.getKey()).contains(top.getCode());
                assertThat(hasCondition(device, "QoEHealthy", "False", top.getCode())).as(entry.getKey()).isTrue();
                assertThat(top.getEvidence()).as(entry.getKey()).isNotBlank();
                assertThat(top.getAction()).as(entry.getKey()).isNotBlank();
                assertThat(device.getStatus().getQoe().getReport()).as(entry.getKey()).contains("is the main problem");
                fixture.awaitEvent(names.get(entry.getKey()), "QoEDegraded");
                degraded++;
            }
        }
        // nine scenarios over fifteen devices: a device may draw two, so at least five are troubled, some healthy
        assertThat(degraded).isBetween(5, 9);
        assertThat(truth.values().stream().filter(GroundTruth::healthy).count()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void theQoeApiServesTheFullAssessment() throws Exception {
        String id = fixture.groundTruth().entrySet().stream().filter(e -> !e.getValue().healthy())
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        String name = SimulatedOperatorFixture.nameOf(io.cpeoperator.bridge.device.DeviceId.parse(id));
        fixture.awaitDevice(name, d -> d.getStatus() != null && d.getStatus().getQoe() != null
                && d.getStatus().getQoe().getFindings() != null);
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + fixture.app.httpPort() + "/api/v1/devices/" + NS + "/" + name
                + "/qoe");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"factors\"").contains("\"evidence\"").contains("\"observedAt\"")
                .contains("\"report\"");
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + fixture.app.httpPort() + "/api/v1/devices/" + NS + "/no-such-device/qoe")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    private static List<String> mismatches(Map<String, GroundTruth> truth, Map<String, String> names) {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, GroundTruth> entry : truth.entrySet()) {
            CpeDevice device = fixture.device(names.get(entry.getKey()));
            Set<String> expected = new TreeSet<>(entry.getValue().expectedFindings());
            Set<String> seen = device == null || device.getStatus() == null || device.getStatus().getQoe() == null
                    ? null : device.getStatus().getQoe().getFindings() == null ? Set.of()
                    : device.getStatus().getQoe().getFindings().stream().map(QoeFinding::getCode)
                    .collect(Collectors.toCollection(TreeSet::new));
            boolean healthyOk = !entry.getValue().healthy() || (device != null && device.getStatus() != null
                    && hasCondition(device, "QoEHealthy", "True", "Healthy"));
            if (seen == null || !seen.equals(expected) || !healthyOk) {
                wrong.add(entry.getKey() + " " + entry.getValue().model() + " " + entry.getValue().scenarios()
                        + ": expected " + expected + ", status shows " + seen
                        + (device == null || device.getStatus() == null || device.getStatus().getQoe() == null ? ""
                        : " / " + device.getStatus().getQoe().getReport()));
            }
        }
        return wrong;
    }
}
