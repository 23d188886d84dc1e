package io.cpeoperator.operator.device.identity;

import io.cpeoperator.bridge.device.DeviceIdentity;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The labels that let fleets select devices by what they are: OUI, product class, model and protocol. Values come
 * from the device, so they are mapped to what a label value allows (at most 63 of {@code [a-z0-9A-Z._-]}, starting
 * and ending alphanumeric); a value that maps to nothing is left out rather than invented.
 */
public final class DeviceLabels {

    public static final String PREFIX = "cpeoperator.io/";
    public static final String OUI = PREFIX + "oui";
    public static final String PRODUCT_CLASS = PREFIX + "product-class";
    public static final String MODEL = PREFIX + "model";
    public static final String PROTOCOL = PREFIX + "protocol";
    /** Set on resources created by discovery (value: "true"); absent on resources written ahead of time. */
    public static final String DISCOVERED = PREFIX + "discovered";

    private static final int MAX_VALUE_LENGTH = 63;

    private DeviceLabels() {
    }

    public static Map<String, String> labelsFor(DeviceIdentity identity) {
        Map<String, String> labels = new LinkedHashMap<>();
        put(labels, OUI, identity.oui());
        put(labels, PRODUCT_CLASS, identity.productClass());
        put(labels, MODEL, identity.modelName().isEmpty() ? identity.productClass() : identity.modelName());
        put(labels, PROTOCOL, identity.id().protocol().prefix());
        return labels;
    }

    /** The value as a label value, lower-cased so selectors need not guess a vendor's capitalisation. */
    public static String labelValue(String raw) {
        if (raw == null) {
            return "";
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(Math.min(lower.length(), MAX_VALUE_LENGTH));
        for (int i = 0; i < lower.length() && out.length() < MAX_VALUE_LENGTH; i++) {
            char c = lower.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
            out.append(allowed ? c : '-');
        }
        int start = 0;
        int end = out.length();
        while (start < end && !Character.isLetterOrDigit(out.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(out.charAt(end - 1))) {
            end--;
        }
        return out.substring(start, end);
    }

    private static void put(Map<String, String> labels, String key, String raw) {
        String value = labelValue(raw);
        if (!value.isEmpty()) {
            labels.put(key, value);
        }
    }
}
