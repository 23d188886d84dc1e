package io.cpeoperator.operator.device.summary;

import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.twin.TwinParameter;
import io.cpeoperator.bridge.twin.TwinStore;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Typed, forgiving reads of one device's twin for the summary and the QoE checks: a value a device sent is text until parsed, and text
 * that does not parse is treated as absent, never as an error.
 */
public final class TwinValues {

    private static final int MAX_TEXT = 256;

    private final TwinStore twins;
    private final DeviceId id;

    public TwinValues(TwinStore twins, DeviceId id) {
        this.twins = twins;
        this.id = id;
    }

    public Optional<TwinParameter> parameter(String path) {
        return twins.get(id, path);
    }

    /** Non-blank text, cut to a length fit for status. */
    public Optional<String> text(String path) {
        return parameter(path).map(TwinParameter::value).map(String::trim).filter(v -> !v.isEmpty())
                .map(v -> v.length() > MAX_TEXT ? v.substring(0, MAX_TEXT) : v);
    }

    public OptionalLong number(String path) {
        Optional<String> value = text(path);
        return value.isEmpty() ? OptionalLong.empty() : parseLong(value.get());
    }

    /** A number that may have a fraction (dBm, ms, percent); absent when it does not parse or is not finite. */
    public OptionalDouble decimal(String path) {
        Optional<String> value = text(path);
        if (value.isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            double parsed = Double.parseDouble(value.get());
            return Double.isFinite(parsed) ? OptionalDouble.of(parsed) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** Every parameter matching the pattern, with its type and observation time, in path order. */
    public List<TwinParameter> parameters(String pattern) {
        return twins.read(id, pattern);
    }

    public Optional<Instant> observedAt(String path) {
        return parameter(path).map(TwinParameter::observedAt);
    }

    /** Every parameter matching the pattern, path to value, in path order. */
    public Map<String, String> all(String pattern) {
        Map<String, String> values = new LinkedHashMap<>();
        for (TwinParameter parameter : twins.read(id, pattern)) {
            values.put(parameter.path(), parameter.value());
        }
        return values;
    }

    public List<Integer> instances(String tablePath) {
        return twins.instances(id, tablePath);
    }

    public static OptionalLong parseLong(String text) {
        try {
            return OptionalLong.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            try {
                // some agents send 42.0 for an integer
                double value = Double.parseDouble(text.trim());
                return Double.isFinite(value) ? OptionalLong.of(Math.round(value)) : OptionalLong.empty();
            } catch (NumberFormatException notANumber) {
                return OptionalLong.empty();
            }
        }
    }
}
