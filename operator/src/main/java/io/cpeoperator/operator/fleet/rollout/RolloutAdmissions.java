package io.cpeoperator.operator.fleet.rollout;

import io.cpeoperator.api.v1alpha1.CpeDevice;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which devices a fleet's rollout admitted, for which version. The record of truth is an annotation on the CpeDevice
 * ({@value #ANNOTATION}: {@code <fleet>@<version>}), so an operator restart finds every admission again and
 * {@code kubectl get cpedevice -o yaml} shows it. This process also remembers its own admissions until the device
 * informer shows the annotation, so that a device reconciled right after its admission does not miss it.
 */
public final class RolloutAdmissions {

    public static final String ANNOTATION = "cpeoperator.io/firmware-rollout";

    private final Map<String, String> recent = new ConcurrentHashMap<>();

    public static String value(String fleet, String version) {
        return fleet + "@" + version;
    }

    public boolean isAdmitted(CpeDevice device, String fleet, String version) {
        String wanted = value(fleet, version);
        return wanted.equals(annotation(device)) || wanted.equals(recent.get(key(device)));
    }

    /** Records an admission this process wrote. */
    public void admitted(CpeDevice device, String fleet, String version) {
        recent.put(key(device), value(fleet, version));
    }

    public void forget(String namespace, String name) {
        recent.remove(namespace + "/" + name);
    }

    public static String annotation(CpeDevice device) {
        Map<String, String> annotations = device.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(ANNOTATION);
    }

    private static String key(CpeDevice device) {
        return device.getMetadata().getNamespace() + "/" + device.getMetadata().getName();
    }
}
