package io.cpeoperator.operator.insights;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HourlyHistoryTest {

    private static final Instant MIDNIGHT = Instant.parse("2026-03-10T00:00:00Z");
    private static final long H0 = MIDNIGHT.getEpochSecond() / 3600;

    @Test
    void costPerDeviceIsFixedAndUnderFourKibForSevenDays() {
        HourlyHistory history = new HourlyHistory(7);
        long before = HourlyHistory.arrayBytes(7);
        for (int i = 0; i < 10_000; i++) {
            history.record(Metric.values()[i % Metric.values().length], i % 90, MIDNIGHT.plusSeconds(i * 61L));
        }
        // 168 hours x 18 bytes + the newest hour's sums; plus object header and fields (about 40 bytes)
        assertThat(before).isEqualTo(16 + 168 * 18 + 16 + 13 * 8 + 16 + 13 * 4 + 16 + 13 * 8);
        assertThat(before + 40).isLessThanOrEqualTo(4096);
        assertThat(HourlyHistory.arrayBytes(7)).isEqualTo(before);
    }

    @Test
    void gaugesAreMeanOfTheHourWithMaximumWhereKept() {
        HourlyHistory h = new HourlyHistory(7);
        h.record(Metric.QOE_SCORE, 80, MIDNIGHT.plusSeconds(60));
        h.record(Metric.QOE_SCORE, 91, MIDNIGHT.plusSeconds(1800));
        h.record(Metric.QOE_SCORE, Double.NaN, MIDNIGHT.plusSeconds(1900));
        h.record(Metric.TEMPERATURE_C, 50, MIDNIGHT.plusSeconds(60));
        h.record(Metric.TEMPERATURE_C, 61.2, MIDNIGHT.plusSeconds(120));
        h.record(Metric.WAN_LATENCY_MS, 12.34, MIDNIGHT.plusSeconds(60));
        h.record(Metric.WAN_LOSS_PERCENT, 0.27, MIDNIGHT.plusSeconds(60));
        h.record(Metric.WIFI_CLIENTS, 3, MIDNIGHT.plusSeconds(60));
        h.record(Metric.WIFI_CLIENTS, 8, MIDNIGHT.plusSeconds(70));

        assertThat(h.value(Metric.QOE_SCORE, H0)).isEqualTo(85.5);
        assertThat(h.value(Metric.TEMPERATURE_C, H0)).isCloseTo(55.6, within(0.26));
        assertThat(h.max(Metric.TEMPERATURE_C, H0)).isEqualTo(61.0);
        assertThat(h.value(Metric.WAN_LATENCY_MS, H0)).isCloseTo(12.3, within(1e-9));
        assertThat(h.value(Metric.WAN_LOSS_PERCENT, H0)).isCloseTo(0.27, within(1e-9));
        assertThat(h.value(Metric.WIFI_CLIENTS, H0)).isEqualTo(5.5);
        assertThat(h.max(Metric.WIFI_CLIENTS, H0)).isEqualTo(8);
        assertThat(h.value(Metric.CPU_PERCENT, H0)).isNaN();
        assertThat(h.max(Metric.QOE_SCORE, H0)).isNaN();
    }

    @Test
    void valuesBeyondTheScaleAreClampedNotWrapped() {
        HourlyHistory h = new HourlyHistory(1);
        h.record(Metric.CPU_PERCENT, 250, MIDNIGHT);
        h.record(Metric.TEMPERATURE_C, -40, MIDNIGHT);
        h.record(Metric.WAN_LATENCY_MS, 99_999, MIDNIGHT);
        assertThat(h.value(Metric.CPU_PERCENT, H0)).isEqualTo(127.0);
        assertThat(h.value(Metric.TEMPERATURE_C, H0)).isEqualTo(-20.0);
        assertThat(h.value(Metric.WAN_LATENCY_MS, H0)).isCloseTo(6553.4, within(1e-6));
    }

    @Test
    void rebootsAndBytesAreTotalsOfTheHour() {
        HourlyHistory h = new HourlyHistory(7);
        h.record(Metric.UNEXPECTED_REBOOTS, 1, MIDNIGHT.plusSeconds(10));
        h.record(Metric.UNEXPECTED_REBOOTS, 1, MIDNIGHT.plusSeconds(3000));
        long total = 0;
        for (int i = 0; i < 12; i++) {
            long delta = 150_000_000L + i * 1_000_003L;
            total += delta;
            h.record(Metric.WAN_BYTES, delta, MIDNIGHT.plusSeconds(i * 300L));
        }
        assertThat(h.value(Metric.UNEXPECTED_REBOOTS, H0)).isEqualTo(2);
        assertThat(h.value(Metric.WAN_BYTES, H0)).isCloseTo(total, within(total * 0.001));
        assertThat(h.value(Metric.WAN_BYTES, H0 + 1)).isNaN();
    }

    @Test
    void hoursAreUtcHoursAcrossMidnight() {
        HourlyHistory h = new HourlyHistory(7);
        h.record(Metric.QOE_SCORE, 60, Instant.parse("2026-03-09T23:59:59Z"));
        h.record(Metric.QOE_SCORE, 90, Instant.parse("2026-03-10T00:00:00Z"));
        h.record(Metric.CHANNEL_2G4, 6, Instant.parse("2026-03-10T00:30:00Z"));
        h.record(Metric.CHANNEL_2G4, 11, Instant.parse("2026-03-10T00:40:00Z"));

        assertThat(h.value(Metric.QOE_SCORE, H0 - 1)).isEqualTo(60);
        assertThat(h.value(Metric.QOE_SCORE, H0)).isEqualTo(90);
        assertThat(h.value(Metric.CHANNEL_2G4, H0)).isEqualTo(11);
        assertThat(h.value(Metric.CHANNEL_2G4, H0 - 1)).isZero();
        assertThat(h.newestHour()).isEqualTo(H0);
    }

    @Test
    void samplesOlderThanTheWindowAreDroppedAndOldHoursReadEmpty() {
        HourlyHistory h = new HourlyHistory(7);
        h.record(Metric.QOE_SCORE, 70, MIDNIGHT);
        h.record(Metric.QOE_SCORE, 80, MIDNIGHT.plusSeconds(3600L * 167));
        assertThat(h.value(Metric.QOE_SCORE, H0)).isEqualTo(70);

        h.record(Metric.QOE_SCORE, 90, MIDNIGHT.plusSeconds(3600L * 168));
        assertThat(h.value(Metric.QOE_SCORE, H0)).isNaN();
        assertThat(h.value(Metric.QOE_SCORE, H0 + 168)).isEqualTo(90);

        h.record(Metric.QOE_SCORE, 10, MIDNIGHT.plusSeconds(1800));
        h.record(Metric.UNEXPECTED_REBOOTS, 1, MIDNIGHT);
        assertThat(h.value(Metric.QOE_SCORE, H0)).isNaN();
        // the slot of hour H0 now belongs to H0 + 168 and was not touched by the dropped samples
        assertThat(h.value(Metric.UNEXPECTED_REBOOTS, H0 + 168)).isZero();

        h.record(Metric.QOE_SCORE, 50, MIDNIGHT.plusSeconds(3600L * 1000));
        assertThat(h.value(Metric.QOE_SCORE, H0 + 167)).isNaN();
        assertThat(h.value(Metric.QOE_SCORE, H0 + 1000)).isEqualTo(50);
    }

    @Test
    void lateSampleFillsAGapButDoesNotRewriteAClosedMean() {
        HourlyHistory h = new HourlyHistory(7);
        h.record(Metric.CPU_PERCENT, 20, MIDNIGHT);
        h.record(Metric.CPU_PERCENT, 40, MIDNIGHT.plusSeconds(7200));
        h.record(Metric.CPU_PERCENT, 90, MIDNIGHT.plusSeconds(60));
        h.record(Metric.MEMORY_PERCENT, 33, MIDNIGHT.plusSeconds(60));
        h.record(Metric.UNEXPECTED_REBOOTS, 1, MIDNIGHT.plusSeconds(60));

        assertThat(h.value(Metric.CPU_PERCENT, H0)).isEqualTo(20);
        assertThat(h.value(Metric.MEMORY_PERCENT, H0)).isEqualTo(33);
        assertThat(h.value(Metric.UNEXPECTED_REBOOTS, H0)).isEqualTo(1);
        assertThat(h.lateSamplesDropped()).isEqualTo(1);
    }

    @Test
    void windowCopyIsAlignedToTheLastHourAndEmptyWhereNothingIsHeld() {
        HourlyHistory h = new HourlyHistory(1);
        for (int i = 0; i < 30; i++) {
            h.record(Metric.QOE_SCORE, i, MIDNIGHT.plusSeconds(3600L * i));
        }
        byte[] window = new byte[24 * HourRow.BYTES];
        h.copyWindow(H0 + 31, window);
        // rows 0..21 are hours H0+8..H0+29, rows 22 and 23 are hours not yet seen
        assertThat(HourRow.mean(window, 0, Metric.QOE_SCORE)).isEqualTo(8);
        assertThat(HourRow.mean(window, 21 * HourRow.BYTES, Metric.QOE_SCORE)).isEqualTo(29);
        assertThat(HourRow.mean(window, 22 * HourRow.BYTES, Metric.QOE_SCORE)).isNaN();
        assertThat(HourRow.mean(window, 23 * HourRow.BYTES, Metric.QOE_SCORE)).isNaN();
    }

    @Test
    void storeForgetsDevices() {
        HourlyHistoryStore store = new HourlyHistoryStore();
        store.of("a").record(Metric.QOE_SCORE, 50, MIDNIGHT);
        assertThat(store.of("a")).isSameAs(store.find("a"));
        store.forget("a");
        assertThat(store.find("a")).isNull();
        assertThat(store.size()).isZero();
    }
}
