package io.cpeoperator.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cpeoperator.simulator.device.DeviceProfile;
import io.cpeoperator.simulator.model.ModelCatalog;
import io.cpeoperator.simulator.scenario.GroundTruth;
import io.cpeoperator.simulator.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FleetPlannerTest {

    private static final ModelCatalog CATALOG = new ModelCatalog("self::cpe-operator", "usp/controller/cpe-operator");

    @Test
    void mixAndScenarioSharesAreExactAndReproducible() {
        SimulatorConfig config = SimulatorConfig.builder().devices(200).mix("cwmp=50,usp=40,usp-mqtt3=10")
                .scenarios("interference=10%,reboot-loop=2%,overheating=3,cpu-overload=@0@1").seed(99).build();
        List<DeviceProfile> fleet = FleetPlanner.plan(config, CATALOG);
        assertThat(fleet.stream().filter(p -> p.transport() == DeviceProfile.Transport.CWMP)).hasSize(100);
        assertThat(fleet.stream().filter(p -> p.transport() == DeviceProfile.Transport.USP_MQTT5)).hasSize(80);
        assertThat(fleet.stream().filter(p -> p.transport() == DeviceProfile.Transport.USP_MQTT311)).hasSize(20);
        assertThat(fleet.stream().filter(p -> p.scenarios().contains(Scenario.INTERFERENCE))).hasSize(20);
        assertThat(fleet.stream().filter(p -> p.scenarios().contains(Scenario.REBOOT_LOOP))).hasSize(4)
                .allMatch(p -> p.initialFirmware().equals(p.model().buggyFirmware()));
        assertThat(fleet.stream().filter(p -> p.scenarios().contains(Scenario.OVERHEATING))).hasSize(3);
        assertThat(fleet.get(0).scenarios()).contains(Scenario.CPU_OVERLOAD);
        assertThat(fleet.stream().filter(p -> p.transport().isUsp())).allMatch(p -> p.model().uspCapable()
                && p.id().toString().equals("usp:" + p.endpointId()));
        assertThat(FleetPlanner.plan(config, CATALOG)).extracting(DeviceProfile::id)
                .containsExactlyElementsOf(fleet.stream().map(DeviceProfile::id).toList());
    }

    @Test
    void hardwareBoundScenariosOnlyHitFittingModels() {
        SimulatorConfig config = SimulatorConfig.builder().devices(100).mix("cwmp=100")
                .scenarios("mesh-backhaul=100%,pppoe-flaps=100%").build();
        for (DeviceProfile profile : FleetPlanner.plan(config, CATALOG)) {
            assertThat(profile.scenarios().contains(Scenario.MESH_BACKHAUL)).isEqualTo(profile.model().meshNode());
            assertThat(profile.scenarios().contains(Scenario.PPPOE_FLAPS)).isEqualTo(profile.model().pppoeWan());
        }
    }

    @Test
    void badSpecsAreRefusedWithClearMessages() {
        assertThatThrownBy(() -> SimulatorConfig.builder().scenarios("wifi-gremlins=5%")).hasMessageContaining("unknown scenario");
        assertThatThrownBy(() -> SimulatorConfig.builder().mix("carrier-pigeon=5")).hasMessageContaining("unknown protocol");
        assertThatThrownBy(() -> SimulatorConfig.builder().mix("cwmp=0").build()).hasMessageContaining("positive share");
        assertThatThrownBy(() -> SimulatorConfig.builder().scenarios("interference=120%")).hasMessageContaining("out of range");
    }

    @Test
    void groundTruthIsKeyedByCanonicalDeviceIdAndWrittenAsJson(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("truth.json");
        SimulatorConfig config = SimulatorConfig.builder().devices(20).mix("cwmp=50,usp=50")
                .acsUrl("http://127.0.0.1:1/").mqttUrl("tcp://127.0.0.1:1")
                .scenarios("weak-signal=25%").groundTruthFile(file).build();
        try (Simulator simulator = new Simulator(config)) {
            simulator.start();
            Map<String, GroundTruth> truth = simulator.groundTruth();
            assertThat(truth).hasSize(20);
            assertThat(truth.keySet()).allMatch(k -> k.startsWith("cwmp:") || k.startsWith("usp:"));
            assertThat(truth.values().stream().filter(t -> t.scenarios().contains("weak-signal"))).hasSize(5);
            assertThat(truth.values().stream().filter(GroundTruth::healthy)).hasSize(15);
            JsonNode json = new ObjectMapper().readTree(file.toFile());
            assertThat(json.get("devices")).hasSize(20);
            assertThat(json.get("scenarios").get("weak-signal").get("signature").asText()).contains("SignalStrength");
            String someId = json.get("devices").get(0).get("deviceId").asText();
            assertThat(simulator.device(someId)).isPresent();
        }
    }

    @Test
    void commandLineHelpListsEveryOptionAndBadInputExitsWith2() throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        assertThat(SimulatorMain.run(new String[] {"--help"}, new java.io.PrintStream(out), new java.io.PrintStream(err))).isZero();
        assertThat(out.toString()).contains("--acs URL", "--mqtt URL", "--devices N", "--mix SPEC", "--scenario SPEC",
                "--ground-truth FILE", "--load MODE", "--day DURATION");
        assertThat(SimulatorMain.run(new String[] {"--devices", "many"}, new java.io.PrintStream(out),
                new java.io.PrintStream(err))).isEqualTo(2);
        assertThat(err.toString()).contains("--devices must be a whole number");
    }
}
