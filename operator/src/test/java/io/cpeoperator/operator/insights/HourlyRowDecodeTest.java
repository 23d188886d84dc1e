package io.cpeoperator.operator.insights;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class HourlyRowDecodeTest {

    private static void same(float actual, float expected) {
        assertThat(Float.floatToIntBits(actual)).isEqualTo(Float.floatToIntBits(expected));
    }

    @Test
    void fastWindowDecodeAgreesWithTheLayoutPerMetric() {
        HourlyHistory history = new HourlyHistory(2);
        Random random = new Random(3);
        long first = 500_000;
        for (long hour = first; hour < first + 48; hour++) {
            for (Metric m : Metric.values()) {
                if (random.nextInt(4) > 0) {
                    double value = switch (m) {
                        case CHANNEL_2G4, CHANNEL_5G -> 1 + random.nextInt(160);
                        case UNEXPECTED_REBOOTS -> random.nextInt(3);
                        case WAN_BYTES -> random.nextDouble() * 5e9;
                        case TEMPERATURE_C -> -30 + random.nextDouble() * 150;
                        case WAN_LATENCY_MS -> random.nextDouble() * 700;
                        default -> random.nextDouble() * 110;
                    };
                    history.record(m, value, hour * 3600 + random.nextInt(3600));
                }
            }
        }
        byte[] raw = new byte[48 * HourRow.BYTES];
        history.copyWindow(first + 47, raw);
        DeviceWindow w = new DeviceWindow(48);
        w.fill(history, first + 47);
        DeviceWindow wan = new DeviceWindow(48);
        wan.fillWan(history, first + 47);
        int observed = 0;
        for (int r = 0; r < 48; r++) {
            int b = r * HourRow.BYTES;
            same(w.qoe[r], (float) HourRow.mean(raw, b, Metric.QOE_SCORE));
            same(wan.qoe[r], w.qoe[r]);
            assertThat(w.reboots[r]).isEqualTo(HourRow.reboots(raw, b));
            same(w.cpu[r], (float) HourRow.mean(raw, b, Metric.CPU_PERCENT));
            same(w.memory[r], (float) HourRow.mean(raw, b, Metric.MEMORY_PERCENT));
            same(w.temperature[r], (float) HourRow.mean(raw, b, Metric.TEMPERATURE_C));
            same(w.latency[r], (float) HourRow.mean(raw, b, Metric.WAN_LATENCY_MS));
            same(wan.latency[r], w.latency[r]);
            same(w.loss[r], (float) HourRow.mean(raw, b, Metric.WAN_LOSS_PERCENT));
            same(wan.loss[r], w.loss[r]);
            same(w.clients[r], (float) HourRow.mean(raw, b, Metric.WIFI_CLIENTS));
            same(w.wanBytes[r], (float) HourRow.wanBytes(raw, b));
            same(w.utilization2g4[r], (float) HourRow.mean(raw, b, Metric.CHANNEL_UTILIZATION_2G4_PERCENT));
            assertThat(w.channel2g4[r]).isEqualTo(HourRow.channel(raw, b, Metric.CHANNEL_2G4));
            same(w.utilization5g[r], (float) HourRow.mean(raw, b, Metric.CHANNEL_UTILIZATION_5G_PERCENT));
            assertThat(w.channel5g[r]).isEqualTo(HourRow.channel(raw, b, Metric.CHANNEL_5G));
            boolean any = false;
            for (int i = 0; i < HourRow.BYTES; i++) {
                // channels alone do not make an hour observed
                any |= i != 15 && i != 17 && raw[b + i] != HourRow.EMPTY[i];
            }
            observed += any ? 1 : 0;
        }
        assertThat(w.observedHours).isEqualTo(observed).isBetween(40, 48);
    }
}
