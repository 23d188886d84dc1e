package io.cpeoperator.operator.qoe.history;

import io.cpeoperator.operator.qoe.QoeHome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.cpeoperator.operator.qoe.HomeTrees.INFO;
import static io.cpeoperator.operator.qoe.HomeTrees.PPP;
import static io.cpeoperator.operator.qoe.HomeTrees.WAN;
import static org.assertj.core.api.Assertions.assertThat;

class DeviceHistoryTest {

    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Duration MIN_SPAN = Duration.ofMinutes(1);
    private static final String CPU = INFO + "ProcessStatus.CPUUsage";
    private static final String UPTIME = INFO + "UpTime";

    private static void record(QoeHome home) {
        home.history.record(home.signals());
    }

    @Test
    void oneReadingRecordedAgainIsStillOneReading() {
        QoeHome home = QoeHome.connected(QoeHome.tr181().cpu(95));
        record(home);
        home.clock.advance(Duration.ofMinutes(5));
        record(home);
        record(home);

        assertThat(home.history.sustainedCpu(WINDOW, MIN_SPAN)).isEmpty();
    }

    @Test
    void sustainedCpuNeedsTwoReadingsAtLeastAMinuteApartAndIsTheLowest() {
        QoeHome home = QoeHome.connected(QoeHome.tr181().cpu(95));
        record(home);
        home.after(Duration.ofSeconds(30), Map.of(CPU, "93"));
        record(home);
        assertThat(home.history.sustainedCpu(WINDOW, MIN_SPAN)).isEmpty();

        home.after(Duration.ofSeconds(40), Map.of(CPU, "97"));
        record(home);
        assertThat(home.history.sustainedCpu(WINDOW, MIN_SPAN)).hasValueSatisfying(cpu -> {
            assertThat(cpu.lowest()).isEqualTo(93);
            assertThat(cpu.readings()).isEqualTo(3);
            assertThat(cpu.span()).isEqualTo(Duration.ofSeconds(70));
        });
    }

    @Test
    void counterReadingsInBetweenDoNotPushTheCpuReadingsOut() {
        QoeHome home = QoeHome.connected(QoeHome.tr181().cpu(95));
        record(home);
        // the subtrees of a re-read arrive one by one: many new counter readings, no new CPU reading
        for (int i = 1; i <= 15; i++) {
            home.after(Duration.ofSeconds(5), Map.of(WAN + "Stats.PacketsReceived", Integer.toString(1_000_000 + i)));
            record(home);
        }
        home.after(Duration.ofSeconds(5), Map.of(CPU, "96"));
        record(home);

        assertThat(home.history.sustainedCpu(WINDOW, MIN_SPAN)).map(DeviceHistory.SustainedCpu::lowest)
                .hasValue(95.0);
    }

    @Test
    void sustainedCpuForgetsReadingsOlderThanTheWindow() {
        QoeHome home = QoeHome.connected(QoeHome.tr181().cpu(20));
        record(home);
        home.after(Duration.ofMinutes(20), Map.of(CPU, "96"));
        record(home);
        home.after(Duration.ofMinutes(2), Map.of(CPU, "94"));
        record(home);

        assertThat(home.history.sustainedCpu(WINDOW, MIN_SPAN)).map(DeviceHistory.SustainedCpu::lowest)
                .hasValue(94.0);
    }

    @Test
    void aLoadThatJustBeganIsSustainedOnceItSpansAMinuteWhateverCameBefore() {
        QoeHome home = QoeHome.connected(QoeHome.tr181().cpu(20));
        record(home);
        for (int i = 1; i <= 8; i++) { // quiet readings every 15 s
            home.after(Duration.ofSeconds(15), Map.of(CPU, Integer.toString(20 + i)));
            record(home);
        }
        home.after(Duration.ofSeconds(15), Map.of(CPU, "96"));
        record(home);
        for (int i = 1; i <= 3; i++) {
            home.after(Duration.ofSeconds(15), Map.of(CPU, Integer.toString(94 + i)));
            record(home);
            assertThat(home.history.sustainedCpu(WINDOW, MIN_SPAN)).as("after %d s", 15 * i)
                    .map(DeviceHistory.SustainedCpu::lowest).hasValueSatisfying(cpu -> assertThat(cpu).isLessThan(90));
        }
        home.after(Duration.ofSeconds(15), Map.of(CPU, "93"));
        record(home);
        assertThat(home.history.sustainedCpu(WINDOW, MIN_SPAN)).map(DeviceHistory.SustainedCpu::lowest)
                .hasValue(93.0);
    }

    @Test
    void aRebootLoopIsCountedFromUptimeAcrossObservations() {
        QoeHome home = QoeHome.connected(QoeHome.tr181().uptime(300));
        record(home);
        home.after(Duration.ofMinutes(10), Map.of(UPTIME, "100"));
        record(home);
        home.after(Duration.ofMinutes(10), Map.of(UPTIME, "200"));
        record(home);
        home.after(Duration.ofMinutes(10), Map.of(UPTIME, "50"));
        record(home);

        assertThat(home.history.bootsWithin(Duration.ofHours(1), home.clock.instant())).isEqualTo(4);
        assertThat(home.history.uptimeWatched()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void bootsFasterThanTheReadingsAreCountedByTheBootCounter() {
        QoeHome home = QoeHome.connected(QoeHome.tr181().uptime(100).set(INFO + "Reboots.BootCount", "7"));
        record(home);
        // five minutes later the device has booted three more times; the uptime shows only the latest
        home.after(Duration.ofMinutes(5), Map.of(UPTIME, "90", INFO + "Reboots.BootCount", "10"));
        record(home);

        assertThat(home.history.bootsWithin(Duration.ofHours(1), home.clock.instant())).isEqualTo(3);
    }

    @Test
    void bootsAMinuteApartAreTwoBoots() {
        QoeHome home = QoeHome.connected(QoeHome.tr181().uptime(40));
        record(home);
        home.after(Duration.ofSeconds(50), Map.of(UPTIME, "5")); // booted 85 s after the first boot
        record(home);

        assertThat(home.history.bootsWithin(Duration.ofHours(1), home.clock.instant())).isEqualTo(2);
    }

    @Test
    void aSessionThatCameUpAfterABootIsNoRestart() {
        QoeHome home = QoeHome.connected(QoeHome.tr181().uptime(4000).set(PPP + "LastChange", "3900"));
        record(home);
        // the router rebooted twice; each time the PPP session came up 20 s after the boot
        home.after(Duration.ofMinutes(3), Map.of(UPTIME, "60", PPP + "LastChange", "40"));
        record(home);
        home.after(Duration.ofMinutes(3), Map.of(UPTIME, "70", PPP + "LastChange", "50"));
        record(home);

        assertThat(home.history.bootsWithin(Duration.ofHours(1), home.clock.instant())).isEqualTo(2);
        assertThat(home.history.sessionRestartsWithin(Duration.ofHours(1), home.clock.instant())).isZero();
    }

    @Test
    void uptimeThatKeepsGrowingIsOneBoot() {
        QoeHome home = QoeHome.connected(QoeHome.tr181().uptime(300));
        record(home);
        home.after(Duration.ofMinutes(10), Map.of(UPTIME, "900"));
        record(home);
        // the same observation again, later: no new boot
        home.clock.advance(Duration.ofMinutes(10));
        record(home);

        assertThat(home.history.bootsWithin(Duration.ofHours(1), home.clock.instant())).isEqualTo(1);
        assertThat(home.history.uptimeWatched()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void pppSessionStartsAreCountedFromLastChange() {
        QoeHome home = QoeHome.connected(QoeHome.tr181());
        record(home);
        home.after(Duration.ofMinutes(5), Map.of(PPP + "LastChange", "10"));
        record(home);
        home.after(Duration.ofMinutes(5), Map.of(PPP + "LastChange", "20"));
        record(home);
        home.after(Duration.ofMinutes(5), Map.of(PPP + "LastChange", "320"));
        record(home);

        // the first session started a day ago; two started since, the last one is the same session seen again
        assertThat(home.history.sessionStartsWithin(Duration.ofHours(1), home.clock.instant())).isEqualTo(2);
        assertThat(home.history.sessionStartsWithin(Duration.ofDays(2), home.clock.instant())).isEqualTo(3);
        // both starts of the last hour replaced a session: two restarts, though the first session is a day old
        assertThat(home.history.sessionRestartsWithin(Duration.ofHours(1), home.clock.instant())).isEqualTo(2);
    }

    @Test
    void theFirstSessionSeenIsNoRestart() {
        QoeHome home = QoeHome.connected(QoeHome.tr181().set(PPP + "LastChange", "120"));
        record(home);
        assertThat(home.history.sessionRestartsWithin(Duration.ofHours(1), home.clock.instant())).isZero();
        home.after(Duration.ofMinutes(5), Map.of(PPP + "LastChange", "30"));
        record(home);
        assertThat(home.history.sessionRestartsWithin(Duration.ofHours(1), home.clock.instant())).isEqualTo(1);
    }

    @Test
    void wanErrorWindowSpansTheTwoNewestCounterReadings() {
        QoeHome home = QoeHome.connected(QoeHome.tr181());
        record(home);
        assertThat(home.history.wanErrorWindow()).isEmpty();

        home.after(Duration.ofMinutes(5), Map.of(WAN + "Stats.PacketsReceived", "5100000",
                WAN + "Stats.ErrorsReceived", "40", WAN + "Stats.DiscardPacketsReceived", "5"));
        record(home);

        DeviceHistory.CounterWindow window = home.history.wanErrorWindow().orElseThrow();
        assertThat(window.packets()).isEqualTo(100000);
        assertThat(window.errors()).isEqualTo(30);
        assertThat(window.from()).isEqualTo(QoeHome.START);
        assertThat(window.to()).isEqualTo(QoeHome.START.plus(Duration.ofMinutes(5)));
    }

    @Test
    void wanErrorWindowSurvivesAWrapAndIsEmptyAfterAReset() {
        QoeHome home = QoeHome.connected(QoeHome.tr181().set(WAN + "Stats.PacketsReceived", "4294967000"));
        record(home);
        home.after(Duration.ofMinutes(5), Map.of(WAN + "Stats.PacketsReceived", "500",
                WAN + "Stats.ErrorsReceived", "13"));
        record(home);
        assertThat(home.history.wanErrorWindow().orElseThrow().packets()).isEqualTo(796);
        assertThat(home.history.wanErrorWindow().orElseThrow().errors()).isEqualTo(1);

        home.after(Duration.ofMinutes(5), Map.of(WAN + "Stats.PacketsReceived", "20",
                WAN + "Stats.ErrorsReceived", "0", WAN + "Stats.DiscardPacketsReceived", "0"));
        record(home);
        assertThat(home.history.wanErrorWindow()).isEmpty();
    }
}
