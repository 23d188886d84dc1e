package io.cpeoperator.operator.http;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.twin.TwinStore;
import io.cpeoperator.bridge.twin.api.ParametersQuery;
import io.cpeoperator.bridge.twin.api.ParametersQueryResult;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The twin read API: {@code GET /api/v1/devices/{namespace}/{name}/parameters?path=...&maxAge=...} answers from the
 * digital twin of the device the CpeDevice names, without contacting the device. 400 for a bad path or max age, 404
 * for an unknown resource or a device without a twin; never a 500 for what a caller sends.
 */
public final class TwinReadEndpoints {

    private final DeviceLookup devices;
    private final ParametersQuery query;

    public TwinReadEndpoints(KubernetesClient client, TwinStore twins, Clock clock) {
        this.devices = new DeviceLookup(client);
        this.query = new ParametersQuery(twins, clock);
    }

    /** @param lookup finds a CpeDevice by namespace and name, null when there is none */
    public TwinReadEndpoints(BiFunction<String, String, CpeDevice> lookup, TwinStore twins, Clock clock) {
        this.devices = new DeviceLookup(lookup);
        this.query = new ParametersQuery(twins, clock);
    }

    public List<Route> routes() {
        return List.of(Route.get("/api/v1/devices/{namespace}/{name}/parameters", this::parameters));
    }

    private void parameters(HttpExchange exchange, List<String> vars) {
        exchange.allowOnlyQuery(Set.of("path", "maxAge"));
        String namespace = vars.get(0);
        String name = vars.get(1);
        DeviceId id = devices.deviceId(namespace, name);
        ParametersQueryResult result = query.handle(namespace + "/" + name, id, exchange.query("path"),
                exchange.query("maxAge"));
        if (result instanceof ParametersQueryResult.Ok ok) {
            exchange.json(200, ok.body());
        } else if (result instanceof ParametersQueryResult.Failed failed) {
            exchange.json(failed.status(), failed.error());
        }
    }
}
