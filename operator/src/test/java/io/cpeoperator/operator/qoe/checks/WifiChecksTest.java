package io.cpeoperator.operator.qoe.checks;

import io.cpeoperator.operator.qoe.CheckResult;
import io.cpeoperator.operator.qoe.Factor;
import io.cpeoperator.operator.qoe.Finding;
import io.cpeoperator.operator.qoe.HomeTrees;
import io.cpeoperator.operator.qoe.QoeAssessment;
import io.cpeoperator.operator.qoe.QoeHome;
import io.cpeoperator.operator.qoe.Severity;
import io.cpeoperator.operator.qoe.signals.Evidence;
import org.junit.jupiter.api.Test;

import static io.cpeoperator.operator.qoe.FindingCodes.WIFI_BAND_STEERING_MISSED;
import static io.cpeoperator.operator.qoe.FindingCodes.WIFI_CHANNEL_CONGESTED;
import static io.cpeoperator.operator.qoe.FindingCodes.WIFI_HIGH_NOISE;
import static io.cpeoperator.operator.qoe.FindingCodes.WIFI_LOW_PHY_RATE;
import static io.cpeoperator.operator.qoe.FindingCodes.WIFI_RADIO_OVERLOADED;
import static io.cpeoperator.operator.qoe.FindingCodes.WIFI_WEAK_CLIENT_SIGNAL;
import static io.cpeoperator.operator.qoe.HomeTrees.AP_5G;
import static io.cpeoperator.operator.qoe.HomeTrees.CLIENT_24G;
import static io.cpeoperator.operator.qoe.HomeTrees.CLIENT_5G_A;
import static io.cpeoperator.operator.qoe.HomeTrees.CLIENT_5G_B;
import static io.cpeoperator.operator.qoe.HomeTrees.RADIO_24G;
import static io.cpeoperator.operator.qoe.HomeTrees.RADIO_5G;
import static io.cpeoperator.operator.qoe.QoeHome.check;
import static io.cpeoperator.operator.qoe.QoeHome.codes;
import static io.cpeoperator.operator.qoe.QoeHome.finding;
import static org.assertj.core.api.Assertions.assertThat;

class WifiChecksTest {

    private static QoeAssessment assess(HomeTrees tree) {
        return QoeHome.connected(tree).assess();
    }

    @Test
    void theHealthyHomeRaisesNoWifiFindingAndJudgesEveryWifiCheck() {
        QoeAssessment a = assess(QoeHome.tr181());

        assertThat(a.factor(Factor.WIFI).orElseThrow().score()).contains(100);
        assertThat(a.factor(Factor.WIFI).orElseThrow().checks()).extracting(CheckResult::check)
                .containsExactly("clientSignal", "snr", "noise", "congestion", "bandSteering", "clientsPerRadio",
                        "retransmissions", "phyRate");
        assertThat(a.factor(Factor.WIFI).orElseThrow().checks()).allMatch(CheckResult::assessed);
        assertThat(a.findings()).filteredOn(f -> f.factor() == Factor.WIFI).isEmpty();
        assertThat(check(a, Factor.WIFI, "clientSignal").observation())
                .isEqualTo("3 clients, the weakest at -62 dBm on 5 GHz");
    }

    @Test
    void weakClientSignalIsRaisedAtTheThresholdNotJustAbove() {
        QoeAssessment at = assess(QoeHome.tr181().weakClient(CLIENT_5G_B, -75));
        QoeAssessment above = assess(QoeHome.tr181().weakClient(CLIENT_5G_B, -74));

        Finding finding = finding(at, WIFI_WEAK_CLIENT_SIGNAL).orElseThrow();
        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.factor()).isEqualTo(Factor.WIFI);
        assertThat(finding.message()).isEqualTo("1 of 3 Wi-Fi clients are at or below -75 dBm (1 on 5 GHz; the "
                + "weakest at -75 dBm on 5 GHz)");
        assertThat(finding.evidence()).extracting(Evidence::path, Evidence::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CLIENT_5G_B + "SignalStrength", "-75"));
        assertThat(finding.evidence().get(0).observedAt()).isEqualTo(QoeHome.START);
        assertThat(finding.action()).isNotBlank();
        assertThat(codes(above)).doesNotContain(WIFI_WEAK_CLIENT_SIGNAL);
    }

    @Test
    void halfTheClientsWeakIsCritical() {
        QoeAssessment a = assess(QoeHome.tr181().weakClient(CLIENT_5G_B, -80).weakClient(CLIENT_24G, -82));

        Finding finding = finding(a, WIFI_WEAK_CLIENT_SIGNAL).orElseThrow();
        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.message()).contains("2 of 3").contains("1 on 2.4 GHz, 1 on 5 GHz")
                .contains("the weakest at -82 dBm on 2.4 GHz");
    }

    @Test
    void noClientsMeansTheSignalCheckDoesNotApplyAndIsNoFinding() {
        QoeAssessment a = assess(QoeHome.tr181().noClients());

        assertThat(check(a, Factor.WIFI, "clientSignal").state()).isEqualTo(CheckResult.State.NOT_APPLICABLE);
        assertThat(a.findings()).isEmpty();
        assertThat(a.notAssessed()).noneMatch(line -> line.startsWith("wifi.clientSignal"));
        assertThat(a.factor(Factor.WIFI).orElseThrow().assessed()).isTrue();
    }

    @Test
    void clientsWithoutSignalStrengthAreUnknownNeverHealthy() {
        QoeAssessment a = assess(QoeHome.tr181().remove(CLIENT_24G + "SignalStrength")
                .remove(CLIENT_5G_A + "SignalStrength").remove(CLIENT_5G_B + "SignalStrength"));

        assertThat(check(a, Factor.WIFI, "clientSignal").state()).isEqualTo(CheckResult.State.UNKNOWN);
        assertThat(a.notAssessed()).contains("wifi.clientSignal: the device reports no per-client signal strength");
    }

    @Test
    void aDeviceWithoutWifiLeavesTheWifiFactorUnknown() {
        QoeAssessment a = assess(QoeHome.tr181().noWifi());

        assertThat(a.factor(Factor.WIFI).orElseThrow().assessed()).isFalse();
        assertThat(a.factor(Factor.WIFI).orElseThrow().checks()).singleElement()
                .satisfies(c -> assertThat(c.state()).isEqualTo(CheckResult.State.UNKNOWN));
        assertThat(a.notAssessed()).contains("wifi.wifi: the device reports no Wi-Fi radio");
        assertThat(a.findings()).isEmpty();
    }

    @Test
    void highNoiseIsRaisedAtTheThresholdNotJustBelow() {
        QoeAssessment at = assess(QoeHome.tr181().radioNoise(RADIO_24G, -75));
        QoeAssessment below = assess(QoeHome.tr181().radioNoise(RADIO_24G, -76));
        QoeAssessment severe = assess(QoeHome.tr181().radioNoise(RADIO_5G, -70));

        Finding finding = finding(at, WIFI_HIGH_NOISE).orElseThrow();
        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.headline()).isEqualTo("The 2.4 GHz radio hears a high noise floor.");
        assertThat(finding.evidence()).extracting(Evidence::path, Evidence::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RADIO_24G + "Stats.Noise", "-75"));
        assertThat(codes(below)).doesNotContain(WIFI_HIGH_NOISE);
        assertThat(finding(severe, WIFI_HIGH_NOISE).orElseThrow().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding(severe, WIFI_HIGH_NOISE).orElseThrow().headline()).contains("5 GHz");
    }

    @Test
    void channelUtilizationAboveTheThresholdIsCongestion() {
        QoeAssessment above = assess(QoeHome.tr181().set(RADIO_24G + "Stats.ChannelUtilization", "71"));
        QoeAssessment at = assess(QoeHome.tr181().set(RADIO_24G + "Stats.ChannelUtilization", "70"));
        QoeAssessment severe = assess(QoeHome.tr181().set(RADIO_5G + "ChannelUtilization", "92"));

        Finding finding = finding(above, WIFI_CHANNEL_CONGESTED).orElseThrow();
        assertThat(finding.message()).startsWith("Channel 1 on the 2.4 GHz radio is 71 % busy");
        assertThat(finding.evidence()).extracting(Evidence::value).containsExactly("71");
        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(codes(at)).doesNotContain(WIFI_CHANNEL_CONGESTED);
        assertThat(finding(severe, WIFI_CHANNEL_CONGESTED).orElseThrow().severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void strongNeighboursOnTheChannelAreCongestionAndTheActionNamesTheLeastUsedChannel() {
        HomeTrees tree = QoeHome.tr181().neighbor(7, RADIO_24G, "2.4GHz", 6, -75);
        for (int i = 10; i < 15; i++) {
            tree.neighbor(i, RADIO_24G, "2.4GHz", 1, -60);
        }
        QoeAssessment a = assess(tree);

        Finding finding = finding(a, WIFI_CHANNEL_CONGESTED).orElseThrow();
        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.message()).isEqualTo("Channel 1 on the 2.4 GHz radio with 5 neighbouring networks "
                + "stronger than -70 dBm on it");
        // channel 1: five strong and one weak; 6: two weak; 11: one weak
        assertThat(finding.action()).isEqualTo("Move the 2.4 GHz radio from channel 1 to channel 11, where the scan "
                + "found 1 network (against 6 on channel 1).");
        assertThat(finding.evidence()).hasSize(5).allMatch(e -> e.value().equals("-60"));
    }

    @Test
    void fourStrongNeighboursAreNotYetCongestion() {
        HomeTrees tree = QoeHome.tr181();
        for (int i = 10; i < 14; i++) {
            tree.neighbor(i, RADIO_24G, "2.4GHz", 2, -60);
        }
        QoeAssessment a = assess(tree);

        assertThat(codes(a)).doesNotContain(WIFI_CHANNEL_CONGESTED);
        assertThat(check(a, Factor.WIFI, "congestion").observation()).contains("4 neighbouring networks");
    }

    @Test
    void bandSteeringMissedIsRaisedForAFiveGigahertzCapableClientWithAStrongSignalOn24() {
        HomeTrees capable = QoeHome.tr181().set(CLIENT_24G + "X_ACME_SupportedFrequencyBands", "2.4GHz,5GHz");
        QoeAssessment at = assess(capable.weakClient(CLIENT_24G, -60));
        QoeAssessment below = assess(QoeHome.tr181()
                .set(CLIENT_24G + "X_ACME_SupportedFrequencyBands", "2.4GHz,5GHz").weakClient(CLIENT_24G, -61));
        QoeAssessment onlyTwo = assess(QoeHome.tr181().weakClient(CLIENT_24G, -40));

        Finding finding = finding(at, WIFI_BAND_STEERING_MISSED).orElseThrow();
        assertThat(finding.message()).isEqualTo("1 of 1 clients on 2.4 GHz can use 5 GHz and have a strong signal "
                + "(-60 dBm or better)");
        assertThat(finding.evidence()).extracting(Evidence::path).containsExactly(CLIENT_24G + "SignalStrength");
        assertThat(codes(below)).doesNotContain(WIFI_BAND_STEERING_MISSED);
        assertThat(check(below, Factor.WIFI, "bandSteering").assessed()).isTrue();
        // a 2.4 GHz-only device is where it belongs, however strong
        assertThat(codes(onlyTwo)).doesNotContain(WIFI_BAND_STEERING_MISSED);
        assertThat(check(onlyTwo, Factor.WIFI, "bandSteering").assessed()).isTrue();
    }

    @Test
    void bandSteeringIsUnknownWhenTheDeviceDoesNotSayWhatClientsCanDo() {
        QoeAssessment a = assess(QoeHome.tr181().remove(CLIENT_24G + "X_ACME_SupportedFrequencyBands"));

        assertThat(check(a, Factor.WIFI, "bandSteering").state()).isEqualTo(CheckResult.State.UNKNOWN);
    }

    /** Maximum rates: n/20 MHz 144 Mbps, ac/80 MHz 867 Mbps, ax/80 MHz 1201 Mbps. */
    private static HomeTrees rates(int client24, int clientA, int clientB) {
        return QoeHome.tr181().set(CLIENT_24G + "LastDataDownlinkRate", Integer.toString(client24))
                .set(CLIENT_5G_A + "LastDataDownlinkRate", Integer.toString(clientA))
                .set(CLIENT_5G_B + "LastDataDownlinkRate", Integer.toString(clientB));
    }

    @Test
    void lowPhyRateIsRaisedBelowAQuarterOfWhatTheStandardAllows() {
        QoeAssessment below = assess(rates(34560, 208080, 288240));
        QoeAssessment quarter = assess(rates(36000, 216750, 300250));

        Finding finding = finding(below, WIFI_LOW_PHY_RATE).orElseThrow();
        assertThat(finding.message()).isEqualTo("the median client link runs at 24 % of what its standard and "
                + "channel width allow");
        assertThat(finding.evidence()).extracting(Evidence::value).containsExactlyInAnyOrder("34560", "208080",
                "288240");
        assertThat(codes(below)).containsExactly(WIFI_LOW_PHY_RATE);
        assertThat(codes(quarter)).doesNotContain(WIFI_LOW_PHY_RATE);
        assertThat(check(quarter, Factor.WIFI, "phyRate").score()).isEqualTo(50);
    }

    @Test
    void lowPhyRateIsNotAFindingWhenAnotherWifiFindingExplainsIt() {
        QoeAssessment a = assess(rates(34560, 208080, 288240).weakClient(CLIENT_5G_B, -80));

        assertThat(codes(a)).contains(WIFI_WEAK_CLIENT_SIGNAL).doesNotContain(WIFI_LOW_PHY_RATE);
        CheckResult phy = check(a, Factor.WIFI, "phyRate");
        assertThat(phy.assessed()).isTrue();
        assertThat(phy.finding()).isEmpty();
        assertThat(phy.score()).isLessThan(50);
    }

    @Test
    void radioOverloadedFrom32ClientsOnOneRadio() {
        QoeAssessment at = assess(clientsOn5(32));
        QoeAssessment below = assess(clientsOn5(31));

        Finding finding = finding(at, WIFI_RADIO_OVERLOADED).orElseThrow();
        assertThat(finding.message()).isEqualTo("32 clients on the 5 GHz radio (channel 36) (many from 32)");
        assertThat(codes(below)).doesNotContain(WIFI_RADIO_OVERLOADED);
        assertThat(check(below, Factor.WIFI, "clientsPerRadio").observation())
                .isEqualTo("31 clients on the 5 GHz radio (channel 36)");
    }

    private static HomeTrees clientsOn5(int count) {
        HomeTrees tree = QoeHome.tr181();
        for (int i = 3; i <= count; i++) {
            tree.client(AP_5G + "AssociatedDevice." + i + ".", String.format("aa:bb:cc:00:01:%02x", i), -50, 650000,
                    "ac", 10, 10000);
        }
        return tree;
    }

    @Test
    void radiosInAnyOrderAreJudgedByTheirBand() {
        // the standard numbering (Radio.1 = 2.4 GHz) and the reverse give the same finding on the same band
        HomeTrees standard = QoeHome.tr181()
                .set(RADIO_5G + "OperatingFrequencyBand", "2.4GHz").set(RADIO_5G + "Channel", "1")
                .set(RADIO_5G + "CurrentOperatingChannelBandwidth", "20MHz").set(RADIO_5G + "PossibleChannels", "1-13")
                .set(RADIO_24G + "OperatingFrequencyBand", "5GHz").set(RADIO_24G + "Channel", "36")
                .set(RADIO_24G + "CurrentOperatingChannelBandwidth", "80MHz")
                .set(RADIO_24G + "PossibleChannels", "36,40,44,48")
                .set("Device.WiFi.SSID.1.LowerLayers", RADIO_5G).set("Device.WiFi.SSID.2.LowerLayers", RADIO_24G)
                .neighbor(1, RADIO_5G, "2.4GHz", 6, -72).neighbor(2, RADIO_5G, "2.4GHz", 11, -80)
                .neighbor(3, RADIO_5G, "2.4GHz", 1, -85).neighbor(4, RADIO_24G, "5GHz", 44, -78)
                .weakClient(CLIENT_24G, -79);
        QoeAssessment a = assess(standard);
        QoeAssessment reversed = assess(QoeHome.tr181().weakClient(CLIENT_24G, -79));

        assertThat(finding(a, WIFI_WEAK_CLIENT_SIGNAL).orElseThrow().message())
                .isEqualTo(finding(reversed, WIFI_WEAK_CLIENT_SIGNAL).orElseThrow().message())
                .contains("1 on 2.4 GHz");
        assertThat(a.score()).isEqualTo(reversed.score());
    }

    @Test
    void tr098ClientSignalCannotBeAssessedAndIsNeverHealthyByDefault() {
        QoeAssessment a = QoeHome.connectedTr098(QoeHome.tr098()).assess();

        assertThat(a.dataModel()).isEqualTo("TR-098");
        assertThat(check(a, Factor.WIFI, "clientSignal").state()).isEqualTo(CheckResult.State.UNKNOWN);
        assertThat(check(a, Factor.WIFI, "congestion").state()).isEqualTo(CheckResult.State.UNKNOWN);
        assertThat(a.notAssessed()).contains("wifi.clientSignal: the device reports no per-client signal strength");
        assertThat(codes(a)).doesNotContain(WIFI_WEAK_CLIENT_SIGNAL);
        // the rate in Mbps is judged: 72 of 144 Mbps (n, 20 MHz), 520 of 867 Mbps (ac, 80 MHz)
        assertThat(check(a, Factor.WIFI, "phyRate").observation()).isEqualTo("the median client link runs at 60 % "
                + "of what its standard and channel width allow");
    }
}
