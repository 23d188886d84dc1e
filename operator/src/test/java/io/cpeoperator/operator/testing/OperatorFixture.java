package io.cpeoperator.operator.testing;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.operator.OperatorApplication;
import io.cpeoperator.operator.conditions.Conditions;
import io.cpeoperator.operator.config.OperatorConfig;
import io.cpeoperator.operator.kube.EmbeddedKubernetes;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An embedded Kubernetes API that outlives operator processes, a fake device gateway, and an operator started against
 * both: tests can stop and start the operator against the same state.
 */
public final class OperatorFixture implements AutoCloseable {

    public final EmbeddedKubernetes kubernetes = EmbeddedKubernetes.start();
    public final KubernetesClient client = kubernetes.client();
    public final FakeDeviceGateway gateway;
    public final String namespace;
    private final Clock clock;
    private final String[] args;
    public OperatorApplication app;

    public OperatorFixture(String namespace, Clock clock, String... extraArgs) throws Exception {
        this.namespace = namespace;
        this.clock = clock;
        this.gateway = new FakeDeviceGateway(clock);
        String[] base = {"--bind-address", "127.0.0.1", "--http-port", "0", "--namespace", namespace};
        this.args = new String[base.length + extraArgs.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extraArgs, 0, args, base.length, extraArgs.length);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata()
                .build()).create();
        startOperator();
    }

    public void startOperator() throws Exception {
        app = new OperatorApplication(OperatorConfig.parse(args, Map.of()), true, clock, gateway, client);
        app.start();
    }

    public void stopOperator() {
        app.close();
    }

    public CpeDevice device(String name) {
        return client.resources(CpeDevice.class).inNamespace(namespace).withName(name).get();
    }

    public CpeDevice awaitDevice(String name, java.util.function.Predicate<CpeDevice> condition) {
        try {
            return Await.until(() -> device(name), d -> d.getStatus() != null && condition.test(d));
        } catch (AssertionError e) {
            CpeDevice last = device(name);
            throw new AssertionError("CpeDevice " + name + " did not get there; last status: "
                    + (last == null ? "(no resource)" : io.fabric8.kubernetes.client.utils.Serialization.asJson(
                    last.getStatus())), e);
        }
    }

    public static Condition condition(CpeDevice device, String type) {
        return Conditions.find(device.getStatus().getConditions(), type).orElseThrow();
    }

    public static boolean hasCondition(CpeDevice device, String type, String status, String reason) {
        return Conditions.find(device.getStatus().getConditions(), type)
                .filter(c -> status.equals(c.getStatus()) && (reason == null || reason.equals(c.getReason())))
                .isPresent();
    }

    public List<Event> events(String name) {
        return client.v1().events().inNamespace(namespace).list().getItems().stream()
                .filter(e -> name.equals(e.getInvolvedObject().getName())).toList();
    }

    public Event awaitEvent(String name, String reason) {
        return Await.until(() -> events(name).stream().filter(e -> Objects.equals(reason, e.getReason()))
                .findFirst().orElse(null), e -> true);
    }

    @Override
    public void close() {
        if (app != null) {
            app.close();
        }
        kubernetes.close();
    }
}
