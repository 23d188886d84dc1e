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

import java.time.Duration;
import java.util.Map;

import static io.cpeoperator.operator.qoe.FindingCodes.DHCP_CHURN;
import static io.cpeoperator.operator.qoe.FindingCodes.PPPOE_FLAPPING;
import static io.cpeoperator.operator.qoe.FindingCodes.WAN_DOWN;
import static io.cpeoperator.operator.qoe.FindingCodes.WAN_HIGH_LATENCY;
import static io.cpeoperator.operator.qoe.FindingCodes.WAN_PACKET_LOSS;
import static io.cpeoperator.operator.qoe.HomeTrees.POOL;
import static io.cpeoperator.operator.qoe.HomeTrees.PPP;
import static io.cpeoperator.operator.qoe.HomeTrees.WAN;
import static io.cpeoperator.operator.qoe.QoeHome.check;
import static io.cpeoperator.operator.qoe.QoeHome.codes;
import static io.cpeoperator.operator.qoe.QoeHome.finding;
import static org.assertj.core.api.Assertions.assertThat;

class WanChecksTest {

    private static final String PACKETS = WAN + "Stats.PacketsReceived";
    private static final String ERRORS = WAN + "Stats.ErrorsReceived";

    private static QoeAssessment assess(HomeTrees tree) {
        return QoeHome.connected(tree).assess();
    }

    @Test
    void theHealthyHomeJudgesEveryWanCheckWithoutFindings() {
        QoeAssessment a = assess(QoeHome.tr181());

        assertThat(a.factor(Factor.WAN).orElseThrow().checks()).extracting(CheckResult::check)
                .containsExactly("loss", "latency", "link", "ppp", "dhcp");
        assertThat(a.factor(Factor.WAN).orElseThrow().checks()).allMatch(CheckResult::assessed);
        assertThat(a.factor(Factor.WAN).orElseThrow().score()).contains(100);
        assertThat(check(a, Factor.WAN, "latency").observation())
                .isEqualTo("the round trip to probe.example.net takes 18 ms on average");
    }

    @Test
    void packetLossIsRaisedAtFivePercentOfProbes() {
        QoeAssessment at = assess(QoeHome.tr181().ping(95, 5, 20));
        QoeAssessment below = assess(QoeHome.tr181().ping(96, 4, 20));
        QoeAssessment severe = assess(QoeHome.tr181().ping(80, 20, 20));

        Finding finding = finding(at, WAN_PACKET_LOSS).orElseThrow();
        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.message()).startsWith("5 of 100 probes to probe.example.net were lost (5 %)");
        assertThat(finding.evidence()).extracting(Evidence::path).containsExactly(
                HomeTrees.PING + "FailureCount", HomeTrees.PING + "SuccessCount");
        assertThat(codes(below)).doesNotContain(WAN_PACKET_LOSS);
        assertThat(finding(severe, WAN_PACKET_LOSS).orElseThrow().severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void interfaceErrorsBetweenTwoReadingsAreLossFromFiveInTenThousand() {
        QoeHome at = QoeHome.connected(QoeHome.tr181());
        at.assess();
        // +100000 packets, +50 errors: 0.05 %
        QoeAssessment raised = at.after(Duration.ofMinutes(5), Map.of(PACKETS, "5100000", ERRORS, "62")).assess();
        QoeHome below = QoeHome.connected(QoeHome.tr181());
        below.assess();
        QoeAssessment fine = below.after(Duration.ofMinutes(5), Map.of(PACKETS, "5100000", ERRORS, "61")).assess();

        Finding finding = finding(raised, WAN_PACKET_LOSS).orElseThrow();
        assertThat(finding.message()).contains("the WAN interface counted 0.05 % of received packets as errors or "
                + "discards since 2024-05-01T10:00:00Z");
        assertThat(finding.evidence()).extracting(Evidence::value).contains("62", "5100000");
        assertThat(codes(fine)).doesNotContain(WAN_PACKET_LOSS);
        assertThat(check(fine, Factor.WAN, "loss").observation()).contains("since 2024-05-01T10:00:00Z");
    }

    @Test
    void aWrappedPacketCounterIsJudgedOverTheWrap() {
        QoeHome home = QoeHome.connected(QoeHome.tr181().set(PACKETS, "4294967000"));
        home.assess();
        // 796 packets across the wrap, 1 more error: 0.13 %
        QoeAssessment a = home.after(Duration.ofMinutes(5), Map.of(PACKETS, "500", ERRORS, "13")).assess();

        assertThat(finding(a, WAN_PACKET_LOSS).orElseThrow().message())
                .contains("0.13 % of received packets as errors or discards since 2024-05-01T10:00:00Z");
    }

    @Test
    void afterACounterResetLossFallsBackToTheCountersSinceTheyStarted() {
        QoeHome home = QoeHome.connected(QoeHome.tr181());
        home.assess();
        QoeAssessment a = home.after(Duration.ofMinutes(5), Map.of(PACKETS, "20000", ERRORS, "0",
                WAN + "Stats.DiscardPacketsReceived", "0")).assess();

        assertThat(codes(a)).doesNotContain(WAN_PACKET_LOSS);
        assertThat(check(a, Factor.WAN, "loss").observation()).contains("0 % of received packets as errors or "
                + "discards since its counters started");
    }

    @Test
    void highLatencyIsRaisedAtTheThreshold() {
        QoeAssessment at = assess(QoeHome.tr181().ping(20, 0, 100));
        QoeAssessment below = assess(QoeHome.tr181().ping(20, 0, 99));
        QoeAssessment severe = assess(QoeHome.tr181().ping(20, 0, 300));

        Finding finding = finding(at, WAN_HIGH_LATENCY).orElseThrow();
        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.message()).isEqualTo("the round trip to probe.example.net takes 100 ms on average (high "
                + "from 100 ms)");
        assertThat(finding.evidence()).extracting(Evidence::path, Evidence::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple(HomeTrees.PING + "AverageResponseTime", "100"));
        assertThat(codes(below)).doesNotContain(WAN_HIGH_LATENCY);
        assertThat(finding(severe, WAN_HIGH_LATENCY).orElseThrow().severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void wanDownIsRaisedForADownInterfaceWithoutPpp() {
        HomeTrees ipoe = QoeHome.tr181().remove(PPP).remove(WAN + "LowerLayers");
        QoeAssessment down = assess(ipoe.set(WAN + "Status", "Down"));
        QoeAssessment up = assess(QoeHome.tr181().remove(PPP).remove(WAN + "LowerLayers"));
        QoeAssessment pppDown = assess(QoeHome.tr181().set(WAN + "Status", "Down"));

        Finding finding = finding(down, WAN_DOWN).orElseThrow();
        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.evidence()).extracting(Evidence::path, Evidence::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple(WAN + "Status", "Down"));
        assertThat(down.findings().get(0).code()).isEqualTo(WAN_DOWN);
        assertThat(codes(up)).doesNotContain(WAN_DOWN);
        assertThat(check(up, Factor.WAN, "ppp").state()).isEqualTo(CheckResult.State.NOT_APPLICABLE);
        // over PPP, a down IP interface is the PPP session re-establishing: judged by the PPP check
        assertThat(codes(pppDown)).doesNotContain(WAN_DOWN);
        assertThat(check(pppDown, Factor.WAN, "link").score()).isEqualTo(50);
    }

    @Test
    void pppoeFlappingFromTwoRestartsInAnHour() {
        QoeHome home = QoeHome.connected(QoeHome.tr181());
        home.assess();
        QoeAssessment once = home.after(Duration.ofMinutes(5), Map.of(PPP + "LastChange", "10")).assess();
        QoeAssessment twice = home.after(Duration.ofMinutes(5), Map.of(PPP + "LastChange", "10")).assess();

        assertThat(codes(once)).doesNotContain(PPPOE_FLAPPING);
        assertThat(check(once, Factor.WAN, "ppp").observation()).contains("it restarted 1 time in the last hour");
        Finding finding = finding(twice, PPPOE_FLAPPING).orElseThrow();
        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.message()).isEqualTo("the PPP session has been up for 10 s (last error ERROR_NONE); it "
                + "restarted 2 times in the last hour, while the router has been up for 24 h");
        QoeAssessment thrice = home.after(Duration.ofMinutes(5), Map.of(PPP + "LastChange", "10")).assess();
        assertThat(finding(thrice, PPPOE_FLAPPING).orElseThrow().severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void aYoungSessionWithAnErrorIsFlappingFromOneSnapshot() {
        QoeAssessment error = assess(QoeHome.tr181().set(PPP + "LastChange", "100")
                .set(PPP + "LastConnectionError", "ERROR_AUTHENTICATION_FAILURE"));
        QoeAssessment noError = assess(QoeHome.tr181().set(PPP + "LastChange", "100"));

        Finding finding = finding(error, PPPOE_FLAPPING).orElseThrow();
        assertThat(finding.evidence()).extracting(Evidence::path).contains(PPP + "LastChange",
                PPP + "LastConnectionError", HomeTrees.INFO + "UpTime");
        assertThat(finding.action()).contains("ERROR_AUTHENTICATION_FAILURE");
        assertThat(codes(noError)).doesNotContain(PPPOE_FLAPPING);
        assertThat(check(noError, Factor.WAN, "ppp").score()).isEqualTo(60);
    }

    @Test
    void aSessionThatCameUpWithTheBootIsNotMarkedDownForItsAge() {
        // a router that just rebooted (a firmware upgrade, say): its session is young because the router is
        QoeAssessment justBooted = assess(QoeHome.tr181().uptime(120).set(PPP + "LastChange", "100"));
        // the same young session on a router up for a day: it dropped, and its age counts
        QoeAssessment dropped = assess(QoeHome.tr181().set(PPP + "LastChange", "1000"));

        assertThat(check(justBooted, Factor.WAN, "ppp").score()).isEqualTo(100);
        assertThat(check(dropped, Factor.WAN, "ppp").score()).isLessThan(100);
    }

    @Test
    void sessionsFailingWithAnErrorAfterEveryBootOfALoopAreFlappingToo() {
        String uptime = HomeTrees.INFO + "UpTime";
        // a router in a reboot loop: its sessions come up after each boot, with or without a setup error
        QoeHome loop = QoeHome.connected(QoeHome.tr181().uptime(50).set(PPP + "LastChange", "30"));
        loop.assess();
        QoeAssessment clean = loop.after(Duration.ofSeconds(65), Map.of(uptime, "45", PPP + "LastChange", "25"))
                .assess();
        QoeHome failing = QoeHome.connected(QoeHome.tr181().uptime(50).set(PPP + "LastChange", "30")
                .set(PPP + "LastConnectionError", "ERROR_ISP_TIME_OUT"));
        QoeAssessment oneBoot = failing.assess();
        QoeAssessment twoBoots = failing.after(Duration.ofSeconds(65), Map.of(uptime, "45", PPP + "LastChange", "25"))
                .assess();

        assertThat(codes(clean)).doesNotContain(PPPOE_FLAPPING);
        assertThat(codes(oneBoot)).doesNotContain(PPPOE_FLAPPING); // one boot is no pattern yet
        assertThat(codes(twoBoots)).contains(PPPOE_FLAPPING);
    }

    @Test
    void dhcpChurnIsRaisedBelowTenMinuteLeases() {
        QoeAssessment below = assess(QoeHome.tr181().leaseTime(599));
        QoeAssessment at = assess(QoeHome.tr181().leaseTime(600));

        Finding finding = finding(below, DHCP_CHURN).orElseThrow();
        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.evidence()).extracting(Evidence::path, Evidence::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple(POOL + "LeaseTime", "599"));
        assertThat(finding.action()).startsWith("Set " + POOL + "LeaseTime to 86400");
        assertThat(codes(at)).doesNotContain(DHCP_CHURN);
        assertThat(check(at, Factor.WAN, "dhcp").score()).isEqualTo(50);
    }

    @Test
    void missingWanParametersAreNotAssessedNotHealthy() {
        QoeAssessment a = assess(QoeHome.tr181().remove(HomeTrees.PING).remove(WAN + "Stats.")
                .remove(POOL + "LeaseTime"));

        assertThat(check(a, Factor.WAN, "loss").state()).isEqualTo(CheckResult.State.UNKNOWN);
        assertThat(check(a, Factor.WAN, "latency").state()).isEqualTo(CheckResult.State.UNKNOWN);
        assertThat(check(a, Factor.WAN, "dhcp").state()).isEqualTo(CheckResult.State.UNKNOWN);
        assertThat(a.notAssessed()).anyMatch(l -> l.startsWith("wan.loss: "))
                .anyMatch(l -> l.startsWith("wan.latency: ")).anyMatch(l -> l.startsWith("wan.dhcp: "));
    }
}
