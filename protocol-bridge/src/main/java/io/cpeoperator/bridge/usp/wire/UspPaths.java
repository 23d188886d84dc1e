package io.cpeoperator.bridge.usp.wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers for TR-181 / USP path syntax. */
public final class UspPaths {

    private UspPaths() {
    }

    /** {@code Device.WiFi.SSID.1.SSID} → {@code Device.WiFi.SSID.1.}; a path without a dot → empty string. */
    public static String objectOf(String parameterPath) {
        int dot = parameterPath.lastIndexOf('.', parameterPath.length() - 2);
        return dot < 0 ? "" : parameterPath.substring(0, dot + 1);
    }

    /** {@code Device.WiFi.SSID.1.SSID} → {@code SSID}. */
    public static String nameOf(String parameterPath) {
        return parameterPath.substring(objectOf(parameterPath).length());
    }

    /** Groups full parameter paths by their object, keeping the caller's order. */
    public static Map<String, List<Map.Entry<String, String>>> groupByObject(Map<String, String> values) {
        Map<String, List<Map.Entry<String, String>>> byObject = new LinkedHashMap<>();
        values.forEach((path, value) -> byObject.computeIfAbsent(objectOf(path), k -> new ArrayList<>())
                .add(Map.entry(nameOf(path), value)));
        return byObject;
    }

    /** True for a partial (object) path such as {@code Device.WiFi.}. */
    public static boolean isObjectPath(String path) {
        return path.endsWith(".");
    }
}
