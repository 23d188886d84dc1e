package io.cpeoperator.operator.qoe.signals;

import io.cpeoperator.bridge.twin.TwinParameter;
import io.cpeoperator.operator.device.summary.TwinValues;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link TwinValues} as {@link Reading}s: the number, its path and its observation time together. */
final class TwinReadings {

    /** Bound on rows read from any one table (clients, neighbours, hosts): a device cannot make a check unbounded. */
    static final int MAX_ROWS = 128;
    private static final int MAX_TEXT = 256;

    private final TwinValues twin;
    /** Parameters below {@link #prefix} read in one go, by path; null when reads go to the store one by one. */
    private final Map<String, TwinParameter> prefetched;
    private final String prefix;

    TwinReadings(TwinValues twin) {
        this(twin, null, null);
    }

    private TwinReadings(TwinValues twin, Map<String, TwinParameter> prefetched, String prefix) {
        this.twin = twin;
        this.prefetched = prefetched;
        this.prefix = prefix;
    }

    /**
     * The same reads, with everything below {@code subtree} read from the store once: a reader that looks up
     * hundreds of parameters of one subtree (Wi-Fi clients, neighbours) then pays a map lookup for each.
     */
    TwinReadings prefetch(String subtree) {
        List<TwinParameter> all = twin.parameters(subtree);
        Map<String, TwinParameter> byPath = new HashMap<>(all.size() * 4 / 3 + 1);
        for (TwinParameter parameter : all) {
            byPath.put(parameter.path(), parameter);
        }
        return new TwinReadings(twin, byPath, subtree);
    }

    /** The prefetched parameters whose name ends with {@code suffix} (a vendor-prefixed name, any vendor). */
    List<TwinParameter> prefetchedEndingWith(String suffix) {
        List<TwinParameter> found = new ArrayList<>();
        if (prefetched != null) {
            for (TwinParameter parameter : prefetched.values()) {
                if (parameter.path().endsWith(suffix)) {
                    found.add(parameter);
                }
            }
        }
        return found;
    }

    Optional<TwinParameter> parameter(String path) {
        if (prefetched != null && path.startsWith(prefix)) {
            return Optional.ofNullable(prefetched.get(path));
        }
        return twin.parameter(path);
    }

    Optional<Reading> reading(String path) {
        Optional<TwinParameter> parameter = parameter(path);
        if (parameter.isEmpty()) {
            return Optional.empty();
        }
        try {
            double value = Double.parseDouble(parameter.get().value().trim());
            return Double.isFinite(value) ? Optional.of(new Reading(path, value, parameter.get().observedAt()))
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A reading within {@code [min, max]}; values outside are a broken sensor or a "not available" marker. */
    Optional<Reading> reading(String path, double min, double max) {
        return reading(path).filter(r -> r.value() >= min && r.value() <= max);
    }

    /** Non-blank text, cut to a length fit for a report. */
    Optional<String> text(String path) {
        return parameter(path).map(TwinParameter::value).map(String::trim).filter(v -> !v.isEmpty())
                .map(v -> v.length() > MAX_TEXT ? v.substring(0, MAX_TEXT) : v);
    }

    boolean isTrue(String path, boolean absent) {
        return text(path).map(v -> v.equalsIgnoreCase("true") || v.equals("1")).orElse(absent);
    }

    List<Integer> instances(String table) {
        List<Integer> all = twin.instances(table);
        return all.size() > MAX_ROWS ? all.subList(0, MAX_ROWS) : all;
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
