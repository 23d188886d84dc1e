package io.cpeoperator.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cpeoperator.simulator.device.DeviceProfile;
import io.cpeoperator.simulator.model.ModelCatalog;
import io.cpeoperator.simulator.model.ScenarioFit;
import io.cpeoperator.simulator.model.VendorModel;
import io.cpeoperator.simulator.scenario.GroundTruth;
import io.cpeoperator.simulator.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scenarios go only where the model can show them; a running device's scenarios can change, truth and data alike. */
class ScenarioAssignmentTest {

    private static final ModelCatalog CATALOG = new ModelCatalog("self::cpe-operator", "usp/controller/cpe-operator");

    @Test
    void everyScenarioLandsOnlyOnModelsThatCanShowIt() {
        StringBuilder spec = new StringBuilder();
        for (Scenario scenario : Scenario.values()) {
            if (scenario != Scenario.HEALTHY) {
                spec.append(spec.length() == 0 ? "" : ",").append(scenario.cliName()).append("=30%");
            }
        }
        SimulatorConfig config = SimulatorConfig.builder().devices(400).mix("cwmp=60,usp=40").scenarios(spec.toString())
                .seed(4242).build();
        List<DeviceProfile> fleet = FleetPlanner.plan(config, CATALOG);
        for (DeviceProfile profile : fleet) {
            VendorModel model = profile.model();
            for (Scenario scenario : profile.scenarios()) {
                assertThat(ScenarioFit.whyNot(scenario, model)).as(scenario + " on " + model.productClass()).isEmpty();
            }
            if (model.dataModel() == VendorModel.DataModel.TR098) {
                assertThat(profile.scenarios()).doesNotContain(Scenario.WEAK_SIGNAL, Scenario.INTERFERENCE,
                        Scenario.HIGH_NOISE, Scenario.STICKY_2G, Scenario.PPPOE_FLAPS, Scenario.MESH_BACKHAUL);
            }
            if (model.meshNode()) {
                assertThat(profile.scenarios()).doesNotContain(Scenario.PPPOE_FLAPS);
            }
        }
        // 30% of the fleet, all drawn from the eligible devices
        assertThat(fleet.stream().filter(p -> p.scenarios().contains(Scenario.WEAK_SIGNAL))).hasSize(120);
        assertThat(fleet.stream().filter(p -> p.scenarios().contains(Scenario.CPU_OVERLOAD))).hasSize(120);
        assertThat(fleet.stream().filter(p -> p.model().dataModel() == VendorModel.DataModel.TR098
                && p.scenarios().contains(Scenario.CPU_OVERLOAD))).isNotEmpty();
        assertThat(FleetPlanner.plan(config, CATALOG)).extracting(DeviceProfile::scenarios)
                .containsExactlyElementsOf(fleet.stream().map(DeviceProfile::scenarios).toList());
    }

    @Test
    void anExplicitIndexOnAModelThatCannotShowTheScenarioIsRefused() {
        SimulatorConfig config = SimulatorConfig.builder().devices(4).mix("cwmp=100")
                .models(List.of("HG658-ONT")).scenarios("weak-signal=@2").build();
        assertThatThrownBy(() -> FleetPlanner.plan(config, CATALOG)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("@2").hasMessageContaining("HG658-ONT cannot show weak-signal")
                .hasMessageContaining("no per-client Wi-Fi signal");
        SimulatorConfig mesh = SimulatorConfig.builder().devices(2).mix("usp=100")
                .models(List.of("MX-Mesh-S")).scenarios("pppoe-flaps=@1").build();
        assertThatThrownBy(() -> FleetPlanner.plan(mesh, CATALOG)).hasMessageContaining("no PPPoE WAN");
    }

    @Test
    void scenariosSwitchAtRuntimeInTruthAndData(@TempDir Path dir) throws Exception {
        SimulatorConfig config = SimulatorConfig.builder().devices(3).mix("cwmp=100").models(List.of("NL-AX3000", "HG658-ONT"))
                .acsUrl("http://127.0.0.1:1/").mqttUrl("tcp://127.0.0.1:1").seed(8).build();
        try (Simulator simulator = new Simulator(config)) {
            simulator.start();
            SimulatedDevice gateway = simulator.devices().get(0);
            String id = gateway.id().toString();
            assertThat(simulator.groundTruth().get(id).healthy()).isTrue();
            assertThat(simulator.groundTruth().get(id).expectedFindings()).isEmpty();
            assertThat(Long.parseLong(gateway.value("Device.DeviceInfo.ProcessStatus.CPUUsage"))).isLessThan(90);

            simulator.setScenarios(id, Set.of(Scenario.CPU_OVERLOAD, Scenario.WAN_LOSS, Scenario.MEMORY_LEAK));
            GroundTruth truth = simulator.groundTruth().get(id);
            assertThat(truth.scenarios()).containsExactly("cpu-overload", "memory-leak", "wan-loss");
            assertThat(truth.expectedFindings()).containsExactly("CpuOverload", "MemoryPressure", "WanHighLatency", "WanPacketLoss");
            assertThat(Long.parseLong(gateway.value("Device.DeviceInfo.ProcessStatus.CPUUsage"))).isGreaterThanOrEqualTo(90);
            assertThat(Long.parseLong(gateway.value("Device.IP.Diagnostics.IPPing.AverageResponseTime"))).isGreaterThanOrEqualTo(100);
            double total = Long.parseLong(gateway.value("Device.DeviceInfo.MemoryStatus.Total"));
            assertThat(Long.parseLong(gateway.value("Device.DeviceInfo.MemoryStatus.Free")) / total).isLessThanOrEqualTo(0.1);

            Path file = dir.resolve("truth.json");
            simulator.writeGroundTruth(file);
            JsonNode json = new ObjectMapper().readTree(file.toFile()).get("devices").get(0);
            assertThat(json.get("expectedFindings")).hasSize(4);

            simulator.setScenarios(id, Set.of());
            assertThat(simulator.groundTruth().get(id).healthy()).isTrue();
            assertThat(Long.parseLong(gateway.value("Device.DeviceInfo.ProcessStatus.CPUUsage"))).isLessThan(90);

            String ont = simulator.devices().get(1).id().toString();
            assertThatThrownBy(() -> simulator.setScenarios(ont, Set.of(Scenario.STICKY_2G)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HG658-ONT cannot show sticky-2g");
            assertThatThrownBy(() -> simulator.setScenarios("cwmp:nobody", Set.of())).hasMessageContaining("no simulated device");
        }
    }

    @Test
    void rebootLoopSwitchedOnAtRuntimeNeedsTheBuggyFirmwareAndCrashesAtOnce() throws Exception {
        SimulatorConfig config = SimulatorConfig.builder().devices(8).mix("cwmp=100").models(List.of("NL-AX3000"))
                .acsUrl("http://127.0.0.1:1/").mqttUrl("tcp://127.0.0.1:1").seed(8).build();
        try (Simulator simulator = new Simulator(config)) {
            simulator.start();
            assertThat(simulator.awaitOnline(java.time.Duration.ofSeconds(10))).isTrue();
            String buggy = ModelCatalog.NORDLINK_AX3000.buggyFirmware();
            SimulatedDevice healthyFirmware = simulator.devices().stream()
                    .filter(d -> !d.state().softwareVersion().equals(buggy)).findFirst().orElseThrow();
            SimulatedDevice buggyFirmware = simulator.devices().stream()
                    .filter(d -> d.state().softwareVersion().equals(buggy)).findFirst().orElseThrow();
            String refused = healthyFirmware.id().toString();
            assertThatThrownBy(() -> simulator.setScenarios(refused, Set.of(Scenario.REBOOT_LOOP)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("buggy firmware " + buggy);
            assertThat(simulator.groundTruth().get(refused).healthy()).as("a refused change changes nothing").isTrue();

            simulator.setScenarios(buggyFirmware.id().toString(), Set.of(Scenario.REBOOT_LOOP));
            assertThat(simulator.groundTruth().get(buggyFirmware.id().toString()).expectedFindings()).containsExactly("RebootLoop");
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
            while (buggyFirmware.state().bootCount() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(Long.parseLong(buggyFirmware.value("Device.DeviceInfo.UpTime"))).isLessThan(600);
            assertThat(Long.parseLong(buggyFirmware.value("Device.DeviceInfo.Reboots.WatchdogBootCount"))).isGreaterThanOrEqualTo(3);
        }
    }
}
