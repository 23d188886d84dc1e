package io.cpeoperator.operator.http;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.CpeFleet;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Read-only JSON views of the custom resources, for embedded mode where kubectl cannot reach the in-process API:
 * {@code GET /api/v1/cpedevices[?namespace=]}, {@code GET /api/v1/cpedevices/{namespace}/{name}}, and the same for
 * cpefleets. Lists come back as {@code {"kind": "CpeDeviceList", "items": [...]}} sorted by namespace and name.
 */
public final class ResourceViewEndpoints {

    private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$");
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");

    private final KubernetesClient client;

    public ResourceViewEndpoints(KubernetesClient client) {
        this.client = client;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/v1/cpedevices", (exchange, vars) -> list(exchange, CpeDevice.class, "CpeDeviceList")),
                Route.get("/api/v1/cpedevices/{namespace}/{name}", (exchange, vars) -> get(exchange, CpeDevice.class, vars)),
                Route.get("/api/v1/cpefleets", (exchange, vars) -> list(exchange, CpeFleet.class, "CpeFleetList")),
                Route.get("/api/v1/cpefleets/{namespace}/{name}", (exchange, vars) -> get(exchange, CpeFleet.class, vars)));
    }

    private <T extends HasMetadata> void list(HttpExchange exchange, Class<T> type, String kind) {
        exchange.allowOnlyQuery(Set.of("namespace"));
        String namespace = exchange.query("namespace");
        KubernetesResourceList<T> found;
        if (namespace == null) {
            found = client.resources(type).inAnyNamespace().list();
        } else {
            requireName(namespace, DNS_LABEL, "namespace");
            found = client.resources(type).inNamespace(namespace).list();
        }
        List<T> items = found.getItems().stream()
                .sorted(Comparator.comparing((T r) -> r.getMetadata().getNamespace())
                        .thenComparing(r -> r.getMetadata().getName()))
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("apiVersion", CpeDevice.GROUP + "/" + CpeDevice.VERSION);
        body.put("kind", kind);
        body.put("items", items);
        exchange.json(200, body);
    }

    private <T extends HasMetadata> void get(HttpExchange exchange, Class<T> type, List<String> vars) {
        exchange.allowOnlyQuery(Set.of());
        String namespace = requireName(vars.get(0), DNS_LABEL, "namespace");
        String name = requireName(vars.get(1), DNS_SUBDOMAIN, "name");
        T resource = client.resources(type).inNamespace(namespace).withName(name).get();
        if (resource == null) {
            throw new HttpProblem(404, type.getSimpleName() + " " + namespace + "/" + name + " not found");
        }
        exchange.json(200, resource);
    }

    private static String requireName(String value, Pattern pattern, String what) {
        if (value.length() > 253 || !pattern.matcher(value).matches()) {
            throw new HttpProblem(400, what + " '" + value + "' is not a valid Kubernetes " + what
                    + " (lower-case letters, digits, '-'" + (what.equals("name") ? ", '.'" : "") + ")");
        }
        return value;
    }
}
