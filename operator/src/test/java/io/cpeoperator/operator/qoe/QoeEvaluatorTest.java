package io.cpeoperator.operator.qoe;

import io.cpeoperator.api.v1alpha1.QoeSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.cpeoperator.operator.qoe.HomeTrees.CLIENT_5G_B;
import static io.cpeoperator.operator.qoe.HomeTrees.INFO;
import static io.cpeoperator.operator.qoe.HomeTrees.PPP;
import static io.cpeoperator.operator.qoe.HomeTrees.WAN;
import static io.cpeoperator.operator.qoe.QoeHome.codes;
import static org.assertj.core.api.Assertions.assertThat;

class QoeEvaluatorTest {

    /** The healthy home seen twice, five minutes apart, so CPU load can be judged too. */
    static QoeAssessment healthyTwice(HomeTrees tree) {
        QoeHome home = QoeHome.connected(tree);
        home.assess();
        return home.after(Duration.ofMinutes(5), Map.of(INFO + "ProcessStatus.CPUUsage", "14")).assess();
    }

    private static QoeThresholds spec(java.util.function.Consumer<QoeSpec> settings) {
        QoeSpec spec = new QoeSpec();
        settings.accept(spec);
        return QoeThresholds.from(spec);
    }

    @Test
    void aFullyHealthyHomeIsHealthyWithAnExcellentScore() {
        QoeAssessment a = healthyTwice(QoeHome.tr181());

        assertThat(a.verdict()).isEqualTo(QoeAssessment.Verdict.HEALTHY);
        assertThat(a.findings()).isEmpty();
        assertThat(a.score()).contains(100);
        assertThat(a.grade()).contains(Grade.EXCELLENT);
        assertThat(a.notAssessed()).isEmpty();
        assertThat(a.dataModel()).isEqualTo("TR-181");
        assertThat(a.evaluatedAt()).isEqualTo(QoeHome.START.plus(Duration.ofMinutes(5)));
        assertThat(a.factors()).extracting(FactorResult::factor).containsExactly(Factor.WIFI, Factor.WAN,
                Factor.SYSTEM, Factor.MESH);
    }

    @Test
    void theHealthyTr098HomeIsScoredFromWhatItReports() {
        QoeAssessment a = QoeHome.connectedTr098(QoeHome.tr098()).assess();

        assertThat(a.findings()).isEmpty();
        assertThat(a.score()).isPresent();
        assertThat(a.notAssessed()).anyMatch(l -> l.startsWith("wifi.clientSignal"))
                .anyMatch(l -> l.startsWith("wan.link"));
    }

    @Test
    void fewerThanTwoAssessedFactorsIsInsufficientDataWithoutAScore() {
        HomeTrees onlySystem = QoeHome.tr181().noWifi().remove("Device.IP.").remove("Device.PPP.")
                .remove("Device.DHCPv4.").remove("Device.Hosts.").memory(100000, 5000);
        QoeAssessment a = QoeHome.connected(onlySystem).assess();

        assertThat(a.factor(Factor.SYSTEM).orElseThrow().assessed()).isTrue();
        assertThat(a.factor(Factor.WAN).orElseThrow().assessed()).isFalse();
        assertThat(a.verdict()).isEqualTo(QoeAssessment.Verdict.INSUFFICIENT_DATA);
        assertThat(a.score()).isEmpty();
        assertThat(a.grade()).isEmpty();
        assertThat(codes(a)).containsExactly(FindingCodes.MEMORY_PRESSURE);
        assertThat(a.report()).startsWith("Not enough data to score this device yet. Already seen: 95 % of the "
                + "memory is in use after 24 h of uptime.");
    }

    @Test
    void findingsAreOrderedCriticalFirstThenByScore() {
        HomeTrees tree = QoeHome.tr181().remove(PPP).remove(WAN + "LowerLayers").set(WAN + "Status", "Down")
                .leaseTime(300).memory(100000, 9000).weakClient(CLIENT_5G_B, -76);
        QoeAssessment a = QoeHome.connected(tree).assess();

        assertThat(a.findings()).extracting(Finding::severity).containsExactly(Severity.CRITICAL, Severity.WARNING,
                Severity.WARNING, Severity.WARNING);
        assertThat(a.topFinding().orElseThrow().code()).isEqualTo(FindingCodes.WAN_DOWN);
        assertThat(a.findings().subList(1, 4)).extracting(Finding::score).isSorted();
        assertThat(codes(a)).containsExactlyInAnyOrder(FindingCodes.WAN_DOWN, FindingCodes.DHCP_CHURN,
                FindingCodes.MEMORY_PRESSURE, FindingCodes.WIFI_WEAK_CLIENT_SIGNAL);
        assertThat(a.verdict()).isEqualTo(QoeAssessment.Verdict.DEGRADED);
    }

    @Test
    void thresholdsFromTheSpecChangeTheOutcome() {
        HomeTrees tree = QoeHome.tr181().weakClient(CLIENT_5G_B, -78);
        QoeAssessment defaults = QoeHome.connected(tree).assess();
        QoeAssessment lenient = QoeHome.connected(tree).with(spec(s -> s.setWeakSignalDbm(-80))).assess();

        assertThat(codes(defaults)).containsExactly(FindingCodes.WIFI_WEAK_CLIENT_SIGNAL);
        assertThat(codes(lenient)).isEmpty();
        assertThat(lenient.verdict()).isEqualTo(QoeAssessment.Verdict.HEALTHY);
        assertThat(defaults.verdict()).isEqualTo(QoeAssessment.Verdict.DEGRADED);
        assertThat(QoeThresholds.from(null)).isEqualTo(QoeThresholds.defaults());
    }

    @Test
    void aStricterSpecRaisesWhatTheDefaultsAccept() {
        QoeAssessment a = QoeHome.connected(QoeHome.tr181().ping(20, 0, 60))
                .with(spec(s -> s.setLatencyMillis(50))).assess();

        assertThat(codes(a)).containsExactly(FindingCodes.WAN_HIGH_LATENCY);
    }

    @Test
    void weightsByFactorChangeTheScore() {
        // the system factor scores 33 (95 % memory), Wi-Fi and WAN 100
        HomeTrees tree = QoeHome.tr181().memory(100000, 5000);
        QoeAssessment defaults = QoeHome.connected(tree).assess();
        QoeAssessment systemIgnored = QoeHome.connected(tree).with(spec(s -> s.setWeights(Map.of("system", 0))))
                .assess();
        QoeAssessment systemOnly = QoeHome.connected(tree)
                .with(spec(s -> s.setWeights(Map.of("wifi", 0, "WAN", 0)))).assess();

        assertThat(defaults.factor(Factor.SYSTEM).orElseThrow().score()).contains(33);
        // (35 * 100 + 35 * 100 + 20 * 33) / 90
        assertThat(defaults.score()).contains(85);
        assertThat(defaults.grade()).contains(Grade.GOOD);
        assertThat(systemIgnored.score()).contains(100);
        assertThat(systemIgnored.verdict()).isEqualTo(QoeAssessment.Verdict.DEGRADED);
        assertThat(systemOnly.score()).contains(33);
        assertThat(systemOnly.grade()).contains(Grade.POOR);
    }

    @Test
    void aFactorThatCannotBeAssessedIsLeftOutOfTheScoreNotCountedAsGood() {
        QoeAssessment a = QoeHome.connected(QoeHome.tr181().noWifi().memory(100000, 5000)).assess();

        // (35 * 100 + 20 * 33) / 55, where counting Wi-Fi as 100 would give 85
        assertThat(a.score()).contains(76);
        assertThat(a.notAssessed()).contains("wifi.wifi: the device reports no Wi-Fi radio");
    }
}
