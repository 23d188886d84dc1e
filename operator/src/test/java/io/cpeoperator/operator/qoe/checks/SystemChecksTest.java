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

import static io.cpeoperator.operator.qoe.FindingCodes.CPU_OVERLOAD;
import static io.cpeoperator.operator.qoe.FindingCodes.MEMORY_PRESSURE;
import static io.cpeoperator.operator.qoe.FindingCodes.OVERHEATING;
import static io.cpeoperator.operator.qoe.FindingCodes.REBOOT_LOOP;
import static io.cpeoperator.operator.qoe.HomeTrees.INFO;
import static io.cpeoperator.operator.qoe.HomeTrees.SENSOR;
import static io.cpeoperator.operator.qoe.QoeHome.check;
import static io.cpeoperator.operator.qoe.QoeHome.codes;
import static io.cpeoperator.operator.qoe.QoeHome.finding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class SystemChecksTest {

    private static final String CPU = INFO + "ProcessStatus.CPUUsage";
    private static final String UPTIME = INFO + "UpTime";

    private static QoeAssessment assess(HomeTrees tree) {
        return QoeHome.connected(tree).assess();
    }

    /** Two CPU readings a minute apart: {@code first}, then {@code second}. */
    private static QoeAssessment cpu(int first, int second) {
        QoeHome home = QoeHome.connected(QoeHome.tr181().cpu(first));
        home.assess();
        return home.after(Duration.ofMinutes(1), Map.of(CPU, Integer.toString(second))).assess();
    }

    @Test
    void oneSnapshotLeavesCpuAndRebootsNotYetAssessedButJudgesMemoryAndTemperature() {
        QoeAssessment a = assess(QoeHome.tr181().cpu(99).uptime(600).memory(100000, 5000).temperature(96, 95));

        assertThat(check(a, Factor.SYSTEM, "cpu").state()).isEqualTo(CheckResult.State.NOT_YET_ASSESSED);
        assertThat(check(a, Factor.SYSTEM, "reboots").state()).isEqualTo(CheckResult.State.NOT_YET_ASSESSED);
        assertThat(a.notAssessed()).contains("system.cpu: CPU load needs two readings at least a minute apart (now 99 "
                + "%)");
        assertThat(a.notAssessed()).anyMatch(l -> l.startsWith("system.reboots: the router rebooted 10 min ago"));
        assertThat(codes(a)).doesNotContain(CPU_OVERLOAD, REBOOT_LOOP).contains(MEMORY_PRESSURE, OVERHEATING);
    }

    @Test
    void cpuOverloadIsRaisedWhenEveryReadingIsAtTheThreshold() {
        QoeAssessment at = cpu(90, 95);
        QoeAssessment below = cpu(89, 99);
        QoeAssessment severe = cpu(96, 97);

        Finding finding = finding(at, CPU_OVERLOAD).orElseThrow();
        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.message()).isEqualTo("the CPU has stayed at or above 90 % for 60 s (2 readings, now "
                + "95 %)");
        assertThat(finding.evidence()).extracting(Evidence::path, Evidence::value).containsExactly(tuple(CPU, "95"));
        assertThat(codes(below)).doesNotContain(CPU_OVERLOAD);
        assertThat(check(below, Factor.SYSTEM, "cpu").assessed()).isTrue();
        assertThat(finding(severe, CPU_OVERLOAD).orElseThrow().severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void twoReadingsLessThanAMinuteApartAreNotYetSustained() {
        QoeHome home = QoeHome.connected(QoeHome.tr181().cpu(99));
        home.assess();
        QoeAssessment a = home.after(Duration.ofSeconds(59), Map.of(CPU, "99")).assess();

        assertThat(check(a, Factor.SYSTEM, "cpu").state()).isEqualTo(CheckResult.State.NOT_YET_ASSESSED);
        assertThat(codes(a)).doesNotContain(CPU_OVERLOAD);
    }

    @Test
    void theBusiestProcessIsNamedInTheCpuAction() {
        QoeHome home = QoeHome.connected(QoeHome.tr181().cpu(97)
                .set(INFO + "ProcessStatus.Process.1.Command", "dnsmasq")
                .set(INFO + "ProcessStatus.Process.1.CPUTime", "1000")
                .set(INFO + "ProcessStatus.Process.2.Command", "tr069d")
                .set(INFO + "ProcessStatus.Process.2.CPUTime", "250000"));
        home.assess();
        QoeAssessment a = home.after(Duration.ofMinutes(2), Map.of(CPU, "98")).assess();

        assertThat(finding(a, CPU_OVERLOAD).orElseThrow().action()).contains("(the busiest is tr069d)");
    }

    @Test
    void memoryPressureIsRaisedAtNinetyPercentFromOneSnapshot() {
        QoeAssessment at = assess(QoeHome.tr181().memory(100000, 10000));
        QoeAssessment below = assess(QoeHome.tr181().memory(100000, 10001));
        QoeAssessment severe = assess(QoeHome.tr181().memory(100000, 3000));

        Finding finding = finding(at, MEMORY_PRESSURE).orElseThrow();
        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.message()).isEqualTo("90 % of the memory is in use after 24 h of uptime");
        assertThat(finding.evidence()).extracting(Evidence::path, Evidence::value).containsExactly(
                tuple(INFO + "MemoryStatus.Free", "10000"), tuple(INFO + "MemoryStatus.Total", "100000"));
        assertThat(codes(below)).doesNotContain(MEMORY_PRESSURE);
        assertThat(finding(severe, MEMORY_PRESSURE).orElseThrow().severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void overheatingUsesTheSensorsOwnAlarmValue() {
        QoeAssessment atAlarm = assess(QoeHome.tr181().temperature(95, 95));
        QoeAssessment belowAlarm = assess(QoeHome.tr181().temperature(94, 95));
        // 75 °C is below the default 85 °C, but this sensor alarms at 70
        QoeAssessment lowAlarm = assess(QoeHome.tr181().temperature(75, 70));

        Finding finding = finding(atAlarm, OVERHEATING).orElseThrow();
        assertThat(finding.message()).isEqualTo("the hottest sensor, SoC, reads 95 °C (alarm at 95 °C)");
        assertThat(finding.evidence()).extracting(Evidence::path, Evidence::value).containsExactly(
                tuple(SENSOR + "Value", "95"), tuple(SENSOR + "HighAlarmValue", "95"));
        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(codes(belowAlarm)).doesNotContain(OVERHEATING);
        assertThat(finding(lowAlarm, OVERHEATING).orElseThrow().message()).contains("alarm at 70 °C");
    }

    @Test
    void withoutAnAlarmValueOverheatingUsesTheDefault() {
        QoeAssessment at = assess(QoeHome.tr181().temperature(85, null));
        QoeAssessment below = assess(QoeHome.tr181().temperature(84, null));
        QoeAssessment none = assess(QoeHome.tr181().temperature(84, -274));
        QoeAssessment severe = assess(QoeHome.tr181().temperature(95, null));

        assertThat(finding(at, OVERHEATING).orElseThrow().message()).contains("alarm at 85 °C");
        assertThat(codes(below)).doesNotContain(OVERHEATING);
        assertThat(codes(none)).doesNotContain(OVERHEATING);
        assertThat(check(none, Factor.SYSTEM, "temperature").observation()).contains("alarm at 85 °C");
        assertThat(finding(severe, OVERHEATING).orElseThrow().severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void theHottestSensorRelativeToItsAlarmIsJudged() {
        QoeAssessment a = assess(QoeHome.tr181()
                .set(INFO + "TemperatureStatus.TemperatureSensor.2.Name", "WiFi5G")
                .set(INFO + "TemperatureStatus.TemperatureSensor.2.Value", "72")
                .set(INFO + "TemperatureStatus.TemperatureSensor.2.HighAlarmValue", "70"));

        assertThat(finding(a, OVERHEATING).orElseThrow().message()).startsWith("the hottest sensor, WiFi5G, reads "
                + "72 °C");
    }

    @Test
    void aRebootLoopIsRaisedFromUptimeFallingAgainAndAgain() {
        QoeHome home = QoeHome.connected(QoeHome.tr181().uptime(300));
        home.assess();
        home.after(Duration.ofMinutes(10), Map.of(UPTIME, "100")).assess();
        QoeAssessment twice = home.after(Duration.ofMinutes(10), Map.of(UPTIME, "200")).assess();
        QoeAssessment loop = home.after(Duration.ofMinutes(10), Map.of(UPTIME, "50")).assess();

        assertThat(codes(twice)).contains(REBOOT_LOOP);
        Finding finding = finding(loop, REBOOT_LOOP).orElseThrow();
        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.message()).isEqualTo("the router booted 4 times in the last hour (up for 50 s now)");
        assertThat(finding.evidence()).extracting(Evidence::path, Evidence::value).containsExactly(
                tuple(UPTIME, "50"), tuple(INFO + "Reboots.BootCount", "3"));
    }

    @Test
    void twoBootsAreNotALoop() {
        QoeHome home = QoeHome.connected(QoeHome.tr181().uptime(300));
        home.assess();
        QoeAssessment a = home.after(Duration.ofMinutes(10), Map.of(UPTIME, "100")).assess();

        assertThat(codes(a)).doesNotContain(REBOOT_LOOP);
        assertThat(check(a, Factor.SYSTEM, "reboots").state()).isEqualTo(CheckResult.State.NOT_YET_ASSESSED);
    }

    @Test
    void anHourOfUptimeProvesThereIsNoLoopFromOneSnapshot() {
        QoeAssessment a = assess(QoeHome.tr181().uptime(3600));

        assertThat(check(a, Factor.SYSTEM, "reboots").assessed()).isTrue();
        assertThat(check(a, Factor.SYSTEM, "reboots").score()).isEqualTo(100);
    }

    @Test
    void missingSystemParametersAreUnknown() {
        QoeAssessment a = assess(QoeHome.tr181().remove(INFO + "MemoryStatus.").remove(INFO + "TemperatureStatus.")
                .remove(CPU).remove(UPTIME));

        assertThat(a.factor(Factor.SYSTEM).orElseThrow().assessed()).isFalse();
        assertThat(a.notAssessed()).contains("system.cpu: the device reports no CPU usage",
                "system.memory: the device reports no memory total and free",
                "system.temperature: the device reports no temperature sensor",
                "system.reboots: the device reports no uptime");
    }
}
