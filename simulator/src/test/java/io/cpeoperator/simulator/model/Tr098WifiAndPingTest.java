package io.cpeoperator.simulator.model;

import io.cpeoperator.simulator.clock.ManualClock;
import io.cpeoperator.simulator.device.DataModelWriter;
import io.cpeoperator.simulator.device.VirtualDevice;
import io.cpeoperator.simulator.device.Write;
import io.cpeoperator.simulator.scenario.Scenario;
import io.cpeoperator.simulator.support.TestDevices;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** TR-098 devices show what TR-098 has: IPPing results from the same line check, WLAN channel, standard and stats. */
class Tr098WifiAndPingTest {

    private static final String PING = "InternetGatewayDevice.IPPingDiagnostics.";
    private final ManualClock clock = new ManualClock(TestDevices.START);

    @Test
    void ipPingResultsAreTheSameLineCheckAsOnTr181AndRefresh() {
        VirtualDevice tr098 = TestDevices.cwmp(ModelCatalog.MERIDIAN_ONT, clock, Set.of(Scenario.WAN_LOSS), 77);
        VirtualDevice tr181 = TestDevices.cwmp(ModelCatalog.NORDLINK_AX3000, clock, Set.of(Scenario.WAN_LOSS), 77);
        Set<String> averages = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            for (String name : List.of("SuccessCount", "FailureCount", "AverageResponseTime", "MinimumResponseTime",
                    "MaximumResponseTime")) {
                assertThat(tr098.valueOf(PING + name)).as(name)
                        .isEqualTo(tr181.valueOf("Device.IP.Diagnostics.IPPing." + name));
            }
            averages.add(tr098.valueOf(PING + "AverageResponseTime"));
            clock.advance(Duration.ofMinutes(13));
        }
        assertThat(averages).as("results move with time").hasSizeGreaterThan(3);
    }

    @Test
    void requestedDiagnosticsCompleteAgain() throws Exception {
        VirtualDevice tr098 = TestDevices.cwmp(ModelCatalog.MERIDIAN_ONT, clock, Set.of(), 78);
        DataModelWriter.set(tr098, List.of(Write.of(PING + "DiagnosticsState", "Requested")), "pk");
        assertThat(tr098.valueOf(PING + "DiagnosticsState")).isEqualTo("Complete");
        VirtualDevice tr181 = TestDevices.cwmp(ModelCatalog.VEXON_VX7000, clock, Set.of(), 78);
        DataModelWriter.set(tr181, List.of(Write.of("Device.IP.Diagnostics.IPPing.DiagnosticsState", "Requested")), "pk");
        assertThat(tr181.valueOf("Device.IP.Diagnostics.IPPing.DiagnosticsState")).isEqualTo("Complete");
        DataModelWriter.set(tr181, List.of(Write.of("Device.IP.Diagnostics.IPPing.DiagnosticsState", "None")), "pk");
        assertThat(tr181.valueOf("Device.IP.Diagnostics.IPPing.DiagnosticsState")).isEqualTo("None");
    }

    @Test
    void wlanConfigurationsCarryChannelStandardStatsAndClientRates() {
        VirtualDevice d = TestDevices.cwmp(ModelCatalog.MERIDIAN_ONT, clock, Set.of(), 79);
        for (int w = 1; w <= 4; w++) {
            String wlan = "InternetGatewayDevice.LANDevice.1.WLANConfiguration." + w + ".";
            assertThat(d.valueOf(wlan + "Channel")).isEqualTo(w % 2 == 1 ? "6" : "36");
            assertThat(d.valueOf(wlan + "Standard")).isNotBlank();
            assertThat(d.valueOf(wlan + "PossibleChannels")).isNotBlank();
            assertThat(d.valueOf(wlan + "TotalAssociations")).matches("\\d+");
            for (String stat : List.of("ErrorsSent", "ErrorsReceived", "DiscardPacketsSent", "DiscardPacketsReceived",
                    "UnicastPacketsSent", "RetransCount")) {
                assertThat(d.valueOf(wlan + "Stats." + stat)).as(wlan + "Stats." + stat).matches("\\d+");
            }
        }
        String client = "InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.AssociatedDevice.1.";
        assertThat(Long.parseLong(d.valueOf(client + "LastDataTransmitRate"))).isBetween(1L, 286L);
    }
}
