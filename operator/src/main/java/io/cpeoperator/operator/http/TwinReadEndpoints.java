package io.cpeoperator.operator.http;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.twin.TwinStore;
import io.cpeoperator.bridge.twin.api.ParametersQuery;
import io.cpeoperator.bridge.twin.api.ParametersQueryResult;
import io.cpeoperator.operator.device.identity.DeviceKeys;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * The twin read API: {@code GET /api/v1/devices/{namespace}/{name}/parameters?path=...&maxAge=...} answers from the
 * digital twin of the device the CpeDevice names, without contacting the device. 400 for a bad path or max age, 404
 * for an unknown resource or a device without a twin; never a 500 for what a caller sends.
 */
public final class TwinReadEndpoints {

    private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$");
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");

    private final BiFunction<String, String, CpeDevice> lookup;
    private final ParametersQuery query;

    public TwinReadEndpoints(KubernetesClient client, TwinStore twins, Clock clock) {
        this((namespace, name) -> client.resources(CpeDevice.class).inNamespace(namespace).withName(name).get(),
                twins, clock);
    }

    /** @param lookup finds a CpeDevice by namespace and name, null when there is none */
    public TwinReadEndpoints(BiFunction<String, String, CpeDevice> lookup, TwinStore twins, Clock clock) {
        this.lookup = lookup;
        this.query = new ParametersQuery(twins, clock);
    }

    public List<Route> routes() {
        return List.of(Route.get("/api/v1/devices/{namespace}/{name}/parameters", this::parameters));
    }

    private void parameters(HttpExchange exchange, List<String> vars) {
        exchange.allowOnlyQuery(Set.of("path", "maxAge"));
        String namespace = vars.get(0);
        String name = vars.get(1);
        if (namespace.length() > 63 || !DNS_LABEL.matcher(namespace).matches()
                || name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
            throw new HttpProblem(400, "'" + shorten(namespace) + "/" + shorten(name) + "' is not a valid "
                    + "namespace/name (lower-case letters, digits, '-' and, in names, '.')");
        }
        DeviceId id = null;
        try {
            CpeDevice device = lookup.apply(namespace, name);
            id = device == null ? null : DeviceKeys.idOf(device).orElse(null);
        } catch (KubernetesClientException e) {
            throw new HttpProblem(503, "the Kubernetes API did not answer: " + e.getMessage());
        }
        ParametersQueryResult result = query.handle(namespace + "/" + name, id, exchange.query("path"),
                exchange.query("maxAge"));
        if (result instanceof ParametersQueryResult.Ok ok) {
            exchange.json(200, ok.body());
        } else if (result instanceof ParametersQueryResult.Failed failed) {
            exchange.json(failed.status(), failed.error());
        }
    }

    private static String shorten(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "..." : text;
    }
}
