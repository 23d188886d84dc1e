package io.cpeoperator.simulator.cwmp;

import io.cpeoperator.bridge.cwmp.soap.rpc.ParameterValueStruct;
import io.cpeoperator.simulator.device.DataModelException;
import io.cpeoperator.simulator.device.DataModelReader;
import io.cpeoperator.simulator.device.Param;
import io.cpeoperator.simulator.device.VirtualDevice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameter notification attributes (SetParameterAttributes) and the value changes they report: active (2) starts a
 * "4 VALUE CHANGE" session, passive (1) rides along in the next Inform. The attributes are device configuration
 * (they survive a reboot); the last reported values are kept only for watched parameters. Changes the ACS made
 * itself are not reported (TR-069 A.3.2.4), so a write moves the baseline.
 */
final class CwmpNotifications {

    static final int PASSIVE = 1;
    static final int ACTIVE = 2;
    private static final String PREFIX = "#notify:";
    /** A watch on a whole subtree is bounded like a real CPE's notification table. */
    private static final int MAX_WATCHED = 512;

    private final VirtualDevice device;
    private final Map<String, String> reported = new HashMap<>();
    private final Map<String, ParameterValueStruct> pendingPassive = new LinkedHashMap<>();

    CwmpNotifications(VirtualDevice device) {
        this.device = device;
    }

    static void store(VirtualDevice device, String path, int notification) {
        device.configure(PREFIX + path, Integer.toString(notification));
    }

    /** Takes the current values as reported (after SetParameterAttributes or an ACS write). */
    synchronized void rebaseline() {
        reported.clear();
        for (Map.Entry<String, Integer> watch : watched().entrySet()) {
            reported.put(watch.getKey(), current(watch.getKey()));
        }
    }

    /**
     * Compares watched values with the last reported ones.
     *
     * @return the changed parameters with active notification; passive ones are kept for {@link #takePending}
     */
    synchronized List<ParameterValueStruct> changedActive() {
        List<ParameterValueStruct> active = new ArrayList<>();
        for (Map.Entry<String, Integer> watch : watched().entrySet()) {
            String path = watch.getKey();
            Param param = DataModelReader.param(device, path);
            String now = param == null ? null : param.value();
            String before = reported.put(path, now);
            if (before == null || now == null || before.equals(now)) {
                continue;
            }
            ParameterValueStruct value = new ParameterValueStruct(path, now, param.type());
            if (watch.getValue() == ACTIVE) {
                active.add(value);
            } else {
                pendingPassive.put(path, value);
            }
        }
        return active;
    }

    /** Passive changes for the next Inform. */
    synchronized List<ParameterValueStruct> takePending() {
        List<ParameterValueStruct> values = new ArrayList<>(pendingPassive.values());
        pendingPassive.clear();
        return values;
    }

    /** Watched full parameter names with their notification (attributes on objects cover their parameters). */
    private Map<String, Integer> watched() {
        Map<String, Integer> watched = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : device.configuration(PREFIX).entrySet()) {
            int notification = Integer.parseInt(entry.getValue());
            if (notification == 0) {
                continue;
            }
            String path = entry.getKey().substring(PREFIX.length());
            try {
                for (Param param : DataModelReader.read(device, path)) {
                    if (watched.size() >= MAX_WATCHED) {
                        return watched;
                    }
                    watched.put(param.path(), notification);
                }
            } catch (DataModelException e) {
                // an instance that was deleted since: nothing to watch any more
            }
        }
        return watched;
    }

    private String current(String path) {
        Param param = DataModelReader.param(device, path);
        return param == null ? null : param.value();
    }
}
