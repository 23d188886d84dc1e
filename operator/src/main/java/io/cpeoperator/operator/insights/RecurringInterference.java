package io.cpeoperator.operator.insights;

import io.cpeoperator.api.v1alpha1.FleetInsight;

import java.util.ArrayList;
import java.util.List;

/**
 * Per band, channel and window hour: homes on the channel and homes above {@code highUtilization}. An hour is
 * congested when at least {@code congestedShare} of at least {@code minHomesPerChannelHour} homes are; an hour of
 * day recurs when it is congested on at least {@code minCongestedDays} days and on most days with data. One bad
 * evening is one day, and so is never a pattern.
 */
final class RecurringInterference {

    private static final int CHANNELS = 256;
    private static final String[] BANDS = {"2.4 GHz", "5 GHz"};

    private final InsightSettings settings;
    private final WindowClock clock;
    private final int hours;
    private final int[][] homes = new int[2][];
    private final int[][] high = new int[2][];
    private boolean anyChannel;

    RecurringInterference(InsightSettings settings, WindowClock clock, int hours) {
        this.settings = settings;
        this.clock = clock;
        this.hours = hours;
        for (int b = 0; b < 2; b++) {
            homes[b] = new int[CHANNELS * hours];
            high[b] = new int[CHANNELS * hours];
        }
    }

    void add(DeviceWindow w) {
        add(0, w.channel2g4, w.utilization2g4);
        add(1, w.channel5g, w.utilization5g);
    }

    private void add(int band, int[] channel, float[] utilization) {
        int[] h = homes[band];
        int[] c = high[band];
        double limit = settings.highUtilization();
        for (int r = 0; r < hours; r++) {
            float u = utilization[r];
            int ch = channel[r];
            if (ch > 0 && !Float.isNaN(u)) {
                int i = ch * hours + r;
                h[i]++;
                if (u >= limit) {
                    c[i]++;
                }
                anyChannel = true;
            }
        }
    }

    boolean anyChannel() {
        return anyChannel;
    }

    List<FleetInsight> insights() {
        List<FleetInsight> out = new ArrayList<>();
        for (int b = 0; b < 2; b++) {
            for (int ch = 1; ch < CHANNELS; ch++) {
                FleetInsight insight = judge(b, ch);
                if (insight != null) {
                    out.add(insight);
                }
            }
        }
        return out;
    }

    private FleetInsight judge(int band, int channel) {
        int base = channel * hours;
        int[] h = homes[band];
        int[] c = high[band];
        int[] congestedDays = new int[24];
        int[] daysWithData = new int[24];
        boolean any = false;
        for (int r = 0; r < hours; r++) {
            if (h[base + r] >= settings.minHomesPerChannelHour()) {
                any = true;
                daysWithData[clock.hourOfDay[r]]++;
                if (congested(h[base + r], c[base + r])) {
                    congestedDays[clock.hourOfDay[r]]++;
                }
            }
        }
        if (!any) {
            return null;
        }
        boolean[] recurring = new boolean[24];
        boolean anyRecurring = false;
        for (int hod = 0; hod < 24; hod++) {
            recurring[hod] = congestedDays[hod] >= settings.minCongestedDays() && 2 * congestedDays[hod] > daysWithData[hod];
            anyRecurring |= recurring[hod];
        }
        if (!anyRecurring) {
            return null;
        }
        long inHomes = 0;
        long inHigh = 0;
        long outHomes = 0;
        long outHigh = 0;
        int mostHomes = 0;
        boolean[] dayCongested = new boolean[clock.days];
        boolean[] dayWithData = new boolean[clock.days];
        for (int r = 0; r < hours; r++) {
            int n = h[base + r];
            if (n < settings.minHomesPerChannelHour()) {
                continue;
            }
            if (recurring[clock.hourOfDay[r]]) {
                inHomes += n;
                inHigh += c[base + r];
                mostHomes = Math.max(mostHomes, n);
                dayWithData[clock.day[r]] = true;
                dayCongested[clock.day[r]] |= congested(n, c[base + r]);
            } else {
                outHomes += n;
                outHigh += c[base + r];
            }
        }
        int days = 0;
        int withData = 0;
        for (int d = 0; d < clock.days; d++) {
            days += dayCongested[d] ? 1 : 0;
            withData += dayWithData[d] ? 1 : 0;
        }
        double share = 100.0 * inHigh / inHomes;
        String subject = Insights.format("channel %d (%s)", channel, BANDS[band]);
        String other = outHomes == 0 ? ""
                : Insights.format(", against %.0f %% at other hours", 100.0 * outHigh / outHomes);
        String message = Insights.format("Channel %d (%s) is congested at %s on %d of %d days: %.0f %% of the homes on it"
                        + " (up to %,d) above %.0f %% utilization then%s.", channel, BANDS[band],
                Insights.hourRuns(recurring), days, withData, share, mostHomes, settings.highUtilization(), other);
        return Insights.of(Insights.RECURRING_INTERFERENCE, Insights.WARNING, subject, message, mostHomes, share,
                outHomes == 0 ? null : 100.0 * outHigh / outHomes, "% of homes congested");
    }

    private boolean congested(int homesOnChannel, int congestedHomes) {
        return homesOnChannel >= settings.minHomesPerChannelHour()
                && congestedHomes >= settings.congestedShare() * homesOnChannel;
    }
}
