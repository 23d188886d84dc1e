package io.cpeoperator.simulator.bulkdata;

import io.cpeoperator.bridge.twin.ParameterType;
import io.cpeoperator.simulator.device.DataModelException;
import io.cpeoperator.simulator.device.DataModelReader;
import io.cpeoperator.simulator.device.Param;
import io.cpeoperator.simulator.device.VirtualDevice;
import io.cpeoperator.simulator.usp.UspPaths;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what a profile's {@code Parameter.{i}.Reference}s name, expanding partial paths ({@code Device.WiFi.Radio.1.Stats.})
 * and wildcards ({@code Device.WiFi.Radio.*.Stats.Noise}) against the device's data model. A reference that names
 * nothing the device has right now is left out of the report, as TR-181 asks.
 *
 * <p>Report names: the full path when {@code Name} is empty; {@code Name} for a single parameter; for a partial path
 * or wildcard, {@code Name} replaces the reference's fixed leading part (up to the first wildcard, or the whole
 * partial path), so {@code Name=Radio}, {@code Reference=Device.WiFi.Radio.*.Stats.Noise} reports {@code Radio.1.Stats.Noise}.
 */
final class ReportCollector {

    private ReportCollector() {
    }

    /** One collected value. */
    record Sample(String name, String value, ParameterType type) {
    }

    /** One collection: when, and what. */
    record Collection(long timeMillis, List<Sample> samples) {
    }

    static Collection collect(VirtualDevice device, List<ProfileSettings.Reference> references) {
        Map<String, Sample> samples = new LinkedHashMap<>();
        for (ProfileSettings.Reference reference : references) {
            for (Param param : expand(device, reference.reference())) {
                String name = reportName(reference, param.path());
                samples.putIfAbsent(name, new Sample(name, param.value(), param.type()));
            }
        }
        return new Collection(device.now(), List.copyOf(samples.values()));
    }

    static List<Param> expand(VirtualDevice device, String reference) {
        List<Param> params = new ArrayList<>();
        boolean partial = reference.endsWith(".");
        String objectPart = partial ? reference : reference.substring(0, reference.lastIndexOf('.') + 1);
        String leaf = partial ? "" : reference.substring(reference.lastIndexOf('.') + 1);
        List<String> objects;
        try {
            objects = objectPart.contains("*") || objectPart.contains("[")
                    ? UspPaths.resolveObjects(device, objectPart) : List.of(objectPart);
        } catch (UspPaths.InvalidPathException e) {
            return params;
        }
        for (String object : objects) {
            if (partial) {
                try {
                    params.addAll(DataModelReader.read(device, object));
                } catch (DataModelException e) {
                    // the object is gone (a deleted instance, a radio switched off): nothing to report
                }
            } else {
                Param param = DataModelReader.param(device, object + leaf);
                if (param != null) {
                    params.add(param);
                }
            }
        }
        return params;
    }

    static String reportName(ProfileSettings.Reference reference, String path) {
        if (reference.name().isEmpty()) {
            return path;
        }
        String ref = reference.reference();
        int wildcard = ref.indexOf('*');
        if (wildcard < 0 && !ref.endsWith(".")) {
            return reference.name();
        }
        String fixed = wildcard < 0 ? ref : ref.substring(0, wildcard);
        return path.startsWith(fixed) ? reference.name() + "." + path.substring(fixed.length()) : path;
    }
}
