package io.cpeoperator.operator.qoe.report;

import io.cpeoperator.operator.qoe.CheckResult;
import io.cpeoperator.operator.qoe.FactorResult;
import io.cpeoperator.operator.qoe.Finding;
import io.cpeoperator.operator.qoe.HomeTrees;
import io.cpeoperator.operator.qoe.QoeAssessment;
import io.cpeoperator.operator.qoe.QoeEvaluator;
import io.cpeoperator.operator.qoe.QoeHome;
import io.cpeoperator.operator.qoe.QoeThresholds;
import io.cpeoperator.operator.qoe.signals.DeviceSignals;
import io.cpeoperator.operator.qoe.signals.Evidence;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.cpeoperator.operator.qoe.HomeTrees.CLIENT_24G;
import static io.cpeoperator.operator.qoe.HomeTrees.CLIENT_5G_A;
import static io.cpeoperator.operator.qoe.HomeTrees.CLIENT_5G_B;
import static io.cpeoperator.operator.qoe.HomeTrees.INFO;
import static org.assertj.core.api.Assertions.assertThat;

class PlainReportWriterTest {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private static QoeAssessment healthyTwice() {
        QoeHome home = QoeHome.connected(QoeHome.tr181());
        home.assess();
        return home.after(Duration.ofMinutes(5), Map.of(INFO + "ProcessStatus.CPUUsage", "14")).assess();
    }

    private static List<String> numbers(String text) {
        List<String> numbers = new ArrayList<>();
        Matcher matcher = NUMBER.matcher(text);
        while (matcher.find()) {
            numbers.add(matcher.group());
        }
        return numbers;
    }

    /** What the report may draw on: observations, findings with their evidence, and the score. */
    private static String sources(QoeAssessment a) {
        StringBuilder text = new StringBuilder();
        for (FactorResult factor : a.factors()) {
            for (CheckResult check : factor.checks()) {
                text.append(check.observation()).append('\n');
            }
        }
        for (Finding finding : a.findings()) {
            text.append(finding.message()).append('\n').append(finding.action()).append('\n');
            finding.evidence().forEach(e -> text.append(e.value()).append('\n'));
        }
        a.score().ifPresent(s -> text.append(s).append('\n'));
        return text.toString();
    }

    @Test
    void theSameAssessmentGivesTheSameText() {
        QoeHome home = QoeHome.connected(QoeHome.tr181().weakClient(CLIENT_5G_B, -78));
        DeviceSignals signals = home.signals();
        home.history.record(signals);
        QoeAssessment first = new QoeEvaluator().evaluate(signals, home.history, QoeThresholds.defaults());
        QoeAssessment second = new QoeEvaluator().evaluate(signals, home.history, QoeThresholds.defaults());

        assertThat(second.report()).isEqualTo(first.report());
        assertThat(new PlainReportWriter().write(first)).isEqualTo(first.report());
    }

    @Test
    void aHealthyHomeSaysSoWithTheMeasuredNumbers() {
        QoeAssessment a = healthyTwice();

        assertThat(a.report()).startsWith("Everything looks healthy (score 100, Excellent). Wi-Fi: 3 clients, the "
                + "weakest at -62 dBm on 5 GHz; the lowest client SNR is 30 dB.");
        assertThat(a.report()).contains("The WAN link: ").contains("the round trip to probe.example.net takes 18 ms "
                + "on average");
        assertThat(a.report()).doesNotContain("Not assessed");
    }

    @Test
    void leadsWithTheMainProblemsFactorAndNamesTheHealthyOnes() {
        QoeAssessment a = QoeHome.connected(QoeHome.tr181().weakClient(CLIENT_5G_B, -78)).assess();

        assertThat(a.report()).startsWith("Wi-Fi is the main problem: 1 of 3 Wi-Fi clients are at or below -75 dBm "
                + "(1 on 5 GHz; the weakest at -78 dBm on 5 GHz). These clients are far from the router");
        assertThat(a.report()).contains(" The WAN link and the router itself are healthy.");
        assertThat(a.report()).contains(" Score " + a.score().orElseThrow() + " (" + a.grade().orElseThrow().label()
                + ").");
    }

    @Test
    void namesTheOtherFactorsWithProblemsAfterTheMainOne() {
        QoeAssessment a = QoeHome.connected(QoeHome.tr181().ping(20, 0, 320).leaseTime(300)
                .weakClient(CLIENT_5G_B, -78)).assess();

        assertThat(a.report()).startsWith("The WAN link is the main problem: the round trip to probe.example.net "
                + "takes 320 ms on average (high from 100 ms); the DHCP server hands out 5 min leases.");
        assertThat(a.report()).contains(" Also Wi-Fi: 1 of 3 Wi-Fi clients are at or below -75 dBm")
                .contains(" The router itself is healthy.");
    }

    @Test
    void saysWhatWasNotAssessed() {
        QoeAssessment a = QoeHome.connected(QoeHome.tr181().uptime(600)).assess();

        assertThat(a.report()).endsWith(" Not assessed: CPU load needs two readings at least a minute apart (now 12 "
                + "%); the router rebooted 10 min ago; whether it keeps rebooting needs up to an hour of "
                + "observation.");
    }

    @Test
    void moreThanThreeGapsAreSummarised() {
        QoeAssessment a = QoeHome.connectedTr098(QoeHome.tr098()).assess();

        assertThat(a.notAssessed().size()).isGreaterThan(3);
        assertThat(a.report()).contains("and " + (a.notAssessed().size() - 3) + " more (see the QoE API).");
    }

    @Test
    void everyNumberInTheReportComesFromTheAssessment() {
        HomeTrees tree = QoeHome.tr181().weakClient(CLIENT_24G, -81).weakClient(CLIENT_5G_A, -77)
                .ping(93, 7, 140).memory(200000, 12000).temperature(91, 90);
        QoeAssessment a = QoeHome.connected(tree).assess();

        assertThat(numbers(a.report())).allSatisfy(n -> assertThat(numbers(sources(a))).contains(n));
        // spot checks: twin values appear verbatim
        assertThat(a.report()).contains("-81 dBm", "7 of 100 probes", "140 ms", "94 %", "91 °C", "alarm at 90 °C");
        assertThat(a.findings()).flatExtracting(Finding::evidence).extracting(Evidence::value)
                .contains("-81", "-77", "7", "140", "12000", "91", "90");
    }

    @Test
    void aLowScoreWithoutAFindingIsNotCalledHealthy() {
        // every client retransmits a third of its packets: Wi-Fi scores 0 without a finding of its own
        HomeTrees tree = QoeHome.tr181().set(CLIENT_24G + "Retransmissions", "3000")
                .set(CLIENT_5G_A + "Retransmissions", "6000").set(CLIENT_5G_B + "Retransmissions", "6000");
        QoeAssessment a = QoeHome.connected(tree).assess();

        assertThat(a.findings()).isEmpty();
        assertThat(a.verdict()).isEqualTo(QoeAssessment.Verdict.DEGRADED);
        assertThat(a.report()).doesNotContain("healthy (score");
        assertThat(a.report()).contains("(score " + a.score().orElseThrow() + ", Fair)");
    }
}
