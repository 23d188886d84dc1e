package io.cpeoperator.operator.qoe.checks;

import io.cpeoperator.operator.qoe.signals.Evidence;
import io.cpeoperator.operator.qoe.signals.Reading;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Number formatting and evidence lists shared by the checks, so every report reads alike. */
final class Texts {

    private Texts() {
    }

    static String whole(double value) {
        return Long.toString(Math.round(value));
    }

    static String dbm(double value) {
        return whole(value) + " dBm";
    }

    static String percent(double value) {
        return value < 1 && value > 0 ? String.format(Locale.ROOT, "%.2f %%", value) : whole(value) + " %";
    }

    static String duration(double seconds) {
        Duration d = Duration.ofSeconds(Math.max(0, Math.round(seconds)));
        if (d.toDays() >= 2) {
            return d.toDays() + " days";
        }
        if (d.toHours() >= 2) {
            return d.toHours() + " h";
        }
        if (d.toMinutes() >= 2) {
            return d.toMinutes() + " min";
        }
        return d.toSeconds() + " s";
    }

    static List<Evidence> evidence(Collection<Reading> readings) {
        List<Evidence> evidence = new ArrayList<>(readings.size());
        for (Reading reading : readings) {
            evidence.add(reading.evidence());
        }
        return evidence;
    }

    static String plural(int count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }
}
