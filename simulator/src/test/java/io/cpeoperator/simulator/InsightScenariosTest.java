package io.cpeoperator.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cpeoperator.simulator.clock.ManualClock;
import io.cpeoperator.simulator.device.DeviceEnvironment;
import io.cpeoperator.simulator.device.DeviceProfile;
import io.cpeoperator.simulator.device.VirtualDevice;
import io.cpeoperator.simulator.model.Band;
import io.cpeoperator.simulator.model.ModelCatalog;
import io.cpeoperator.simulator.model.Telemetry;
import io.cpeoperator.simulator.scenario.Scenario;
import io.cpeoperator.simulator.support.TestDevices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The fleet-insight scenarios leave in the telemetry what their ground truth says, and nothing else. */
class InsightScenariosTest {

    /** TestDevices.START is 16:00 UTC. */
    private static final long BUSY = TestDevices.START + Duration.ofHours(5).toMillis();   // 21:00
    private static final long QUIET = TestDevices.START + Duration.ofHours(11).toMillis(); // 03:00
    private static final long NOON = TestDevices.START - Duration.ofHours(4).toMillis();   // 12:00

    @Test
    void aBadAccessNodeHitsAllItsDevicesAndOnlyThem() {
        SimulatorConfig config = SimulatorConfig.builder().devices(80).mix("cwmp=50,usp=50").scenarios("bad-access-node=1")
                .seed(77).build();
        List<DeviceProfile> fleet = FleetPlanner.plan(config, TestDevices.CATALOG);
        AccessNetwork access = AccessNetwork.plan(config.seed(), fleet.size());
        List<Integer> hit = IntStream.range(0, fleet.size())
                .filter(i -> fleet.get(i).scenarios().contains(Scenario.BAD_ACCESS_NODE)).boxed().toList();
        assertThat(hit).isNotEmpty();
        String node = access.nodeOf(hit.get(0));
        assertThat(hit).containsExactlyElementsOf(access.devicesOn(node));
        assertThat(access.nodes()).hasSize(10);

        ManualClock clock = new ManualClock(TestDevices.START);
        for (int i = 0; i < fleet.size(); i++) {
            VirtualDevice device = new VirtualDevice(fleet.get(i), DeviceEnvironment.of(clock), clock.millis() - 7_200_000L);
            if (hit.contains(i)) {
                assertThat(Telemetry.pingFailures(device, 10)).as("device %d on %s", i, node).isBetween(2, 4);
                assertThat(Telemetry.pingAverageMillis(device)).isBetween(180, 400);
            } else if (!fleet.get(i).scenarios().contains(Scenario.WAN_LOSS)) {
                assertThat(Telemetry.pingFailures(device, 10)).as("device %d on %s", i, access.nodeOf(i)).isZero();
                assertThat(Telemetry.pingAverageMillis(device)).isLessThan(60);
            }
        }
    }

    @Test
    void eveningPeakMakesTheBusyHoursBusierThanTheQuietOnes() {
        for (long seed = 1; seed <= 6; seed++) {
            ManualClock clock = new ManualClock(QUIET);
            VirtualDevice quiet = TestDevices.cwmp(ModelCatalog.NORDLINK_AX3000, clock, Set.of(Scenario.EVENING_PEAK), seed);
            int quietClients = Telemetry.clientCount(quiet, 1) + Telemetry.clientCount(quiet, 2);
            long quietBytes = bytesIn10Minutes(quiet, clock);

            ManualClock evening = new ManualClock(BUSY);
            VirtualDevice busy = TestDevices.cwmp(ModelCatalog.NORDLINK_AX3000, evening, Set.of(Scenario.EVENING_PEAK), seed);
            int busyClients = Telemetry.clientCount(busy, 1) + Telemetry.clientCount(busy, 2);
            long busyBytes = bytesIn10Minutes(busy, evening);

            assertThat(busyClients).as("seed %d", seed).isGreaterThanOrEqualTo(12);
            assertThat(quietClients).as("seed %d", seed).isLessThanOrEqualTo(6);
            assertThat(busyBytes).as("seed %d", seed).isGreaterThan(5 * quietBytes);
        }
    }

    private static long bytesIn10Minutes(VirtualDevice device, ManualClock clock) {
        String path = "Device.IP.Interface.1.Stats.BytesReceived";
        long before = Long.parseLong(device.valueOf(path));
        clock.advance(Duration.ofMinutes(10));
        return Long.parseLong(device.valueOf(path)) - before;
    }

    @Test
    void recurringInterferenceCongestsTheChannelOnlyAtItsHours() {
        ManualClock clock = new ManualClock(NOON);
        VirtualDevice device = TestDevices.cwmp(ModelCatalog.NORDLINK_AX3000, clock, Set.of(Scenario.RECURRING_INTERFERENCE), 5);
        assertThat(Telemetry.channelUtilization(device, Band.GHZ_2_4)).isLessThanOrEqualTo(45);
        assertThat(Telemetry.noiseFloor(device, Band.GHZ_2_4)).isLessThan(-90);
        for (int day = 0; day < 3; day++) {
            clock.advance(Duration.ofHours(8)); // 20:00
            assertThat(Telemetry.channelUtilization(device, Band.GHZ_2_4)).isBetween(75, 95);
            assertThat(Telemetry.noiseFloor(device, Band.GHZ_2_4)).isBetween(-88, -82);
            clock.advance(Duration.ofHours(16)); // 12:00 next day
            assertThat(Telemetry.channelUtilization(device, Band.GHZ_2_4)).isLessThanOrEqualTo(45);
        }
    }

    @Test
    void groundTruthNamesTheAccessNodesAndTheInsights(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("truth.json");
        try (Simulator simulator = new Simulator(SimulatorConfig.builder().acsUrl("http://127.0.0.1:9/").devices(24)
                .mix("cwmp=100").models(List.of("NL-AX3000")).seed(5)
                .scenarios("bad-access-node=1,evening-peak=25%,recurring-interference=2")
                .groundTruthFile(file).build())) {
            simulator.start();
            Simulator.FleetTruth truth = simulator.fleetTruth();
            assertThat(truth.badAccessNodes()).hasSize(1);
            String bad = truth.badAccessNodes().get(0);
            simulator.groundTruth().forEach((id, device) -> {
                assertThat(device.accessNode()).isEqualTo(simulator.accessNodeOf(id)).matches("(olt|dslam)-\\d+");
                assertThat(device.scenarios().contains("bad-access-node")).isEqualTo(device.accessNode().equals(bad));
            });
            assertThat(truth.eveningPeakDevices()).hasSize(6);
            assertThat(truth.busyHours()).containsExactly(20, 22);
            assertThat(truth.recurringInterference()).hasSize(2).allSatisfy((id, channel) -> assertThat(channel).isPositive());
            JsonNode written = new ObjectMapper().readTree(file.toFile());
            assertThat(written.at("/insights/badAccessNodes/0").asText()).isEqualTo(bad);
            assertThat(written.at("/devices/0/accessNode").asText()).isNotEmpty();
        }
    }
}
