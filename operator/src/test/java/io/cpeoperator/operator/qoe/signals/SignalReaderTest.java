package io.cpeoperator.operator.qoe.signals;

import io.cpeoperator.operator.qoe.HomeTrees;
import io.cpeoperator.operator.qoe.QoeHome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static io.cpeoperator.operator.qoe.HomeTrees.AP_5G;
import static io.cpeoperator.operator.qoe.HomeTrees.BACKHAUL;
import static io.cpeoperator.operator.qoe.HomeTrees.CLIENT_24G;
import static io.cpeoperator.operator.qoe.HomeTrees.CLIENT_5G_A;
import static io.cpeoperator.operator.qoe.HomeTrees.CLIENT_5G_B;
import static io.cpeoperator.operator.qoe.HomeTrees.INFO;
import static io.cpeoperator.operator.qoe.HomeTrees.PPP;
import static io.cpeoperator.operator.qoe.HomeTrees.RADIO_24G;
import static io.cpeoperator.operator.qoe.HomeTrees.RADIO_5G;
import static io.cpeoperator.operator.qoe.HomeTrees.SCAN;
import static io.cpeoperator.operator.qoe.HomeTrees.SENSOR;
import static io.cpeoperator.operator.qoe.HomeTrees.TR098_PPP;
import static io.cpeoperator.operator.qoe.HomeTrees.TR098_WLAN_24G;
import static io.cpeoperator.operator.qoe.HomeTrees.TR098_WLAN_5G;
import static io.cpeoperator.operator.qoe.HomeTrees.WAN;
import static org.assertj.core.api.Assertions.assertThat;

class SignalReaderTest {

    private static RadioSignals radio(DeviceSignals signals, String path) {
        return signals.wifi().orElseThrow().radios().stream().filter(r -> r.path().equals(path)).findFirst()
                .orElseThrow();
    }

    private static java.util.List<String> macs(RadioSignals radio) {
        return radio.clients().stream().map(ClientSignals::mac).toList();
    }

    @Test
    void radiosNumberedFiveGigahertzFirstGetTheirOwnBandAndClients() {
        DeviceSignals signals = QoeHome.connected(QoeHome.tr181()).signals();

        assertThat(signals.dataModel()).isEqualTo("TR-181");
        RadioSignals five = radio(signals, RADIO_5G);
        RadioSignals two = radio(signals, RADIO_24G);
        assertThat(five.band()).isEqualTo(Band.GHZ_5);
        assertThat(five.channel().orElseThrow().value()).isEqualTo(36);
        assertThat(five.bandwidthMhz()).contains(80);
        assertThat(macs(five)).containsExactlyInAnyOrder("aa:bb:cc:00:00:02", "aa:bb:cc:00:00:03");
        assertThat(two.band()).isEqualTo(Band.GHZ_2_4);
        assertThat(two.bandwidthMhz()).contains(20);
        assertThat(two.possibleChannels()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
        assertThat(macs(two)).containsExactly("aa:bb:cc:00:00:01");
        ClientSignals client = two.clients().get(0);
        assertThat(client.path()).isEqualTo(CLIENT_24G);
        assertThat(client.signal().orElseThrow().value()).isEqualTo(-58);
        assertThat(client.signal().orElseThrow().path()).isEqualTo(CLIENT_24G + "SignalStrength");
        assertThat(client.noise().orElseThrow().value()).isEqualTo(-92);
        assertThat(client.downlinkKbps()).contains(72000.0);
        assertThat(client.standard()).contains("n");
        assertThat(client.retransmissions().orElseThrow().value()).isEqualTo(20);
        assertThat(client.packetsSent().orElseThrow().value()).isEqualTo(10000);
        assertThat(client.rateInMbps()).isFalse();
    }

    @Test
    void accessPointsFollowTheirSsidReferenceNotTheirNumber() {
        // AccessPoint.2 → SSID.1 → Radio.2 (2.4 GHz): now the two "5 GHz" clients are on 2.4 GHz
        HomeTrees tree = QoeHome.tr181().set(AP_5G + "SSIDReference", "Device.WiFi.SSID.1.")
                .set(HomeTrees.AP_24G + "SSIDReference", "Device.WiFi.SSID.2.");
        DeviceSignals signals = QoeHome.connected(tree).signals();

        assertThat(macs(radio(signals, RADIO_24G))).containsExactlyInAnyOrder("aa:bb:cc:00:00:02",
                "aa:bb:cc:00:00:03");
        assertThat(macs(radio(signals, RADIO_5G))).containsExactly("aa:bb:cc:00:00:01");
    }

    @Test
    void aSixGigahertzRadioIsSixGigahertzWhateverItsChannelNumber() {
        String radio = "Device.WiFi.Radio.3.";
        HomeTrees tree = QoeHome.tr181().set(radio + "OperatingFrequencyBand", "6GHz").set(radio + "Channel", "37")
                .set(radio + "CurrentOperatingChannelBandwidth", "160MHz")
                .set("Device.WiFi.SSID.3.LowerLayers", radio)
                .set("Device.WiFi.AccessPoint.3.SSIDReference", "Device.WiFi.SSID.3.")
                .client("Device.WiFi.AccessPoint.3.AssociatedDevice.1.", "aa:bb:cc:00:06:01", -60, 1800000, "ax",
                        1, 1000);
        DeviceSignals signals = QoeHome.connected(tree).signals();

        RadioSignals six = radio(signals, radio);
        assertThat(six.band()).isEqualTo(Band.GHZ_6);
        assertThat(six.bandwidthMhz()).contains(160);
        assertThat(macs(six)).containsExactly("aa:bb:cc:00:06:01");
        assertThat(signals.wifi().orElseThrow().radios()).hasSize(3);
        assertThat(signals.wifi().orElseThrow().clientCount()).isEqualTo(4);
    }

    @Test
    void withoutOperatingFrequencyBandTheBandComesFromTheChannel() {
        HomeTrees tree = QoeHome.tr181().remove(RADIO_5G + "OperatingFrequencyBand")
                .remove(RADIO_24G + "OperatingFrequencyBand").set(RADIO_24G + "Channel", "11");
        DeviceSignals signals = QoeHome.connected(tree).signals();

        assertThat(radio(signals, RADIO_5G).band()).isEqualTo(Band.GHZ_5);
        assertThat(radio(signals, RADIO_24G).band()).isEqualTo(Band.GHZ_2_4);
    }

    @Test
    void neighboursGoToTheRadioTheResultNamesOrElseToTheirBand() {
        HomeTrees tree = QoeHome.tr181()
                // no Result.Radio: attributed by OperatingFrequencyBand, then by channel
                .neighbor(5, null, "5GHz", 149, -66)
                .neighbor(6, null, null, 3, -64)
                // a result naming the 5 GHz radio goes there even if the device wrote a 2.4 GHz band
                .neighbor(7, RADIO_5G, "2.4GHz", 9, -70);
        DeviceSignals signals = QoeHome.connected(tree).signals();

        RadioSignals two = radio(signals, RADIO_24G);
        RadioSignals five = radio(signals, RADIO_5G);
        assertThat(two.neighbors()).extracting(NeighborSignals::channel).containsExactlyInAnyOrder(6, 11, 1, 3);
        assertThat(five.neighbors()).extracting(NeighborSignals::channel).containsExactlyInAnyOrder(44, 149, 9);
        assertThat(two.neighbors()).filteredOn(n -> n.channel() == 3).singleElement()
                .satisfies(n -> assertThat(n.band()).isEqualTo(Band.GHZ_2_4))
                .satisfies(n -> assertThat(n.signal().value()).isEqualTo(-64))
                .satisfies(n -> assertThat(n.path()).isEqualTo(SCAN + "Result.6."));
        assertThat(signals.wifi().orElseThrow().neighborScan()).isTrue();
    }

    @Test
    void outOfRangeOrGarbageValuesAreAbsent() {
        HomeTrees tree = QoeHome.tr181()
                .set(CLIENT_24G + "SignalStrength", "n/a")
                .set(CLIENT_5G_A + "SignalStrength", "0")
                .set(CLIENT_5G_B + "SignalStrength", "-500")
                .set(CLIENT_5G_B + "LastDataDownlinkRate", "0")
                .set(RADIO_5G + "Stats.Noise", "0")
                .set(RADIO_24G + "Channel", "999")
                .remove(RADIO_24G + "OperatingFrequencyBand")
                .set(INFO + "ProcessStatus.CPUUsage", "250")
                .set(INFO + "MemoryStatus.Total", "0")
                .set(INFO + "UpTime", "-5")
                .set(SENSOR + "HighAlarmValue", "-274")
                .set("Device.DeviceInfo.TemperatureStatus.TemperatureSensor.2.Value", "-274")
                .set("Device.DeviceInfo.TemperatureStatus.TemperatureSensor.3.Value", "NaN")
                .set(HomeTrees.PING + "AverageResponseTime", "fast")
                .mesh(255, 300000);
        DeviceSignals signals = QoeHome.connected(tree).signals();

        RadioSignals two = radio(signals, RADIO_24G);
        RadioSignals five = radio(signals, RADIO_5G);
        assertThat(two.clients().get(0).signal()).isEmpty();
        assertThat(five.clients()).allSatisfy(c -> assertThat(c.signal()).isEmpty());
        assertThat(five.clients()).filteredOn(c -> c.path().equals(CLIENT_5G_B)).singleElement()
                .satisfies(c -> assertThat(c.downlinkRate()).isEmpty());
        assertThat(five.noise()).isEmpty();
        assertThat(two.channel()).isEmpty();
        assertThat(two.band()).isEqualTo(Band.UNKNOWN);
        assertThat(signals.system().cpuPercent()).isEmpty();
        assertThat(signals.system().memoryTotal()).isEmpty();
        assertThat(signals.system().memoryUsedPercent()).isEmpty();
        assertThat(signals.system().uptimeSeconds()).isEmpty();
        assertThat(signals.system().temperatures()).singleElement().satisfies(t -> {
            assertThat(t.value().value()).isEqualTo(52);
            assertThat(t.highAlarm()).isEmpty();
        });
        assertThat(signals.wan().ping().orElseThrow().average()).isEmpty();
        MeshSignals mesh = signals.mesh().orElseThrow();
        assertThat(mesh.rcpi()).isEmpty();
        assertThat(mesh.signalDbm()).isEmpty();
        assertThat(mesh.rateKbps().orElseThrow().value()).isEqualTo(300000);
    }

    @Test
    void clientRowsLeftBehindMoreThanTwoMinutesBeforeTheFreshestAreLeftOut() {
        QoeHome home = QoeHome.connected(QoeHome.tr181());

        home.after(Duration.ofMinutes(2), Map.of(CLIENT_5G_A + "MACAddress", "aa:bb:cc:00:00:02"));
        assertThat(macs(radio(home.signals(), RADIO_5G))).containsExactlyInAnyOrder("aa:bb:cc:00:00:02",
                "aa:bb:cc:00:00:03");

        home.after(Duration.ofSeconds(1), Map.of(CLIENT_5G_A + "MACAddress", "aa:bb:cc:00:00:02"));
        assertThat(macs(radio(home.signals(), RADIO_5G))).containsExactly("aa:bb:cc:00:00:02");
        // the age is per access point: the 2.4 GHz client is the only (so the freshest) row of its own
        assertThat(macs(radio(home.signals(), RADIO_24G))).containsExactly("aa:bb:cc:00:00:01");
    }

    @Test
    void readsTheTr181WanSystemAndMesh() {
        DeviceSignals signals = QoeHome.connected(QoeHome.tr181().mesh(150, 866000)).signals();

        WanSignals wan = signals.wan();
        assertThat(wan.counters().orElseThrow().path()).isEqualTo(WAN);
        assertThat(wan.counters().orElseThrow().status()).contains("Up");
        assertThat(wan.counters().orElseThrow().packetsReceived().orElseThrow().value()).isEqualTo(5000000);
        assertThat(wan.ppp().orElseThrow().path()).isEqualTo(PPP);
        assertThat(wan.ppp().orElseThrow().sessionSeconds().value()).isEqualTo(86000);
        assertThat(wan.ppp().orElseThrow().hadError()).isFalse();
        PingSignals ping = wan.ping().orElseThrow();
        assertThat(ping.host()).isEqualTo("probe.example.net");
        assertThat(ping.sent()).isEqualTo(20);
        assertThat(ping.average().orElseThrow().value()).isEqualTo(18);
        DhcpSignals dhcp = wan.dhcp().orElseThrow();
        assertThat(dhcp.leaseTime().value()).isEqualTo(86400);
        assertThat(dhcp.clients()).isEqualTo(3);
        assertThat(dhcp.shortLeaseClients()).isEmpty();
        SystemSignals system = signals.system();
        assertThat(system.cpuPercent().orElseThrow().value()).isEqualTo(12);
        assertThat(system.memoryUsedPercent().orElseThrow()).isEqualTo(50.0);
        assertThat(system.uptimeSeconds().orElseThrow().value()).isEqualTo(86400);
        assertThat(system.bootCount().orElseThrow().value()).isEqualTo(3);
        assertThat(system.temperatures()).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("SoC");
            assertThat(t.highAlarm().orElseThrow().value()).isEqualTo(95);
        });
        MeshSignals mesh = signals.mesh().orElseThrow();
        assertThat(mesh.path()).isEqualTo(BACKHAUL);
        assertThat(mesh.signalDbm()).contains(-35.0);
    }

    @Test
    void aWiredBackhaulIsNotAMeshSignal() {
        DeviceSignals signals = QoeHome.connected(QoeHome.tr181().mesh(60, 50000)
                .set(BACKHAUL + "LinkType", "Ethernet")).signals();

        assertThat(signals.mesh()).isEmpty();
    }

    @Test
    void readsTr098Paths() {
        HomeTrees tree = QoeHome.tr098()
                .set(TR098_PPP + "LastConnectionError", "ERROR_AUTHENTICATION_FAILURE")
                .set(HomeTrees.IGD + "LANDevice.1.Hosts.Host.2.LeaseTimeRemaining", "60");
        DeviceSignals signals = QoeHome.connectedTr098(tree).signals();

        assertThat(signals.dataModel()).isEqualTo("TR-098");
        assertThat(signals.mesh()).isEmpty();
        WifiSignals wifi = signals.wifi().orElseThrow();
        assertThat(wifi.neighborScan()).isFalse();
        RadioSignals two = radio(signals, TR098_WLAN_24G);
        RadioSignals five = radio(signals, TR098_WLAN_5G);
        assertThat(two.band()).isEqualTo(Band.GHZ_2_4);
        assertThat(five.band()).isEqualTo(Band.GHZ_5);
        assertThat(five.bandwidthMhz()).contains(80);
        ClientSignals client = two.clients().get(0);
        assertThat(client.mac()).isEqualTo("aa:bb:cc:00:01:01");
        assertThat(client.rateInMbps()).isTrue();
        assertThat(client.downlinkRate().orElseThrow().value()).isEqualTo(72);
        assertThat(client.downlinkKbps()).contains(72000.0);
        assertThat(client.signal()).isEmpty();
        assertThat(five.clients().get(0).downlinkKbps()).contains(520000.0);

        PingSignals ping = signals.wan().ping().orElseThrow();
        assertThat(ping.object()).isEqualTo(HomeTrees.TR098_PING);
        assertThat(ping.average().orElseThrow().value()).isEqualTo(24);
        PppSignals ppp = signals.wan().ppp().orElseThrow();
        assertThat(ppp.path()).isEqualTo(TR098_PPP);
        assertThat(ppp.sessionSeconds().value()).isEqualTo(89000);
        assertThat(ppp.lastError()).contains("ERROR_AUTHENTICATION_FAILURE");
        assertThat(ppp.hadError()).isTrue();
        DhcpSignals dhcp = signals.wan().dhcp().orElseThrow();
        assertThat(dhcp.leaseTime().path()).isEqualTo(HomeTrees.TR098_LAN_HOST + "DHCPLeaseTime");
        assertThat(dhcp.leaseTime().value()).isEqualTo(86400);
        assertThat(dhcp.clients()).isEqualTo(2);
        assertThat(dhcp.shortLeaseClients()).extracting(Reading::value).containsExactly(60.0);
        assertThat(signals.wan().counters()).isEmpty();
        assertThat(signals.system().uptimeSeconds().orElseThrow().value()).isEqualTo(90000);
        assertThat(signals.system().memoryUsedPercent().orElseThrow()).isEqualTo(50.0);
    }

    @Test
    void aDeviceWithoutWifiHasNoWifiSignals() {
        DeviceSignals signals = QoeHome.connected(QoeHome.tr181().noWifi()).signals();

        assertThat(signals.wifi()).isEmpty();
        assertThat(signals.wan().ping()).isPresent();
    }

    @Test
    void noTwinNoSignals() {
        QoeHome home = QoeHome.connected(QoeHome.tr181());

        assertThat(new SignalReader().read(home.gateway.twins(),
                io.cpeoperator.bridge.device.DeviceId.usp("os::unknown"), QoeHome.START)).isEqualTo(Optional.empty());
    }
}
