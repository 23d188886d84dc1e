package io.cpeoperator.simulator.usp;

import io.cpeoperator.simulator.device.DataModelReader;
import io.cpeoperator.simulator.device.VirtualDevice;

import java.util.HashMap;
import java.util.Map;

/**
 * Pushes enabled {@code Device.BulkData.Profile.{i}.} profiles with Protocol {@code USPEventNotif} as
 * {@code Push!} events (TR-181 BulkData over USP), JSON NameValuePair format, every ReportingInterval seconds of
 * real time.
 */
final class BulkDataPusher {

    private static final String PROFILES = "Device.BulkData.Profile.";

    private final VirtualDevice device;
    private final UspNotifier notifier;
    private final Map<Integer, Long> lastPush = new HashMap<>();

    BulkDataPusher(VirtualDevice device, UspNotifier notifier) {
        this.device = device;
        this.notifier = notifier;
    }

    synchronized void pushDue() {
        if (!"true".equals(device.valueOf("Device.BulkData.Enable"))) {
            return;
        }
        long now = System.currentTimeMillis();
        for (Integer number : DataModelReader.instanceNumbers(device, PROFILES)) {
            String profile = PROFILES + number + ".";
            if (!"true".equals(device.valueOf(profile + "Enable"))
                    || !"USPEventNotif".equals(device.valueOf(profile + "Protocol"))) {
                continue;
            }
            long interval = parse(device.valueOf(profile + "ReportingInterval"), 86_400) * 1000;
            Long last = lastPush.get(number);
            if (last == null) {
                lastPush.put(number, now);
                continue;
            }
            if (now - last >= interval) {
                lastPush.put(number, now);
                notifier.event(profile, "Push!", Map.of("Data", report(profile)));
            }
        }
    }

    private String report(String profile) {
        StringBuilder json = new StringBuilder("{\"Report\":[{\"CollectionTime\":").append(device.now() / 1000);
        for (Integer number : DataModelReader.instanceNumbers(device, profile + "Parameter.")) {
            String reference = device.valueOf(profile + "Parameter." + number + ".Reference");
            String value = reference == null ? null : device.valueOf(reference);
            if (value != null) {
                json.append(",\"").append(reference).append("\":\"").append(value.replace("\"", "\\\"")).append('"');
            }
        }
        return json.append("}]}").toString();
    }

    private static long parse(String value, long fallback) {
        try {
            return value == null ? fallback : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
