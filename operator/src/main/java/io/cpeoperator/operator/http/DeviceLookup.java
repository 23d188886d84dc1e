package io.cpeoperator.operator.http;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.operator.device.identity.DeviceKeys;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * The device a {@code /api/v1/devices/{namespace}/{name}/...} request names: 400 for a malformed namespace or name,
 * 503 when the Kubernetes API does not answer; null when there is no such CpeDevice or it names no device.
 */
final class DeviceLookup {

    private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$");
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");

    private final BiFunction<String, String, CpeDevice> lookup;

    DeviceLookup(KubernetesClient client) {
        this((namespace, name) -> client.resources(CpeDevice.class).inNamespace(namespace).withName(name).get());
    }

    /** @param lookup finds a CpeDevice by namespace and name, null when there is none */
    DeviceLookup(BiFunction<String, String, CpeDevice> lookup) {
        this.lookup = lookup;
    }

    DeviceId deviceId(String namespace, String name) {
        if (namespace.length() > 63 || !DNS_LABEL.matcher(namespace).matches()
                || name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
            throw new HttpProblem(400, "'" + shorten(namespace) + "/" + shorten(name) + "' is not a valid "
                    + "namespace/name (lower-case letters, digits, '-' and, in names, '.')");
        }
        try {
            CpeDevice device = lookup.apply(namespace, name);
            return device == null ? null : DeviceKeys.idOf(device).orElse(null);
        } catch (KubernetesClientException e) {
            throw new HttpProblem(503, "the Kubernetes API did not answer: " + e.getMessage());
        }
    }

    private static String shorten(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "..." : text;
    }
}
