package io.cpeoperator.operator.insights;

import io.cpeoperator.api.v1alpha1.FleetInsight;

/**
 * Wi-Fi clients and WAN traffic per home by hour of day across the fleet. The busy hour is named when it is
 * {@code peakRatio} times the mean of the 24 hours and is also the busy hour (give or take one hour) on most full days
 * of the window, so one busy evening is not a habit.
 */
final class PeakUsage {

    private static final double GB = 1e9;

    private final InsightSettings settings;
    private final WindowClock clock;
    private final int hours;
    private final double[] clients;
    private final long[] clientHours;
    private final double[] bytes;
    private final long[] byteHours;

    PeakUsage(InsightSettings settings, WindowClock clock, int hours) {
        this.settings = settings;
        this.clock = clock;
        this.hours = hours;
        clients = new double[hours];
        clientHours = new long[hours];
        bytes = new double[hours];
        byteHours = new long[hours];
    }

    void add(DeviceWindow w) {
        for (int r = 0; r < hours; r++) {
            float c = w.clients[r];
            if (!Float.isNaN(c)) {
                clients[r] += c;
                clientHours[r]++;
            }
            float b = w.wanBytes[r];
            if (!Float.isNaN(b)) {
                bytes[r] += b;
                byteHours[r]++;
            }
        }
    }

    /** The peak of one series: busy hour of day, its mean, the daily mean, full days and days agreeing. */
    private record Peak(int hour, double busy, double dailyMean, int fullDays, int agreeingDays) {

        double ratio() {
            return busy / dailyMean;
        }
    }

    FleetInsight insight() {
        Peak c = peak(clients, clientHours);
        Peak b = peak(bytes, byteHours);
        boolean clientsPeak = notable(c);
        boolean bytesPeak = notable(b);
        if (!clientsPeak && !bytesPeak) {
            return null;
        }
        if (clientsPeak) {
            String message = Insights.format("Busiest hour %s: %.1f Wi-Fi clients per home, %.1f times the daily mean of"
                            + " %.1f, the busy hour on %d of %d full days%s.", Insights.hours(c.hour, c.hour), c.busy,
                    c.ratio(), c.dailyMean, c.agreeingDays, c.fullDays, bytesPeak ? trafficClause(b) : "");
            return Insights.of(Insights.PEAK_USAGE, Insights.INFO, Insights.format("%d h", c.hour), message,
                    null, c.busy, c.dailyMean, "Wi-Fi clients per home");
        }
        String message = Insights.format("WAN traffic peaks at %s: %.2f GB per home, %.1f times the daily mean of %.2f GB,"
                        + " the busy hour on %d of %d full days.", Insights.hours(b.hour, b.hour), b.busy / GB,
                b.ratio(), b.dailyMean / GB, b.agreeingDays, b.fullDays);
        return Insights.of(Insights.PEAK_USAGE, Insights.INFO, Insights.format("%d h", b.hour), message, null,
                b.busy / GB, b.dailyMean / GB, "GB per home-hour");
    }

    private static String trafficClause(Peak b) {
        return Insights.format("; WAN traffic peaks at %s with %.2f GB per home, %.1f times its daily mean",
                Insights.hours(b.hour, b.hour), b.busy / GB, b.ratio());
    }

    private boolean notable(Peak p) {
        return p != null && p.dailyMean > 0 && p.ratio() >= settings.peakRatio() && p.fullDays >= 2
                && 2 * p.agreeingDays > p.fullDays;
    }

    private Peak peak(double[] sums, long[] counts) {
        double[] byHour = new double[24];
        long[] n = new long[24];
        for (int r = 0; r < hours; r++) {
            byHour[clock.hourOfDay[r]] += sums[r];
            n[clock.hourOfDay[r]] += counts[r];
        }
        double total = 0;
        int busiest = 0;
        double[] mean = new double[24];
        for (int h = 0; h < 24; h++) {
            if (n[h] < settings.minFleetDevices()) {
                return null;
            }
            mean[h] = byHour[h] / n[h];
            total += mean[h];
            if (mean[h] > mean[busiest]) {
                busiest = h;
            }
        }
        // the busy hour of each full day (every hour with data from enough homes)
        int fullDays = 0;
        int agreeing = 0;
        for (int d = 0; d < clock.days; d++) {
            int best = -1;
            double bestMean = -1;
            int hoursWithData = 0;
            for (int r = 0; r < hours; r++) {
                if (clock.day[r] == d && counts[r] >= settings.minFleetDevices()) {
                    hoursWithData++;
                    double m = sums[r] / counts[r];
                    if (m > bestMean) {
                        bestMean = m;
                        best = clock.hourOfDay[r];
                    }
                }
            }
            if (hoursWithData == 24) {
                fullDays++;
                int distance = Math.abs(best - busiest);
                if (Math.min(distance, 24 - distance) <= 1) {
                    agreeing++;
                }
            }
        }
        return new Peak(busiest, mean[busiest], total / 24, fullDays, agreeing);
    }
}
