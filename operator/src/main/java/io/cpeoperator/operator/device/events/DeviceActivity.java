package io.cpeoperator.operator.device.events;

import io.cpeoperator.bridge.device.DeviceEvent;
import io.cpeoperator.bridge.device.DeviceId;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What the operator saw a device do since it started, for facts the twin does not hold: when it was last heard from,
 * why a bridge last gave it up for gone, and how asynchronous operations (firmware downloads) it started ended. One
 * small record per device; completions are kept for the few most recent command keys only.
 *
 * <p>Only what the device itself said counts as contact: a bridge's verdict (disconnected after a silence, a sync
 * that failed on a timeout, a twin evicted for memory) carries the bridge's time, not the device's.
 */
public final class DeviceActivity {

    private static final int MAX_COMPLETIONS_PER_DEVICE = 8;

    private final Map<DeviceId, Activity> activities = new ConcurrentHashMap<>();

    /** A finished transfer or command, as the device reported it. */
    public record Completion(String commandKey, Instant at, int faultCode, String faultString) {
        public boolean succeeded() {
            return faultCode == 0;
        }
    }

    public void record(DeviceEvent event) {
        Activity activity = activities.computeIfAbsent(event.deviceId(), id -> new Activity());
        synchronized (activity) {
            if (event instanceof DeviceEvent.Disconnected disconnected) {
                activity.disconnectReason = disconnected.reason();
                return;
            }
            if (!isContact(event)) {
                return;
            }
            activity.disconnectReason = null;
            if (activity.lastContact == null || event.at().isAfter(activity.lastContact)) {
                activity.lastContact = event.at();
            }
            if (event instanceof DeviceEvent.OperationCompleted completed && completed.commandKey() != null) {
                activity.completions.put(completed.commandKey(), new Completion(completed.commandKey(), completed.at(),
                        completed.faultCode(), completed.faultString() == null ? "" : completed.faultString()));
                while (activity.completions.size() > MAX_COMPLETIONS_PER_DEVICE) {
                    activity.completions.remove(activity.completions.keySet().iterator().next());
                }
            }
        }
    }

    public Optional<Instant> lastContact(DeviceId id) {
        return read(id, activity -> activity.lastContact);
    }

    /** Why the device's bridge last reported it disconnected; empty once the device was heard from again. */
    public Optional<String> disconnectReason(DeviceId id) {
        return read(id, activity -> activity.disconnectReason);
    }

    private <T> Optional<T> read(DeviceId id, Function<Activity, T> field) {
        Activity activity = activities.get(id);
        if (activity == null) {
            return Optional.empty();
        }
        synchronized (activity) {
            return Optional.ofNullable(field.apply(activity));
        }
    }

    private static boolean isContact(DeviceEvent event) {
        return !(event instanceof DeviceEvent.TwinEvicted || event instanceof DeviceEvent.SyncFailed);
    }

    public Optional<Completion> completion(DeviceId id, String commandKey) {
        Activity activity = activities.get(id);
        if (activity == null || commandKey == null) {
            return Optional.empty();
        }
        synchronized (activity) {
            return Optional.ofNullable(activity.completions.get(commandKey));
        }
    }

    public void forget(DeviceId id) {
        activities.remove(id);
    }

    private static final class Activity {
        private Instant lastContact;
        private String disconnectReason;
        private final LinkedHashMap<String, Completion> completions = new LinkedHashMap<>();
    }
}
