package io.cpeoperator.operator.qoe.signals;

import io.cpeoperator.bridge.twin.TwinParameter;
import io.cpeoperator.operator.device.summary.TwinValues;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** {@link TwinValues} as {@link Reading}s: the number, its path and its observation time together. */
final class TwinReadings {

    /** Bound on rows read from any one table (clients, neighbours, hosts): a device cannot make a check unbounded. */
    static final int MAX_ROWS = 128;

    private final TwinValues twin;

    TwinReadings(TwinValues twin) {
        this.twin = twin;
    }

    TwinValues values() {
        return twin;
    }

    Optional<Reading> reading(String path) {
        OptionalDouble value = twin.decimal(path);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Reading(path, value.getAsDouble(), twin.observedAt(path).orElse(null)));
    }

    /** A reading within {@code [min, max]}; values outside are a broken sensor or a "not available" marker. */
    Optional<Reading> reading(String path, double min, double max) {
        return reading(path).filter(r -> r.value() >= min && r.value() <= max);
    }

    Optional<String> text(String path) {
        return twin.text(path);
    }

    boolean isTrue(String path, boolean absent) {
        return twin.text(path).map(v -> v.equalsIgnoreCase("true") || v.equals("1")).orElse(absent);
    }

    List<Integer> instances(String table) {
        List<Integer> all = twin.instances(table);
        return all.size() > MAX_ROWS ? all.subList(0, MAX_ROWS) : all;
    }

    Optional<TwinParameter> parameter(String path) {
        return twin.parameter(path);
    }

    List<TwinParameter> parameters(String pattern) {
        List<TwinParameter> all = twin.parameters(pattern);
        return all.size() > MAX_ROWS ? new ArrayList<>(all.subList(0, MAX_ROWS)) : all;
    }

    /** "1-13" or "36,40,44" or "1-11,13" as channel numbers (at most 64). */
    static List<Integer> channels(String text) {
        List<Integer> channels = new ArrayList<>();
        for (String part : text.split(",")) {
            String item = part.trim();
            try {
                int dash = item.indexOf('-');
                if (dash > 0) {
                    int from = Integer.parseInt(item.substring(0, dash).trim());
                    int to = Integer.parseInt(item.substring(dash + 1).trim());
                    for (int c = from; c <= to && channels.size() < 64 && to - from < 256; c++) {
                        channels.add(c);
                    }
                } else if (!item.isEmpty()) {
                    channels.add(Integer.parseInt(item));
                }
            } catch (NumberFormatException e) {
                // a vendor's odd notation: that part is left out
            }
            if (channels.size() >= 64) {
                break;
            }
        }
        return channels;
    }

    /** "80MHz" as 80; "Auto" or anything else as empty. */
    static Optional<Integer> megahertz(String text) {
        String value = text.trim();
        if (!value.endsWith("MHz")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(value.substring(0, value.length() - 3).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static String stripDot(String path) {
        String trimmed = path.trim();
        return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
