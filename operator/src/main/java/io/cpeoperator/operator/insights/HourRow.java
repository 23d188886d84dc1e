package io.cpeoperator.operator.insights;

/**
 * The byte layout of one hour in {@link HourlyHistory}: {@value #BYTES} bytes per hour, every metric at a fixed
 * offset with a fixed scale. Gauges are one unsigned byte ({@code 0xFF} = no sample) or, where a byte is too coarse
 * (latency, loss), two ({@code 0xFFFF} = no sample); reboots are a plain count; channels are their number
 * ({@code 0} = none); WAN bytes are a 16-bit float of KiB (5-bit exponent, 11-bit mantissa). The same layout serves
 * the history ring and the window copies read by {@link FleetInsights}.
 */
final class HourRow {

    static final int BYTES = 18;

    static final int NONE_BYTE = 0xFF;
    static final int NONE_WIDE = 0xFFFF;

    private static final int[] OFFSET = new int[Metric.values().length];
    private static final int[] MAX_OFFSET = new int[Metric.values().length];
    private static final boolean[] WIDE = new boolean[Metric.values().length];
    private static final double[] SCALE = new double[Metric.values().length];
    private static final double[] BIAS = new double[Metric.values().length];

    static {
        gauge(Metric.QOE_SCORE, 0, -1, false, 0.5, 0);
        OFFSET[Metric.UNEXPECTED_REBOOTS.ordinal()] = 1;
        gauge(Metric.CPU_PERCENT, 2, -1, false, 0.5, 0);
        gauge(Metric.MEMORY_PERCENT, 3, -1, false, 0.5, 0);
        gauge(Metric.TEMPERATURE_C, 4, 5, false, 0.5, -20);
        gauge(Metric.WAN_LATENCY_MS, 6, -1, true, 0.1, 0);
        gauge(Metric.WAN_LOSS_PERCENT, 8, -1, true, 0.01, 0);
        gauge(Metric.WIFI_CLIENTS, 10, 11, false, 0.5, 0);
        OFFSET[Metric.WAN_BYTES.ordinal()] = 12;
        gauge(Metric.CHANNEL_UTILIZATION_2G4_PERCENT, 14, -1, false, 0.5, 0);
        OFFSET[Metric.CHANNEL_2G4.ordinal()] = 15;
        gauge(Metric.CHANNEL_UTILIZATION_5G_PERCENT, 16, -1, false, 0.5, 0);
        OFFSET[Metric.CHANNEL_5G.ordinal()] = 17;
    }

    /** An hour with no sample at all. */
    static final byte[] EMPTY = new byte[BYTES];

    static {
        for (Metric m : Metric.values()) {
            if (m.fold() == Metric.Fold.MEAN) {
                clear(EMPTY, 0, m);
            }
        }
        EMPTY[OFFSET[Metric.WAN_BYTES.ordinal()]] = (byte) 0xFF;
        EMPTY[OFFSET[Metric.WAN_BYTES.ordinal()] + 1] = (byte) 0xFF;
    }

    private HourRow() {
    }

    private static void gauge(Metric m, int offset, int maxOffset, boolean wide, double scale, double bias) {
        OFFSET[m.ordinal()] = offset;
        MAX_OFFSET[m.ordinal()] = maxOffset;
        WIDE[m.ordinal()] = wide;
        SCALE[m.ordinal()] = scale;
        BIAS[m.ordinal()] = bias;
    }

    private static void clear(byte[] buf, int base, Metric m) {
        int i = m.ordinal();
        writeCode(buf, base + OFFSET[i], WIDE[i], WIDE[i] ? NONE_WIDE : NONE_BYTE);
        if (MAX_OFFSET[i] >= 0) {
            writeCode(buf, base + MAX_OFFSET[i], WIDE[i], WIDE[i] ? NONE_WIDE : NONE_BYTE);
        }
    }

    // ---- gauges (Fold.MEAN)

    /** The code of a gauge value: clamped to the scale, never the "no sample" code. */
    static int code(Metric m, double value) {
        int i = m.ordinal();
        long c = Math.round((value - BIAS[i]) / SCALE[i]);
        int top = WIDE[i] ? NONE_WIDE - 1 : NONE_BYTE - 1;
        return (int) Math.max(0, Math.min(top, c));
    }

    static void writeMean(byte[] buf, int base, Metric m, double value) {
        int i = m.ordinal();
        writeCode(buf, base + OFFSET[i], WIDE[i], code(m, value));
    }

    static void writeMax(byte[] buf, int base, Metric m, double value) {
        int i = m.ordinal();
        writeCode(buf, base + MAX_OFFSET[i], WIDE[i], code(m, value));
    }

    static boolean hasMean(byte[] buf, int base, Metric m) {
        int i = m.ordinal();
        return readCode(buf, base + OFFSET[i], WIDE[i]) != (WIDE[i] ? NONE_WIDE : NONE_BYTE);
    }

    /** The hour's mean, NaN without a sample. */
    static double mean(byte[] buf, int base, Metric m) {
        return decode(m, buf, base + OFFSET[m.ordinal()]);
    }

    /** The hour's maximum, NaN without a sample or when the metric keeps none. */
    static double max(byte[] buf, int base, Metric m) {
        int off = MAX_OFFSET[m.ordinal()];
        return off < 0 ? Double.NaN : decode(m, buf, base + off);
    }

    private static double decode(Metric m, byte[] buf, int pos) {
        int i = m.ordinal();
        int c = readCode(buf, pos, WIDE[i]);
        if (c == (WIDE[i] ? NONE_WIDE : NONE_BYTE)) {
            return Double.NaN;
        }
        return BIAS[i] + c * SCALE[i];
    }

    // ---- reboots, channels, bytes

    static int reboots(byte[] buf, int base) {
        return buf[base + OFFSET[Metric.UNEXPECTED_REBOOTS.ordinal()]] & 0xFF;
    }

    static void writeReboots(byte[] buf, int base, long count) {
        buf[base + OFFSET[Metric.UNEXPECTED_REBOOTS.ordinal()]] = (byte) Math.max(0, Math.min(255, count));
    }

    /** The channel number, 0 for none. */
    static int channel(byte[] buf, int base, Metric m) {
        return buf[base + OFFSET[m.ordinal()]] & 0xFF;
    }

    static void writeChannel(byte[] buf, int base, Metric m, double channel) {
        long c = Math.round(channel);
        buf[base + OFFSET[m.ordinal()]] = (byte) (c >= 1 && c <= 255 ? c : 0);
    }

    /** WAN bytes of the hour, NaN without a sample. */
    static double wanBytes(byte[] buf, int base) {
        int c = readCode(buf, base + OFFSET[Metric.WAN_BYTES.ordinal()], true);
        if (c == NONE_WIDE) {
            return Double.NaN;
        }
        long mantissa = c & 0x7FF;
        int exponent = c >>> 11;
        return (double) (mantissa << exponent) * 1024.0;
    }

    static void writeWanBytes(byte[] buf, int base, double bytes) {
        long kib = Math.max(0, Math.round(bytes / 1024.0));
        int exponent = Math.max(0, 64 - Long.numberOfLeadingZeros(kib) - 11);
        long mantissa = Math.round((double) kib / (1L << exponent));
        if (mantissa > 0x7FF) {
            exponent++;
            mantissa >>= 1;
        }
        int code = exponent > 31 ? NONE_WIDE - 1 : (int) ((exponent << 11) | mantissa);
        writeCode(buf, base + OFFSET[Metric.WAN_BYTES.ordinal()], true, Math.min(code, NONE_WIDE - 1));
    }

    // ---- a whole window at once

    /**
     * Decodes {@code hours} rows of {@code raw} into the columns of {@code w} and returns the hours with any sample.
     * The offsets and scales are those set up above, written out so that a pass over the fleet decodes fast;
     * {@code HourlyRowDecodeTest} holds the two in agreement.
     */
    static int decode(byte[] raw, DeviceWindow w) {
        int observed = 0;
        for (int r = 0, b = 0; r < w.hours; r++, b += BYTES) {
            int any = 0;
            int c = raw[b] & 0xFF;
            w.qoe[r] = c == NONE_BYTE ? Float.NaN : c * 0.5f;
            any |= c ^ NONE_BYTE;
            int reboots = raw[b + 1] & 0xFF;
            w.reboots[r] = reboots;
            any |= reboots;
            c = raw[b + 2] & 0xFF;
            w.cpu[r] = c == NONE_BYTE ? Float.NaN : c * 0.5f;
            any |= c ^ NONE_BYTE;
            c = raw[b + 3] & 0xFF;
            w.memory[r] = c == NONE_BYTE ? Float.NaN : c * 0.5f;
            any |= c ^ NONE_BYTE;
            c = raw[b + 4] & 0xFF;
            w.temperature[r] = c == NONE_BYTE ? Float.NaN : c * 0.5f - 20f;
            any |= c ^ NONE_BYTE;
            c = (raw[b + 6] & 0xFF) | (raw[b + 7] & 0xFF) << 8;
            w.latency[r] = c == NONE_WIDE ? Float.NaN : (float) (c * 0.1);
            any |= c ^ NONE_WIDE;
            c = (raw[b + 8] & 0xFF) | (raw[b + 9] & 0xFF) << 8;
            w.loss[r] = c == NONE_WIDE ? Float.NaN : (float) (c * 0.01);
            any |= c ^ NONE_WIDE;
            c = raw[b + 10] & 0xFF;
            w.clients[r] = c == NONE_BYTE ? Float.NaN : c * 0.5f;
            any |= c ^ NONE_BYTE;
            c = (raw[b + 12] & 0xFF) | (raw[b + 13] & 0xFF) << 8;
            w.wanBytes[r] = c == NONE_WIDE ? Float.NaN : (float) (((long) (c & 0x7FF) << (c >>> 11)) * 1024.0);
            any |= c ^ NONE_WIDE;
            c = raw[b + 14] & 0xFF;
            w.utilization2g4[r] = c == NONE_BYTE ? Float.NaN : c * 0.5f;
            any |= c ^ NONE_BYTE;
            w.channel2g4[r] = raw[b + 15] & 0xFF;
            c = raw[b + 16] & 0xFF;
            w.utilization5g[r] = c == NONE_BYTE ? Float.NaN : c * 0.5f;
            any |= c ^ NONE_BYTE;
            w.channel5g[r] = raw[b + 17] & 0xFF;
            if (any != 0) {
                observed++;
            }
        }
        return observed;
    }

    // ---- raw codes

    private static int readCode(byte[] buf, int pos, boolean wide) {
        return wide ? (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 : buf[pos] & 0xFF;
    }

    private static void writeCode(byte[] buf, int pos, boolean wide, int code) {
        buf[pos] = (byte) code;
        if (wide) {
            buf[pos + 1] = (byte) (code >>> 8);
        }
    }
}
