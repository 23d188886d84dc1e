package io.cpeoperator.bridge.twin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Compares desired {@code path -> value} pairs with what a twin holds, giving each path exactly one outcome: a change
 * to send, a match, or a rejection with its reason. Paths are taken in {@link PathOrder} so results are stable.
 */
final class ConfigDiffer {

    private ConfigDiffer() {
    }

    /**
     * @param lookup the twin's parameter for a path, or null when the device has no twin at all
     */
    static ConfigDiff diff(Map<String, String> desired, Function<String, Optional<TwinParameter>> lookup) {
        List<ConfigDiff.Change> changes = new ArrayList<>();
        List<String> matching = new ArrayList<>();
        List<ConfigDiff.Rejected> rejected = new ArrayList<>();
        Map<String, String> ordered = new TreeMap<>(PathOrder.INSTANCE);
        desired.forEach((path, value) -> {
            if (path == null) {
                rejected.add(new ConfigDiff.Rejected("", ConfigDiff.Reason.INVALID_PATH, "the path is missing"));
            } else {
                ordered.put(path, value);
            }
        });
        ordered.forEach((path, value) -> {
            Optional<String> pathProblem = ParameterPath.problem(path, ParameterPath.Usage.PARAMETER);
            if (pathProblem.isPresent()) {
                rejected.add(new ConfigDiff.Rejected(path, ConfigDiff.Reason.INVALID_PATH, pathProblem.get()));
                return;
            }
            Optional<TwinParameter> current = lookup == null ? Optional.empty() : lookup.apply(path);
            if (current.isEmpty()) {
                rejected.add(new ConfigDiff.Rejected(path, ConfigDiff.Reason.UNKNOWN_PATH, lookup == null
                        ? "the device has no twin yet (it was never synced, or its twin was evicted)"
                        : "the device's data model has no parameter " + path));
                return;
            }
            TwinParameter parameter = current.get();
            if (!parameter.writable()) {
                rejected.add(new ConfigDiff.Rejected(path, ConfigDiff.Reason.NOT_WRITABLE,
                        path + " is read-only on this device"));
                return;
            }
            Optional<String> valueProblem = ValueValidator.problem(parameter.type(), value);
            if (valueProblem.isPresent()) {
                rejected.add(new ConfigDiff.Rejected(path, ConfigDiff.Reason.INVALID_VALUE, valueProblem.get()));
            } else if (ValueValidator.sameValue(parameter.type(), parameter.value(), value)) {
                matching.add(path);
            } else {
                changes.add(new ConfigDiff.Change(path, parameter.value(), value, parameter.type()));
            }
        });
        return new ConfigDiff(changes, matching, rejected);
    }
}
