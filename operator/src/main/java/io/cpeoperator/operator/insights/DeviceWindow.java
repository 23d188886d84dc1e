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
        observedHours = HourRow.decode(raw, this);
    }

    /** Only the WAN and QoE columns (layout as in {@link HourRow#decode}), for a second pass that needs no more. */
    void fillWan(HourlyHistory history, long lastHour) {
        history.copyWindow(lastHour, raw);
        for (int r = 0, base = 0; r < hours; r++, base += HourRow.BYTES) {
            int c = raw[base] & 0xFF;
            qoe[r] = c == HourRow.NONE_BYTE ? Float.NaN : c * 0.5f;
            c = (raw[base + 6] & 0xFF) | (raw[base + 7] & 0xFF) << 8;
            latency[r] = c == HourRow.NONE_WIDE ? Float.NaN : (float) (c * 0.1);
            c = (raw[base + 8] & 0xFF) | (raw[base + 9] & 0xFF) << 8;
            loss[r] = c == HourRow.NONE_WIDE ? Float.NaN : (float) (c * 0.01);
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
