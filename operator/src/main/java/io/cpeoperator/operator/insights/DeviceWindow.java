package io.cpeoperator.operator.insights;

/**
 * One device's window decoded into columns (row 0 = the oldest hour, NaN = no sample, channel 0 = none), reused
 * from device to device so that a pass over the fleet allocates nothing per device or sample.
 */
final class DeviceWindow {

    final int hours;
    final float[] qoe;
    final int[] reboots;
    final float[] cpu;
    final float[] memory;
    final float[] temperature;
    final float[] latency;
    final float[] loss;
    final float[] clients;
    final float[] wanBytes;
    final float[] utilization2g4;
    final int[] channel2g4;
    final float[] utilization5g;
    final int[] channel5g;
    /** Hours with any sample at all. */
    int observedHours;
    private final byte[] raw;

    DeviceWindow(int hours) {
        this.hours = hours;
        this.raw = new byte[hours * HourRow.BYTES];
        qoe = new float[hours];
        reboots = new int[hours];
        cpu = new float[hours];
        memory = new float[hours];
        temperature = new float[hours];
        latency = new float[hours];
        loss = new float[hours];
        clients = new float[hours];
        wanBytes = new float[hours];
        utilization2g4 = new float[hours];
        channel2g4 = new int[hours];
        utilization5g = new float[hours];
        channel5g = new int[hours];
    }

    /** Every column of {@code history} over the hours ending with {@code lastHour}. */
    void fill(HourlyHistory history, long lastHour) {
        history.copyWindow(lastHour, raw);
        int observed = 0;
        for (int r = 0, base = 0; r < hours; r++, base += HourRow.BYTES) {
            qoe[r] = (float) HourRow.mean(raw, base, Metric.QOE_SCORE);
            reboots[r] = HourRow.reboots(raw, base);
            cpu[r] = (float) HourRow.mean(raw, base, Metric.CPU_PERCENT);
            memory[r] = (float) HourRow.mean(raw, base, Metric.MEMORY_PERCENT);
            temperature[r] = (float) HourRow.mean(raw, base, Metric.TEMPERATURE_C);
            latency[r] = (float) HourRow.mean(raw, base, Metric.WAN_LATENCY_MS);
            loss[r] = (float) HourRow.mean(raw, base, Metric.WAN_LOSS_PERCENT);
            clients[r] = (float) HourRow.mean(raw, base, Metric.WIFI_CLIENTS);
            wanBytes[r] = (float) HourRow.wanBytes(raw, base);
            utilization2g4[r] = (float) HourRow.mean(raw, base, Metric.CHANNEL_UTILIZATION_2G4_PERCENT);
            channel2g4[r] = HourRow.channel(raw, base, Metric.CHANNEL_2G4);
            utilization5g[r] = (float) HourRow.mean(raw, base, Metric.CHANNEL_UTILIZATION_5G_PERCENT);
            channel5g[r] = HourRow.channel(raw, base, Metric.CHANNEL_5G);
            if (reboots[r] > 0 || !Float.isNaN(qoe[r]) || !Float.isNaN(cpu[r]) || !Float.isNaN(memory[r])
                    || !Float.isNaN(temperature[r]) || !Float.isNaN(latency[r]) || !Float.isNaN(loss[r])
                    || !Float.isNaN(clients[r]) || !Float.isNaN(wanBytes[r]) || !Float.isNaN(utilization2g4[r])
                    || !Float.isNaN(utilization5g[r])) {
                observed++;
            }
        }
        observedHours = observed;
    }

    /** Only the WAN and QoE columns, for a second pass that needs nothing else. */
    void fillWan(HourlyHistory history, long lastHour) {
        history.copyWindow(lastHour, raw);
        for (int r = 0, base = 0; r < hours; r++, base += HourRow.BYTES) {
            qoe[r] = (float) HourRow.mean(raw, base, Metric.QOE_SCORE);
            latency[r] = (float) HourRow.mean(raw, base, Metric.WAN_LATENCY_MS);
            loss[r] = (float) HourRow.mean(raw, base, Metric.WAN_LOSS_PERCENT);
        }
    }

    /** Mean of the column over the hours that have a sample, NaN with fewer than {@code minHours}. */
    static double mean(float[] column, int minHours) {
        double sum = 0;
        int n = 0;
        for (float v : column) {
            if (!Float.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n >= minHours && n > 0 ? sum / n : Double.NaN;
    }
}
