package io.cpeoperator.operator.testing;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** Reads CpeDevices and their Events in one namespace, and waits for them to get somewhere. */
public final class CpeDeviceResources {

    private final KubernetesClient client;
    private final String namespace;

    public CpeDeviceResources(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    public CpeDevice get(String name) {
        return client.resources(CpeDevice.class).inNamespace(namespace).withName(name).get();
    }

    /** Waits until the device has a status that satisfies the condition; fails with the last status seen. */
    public CpeDevice await(String name, Predicate<CpeDevice> condition, Duration timeout) {
        try {
            return Await.until(() -> get(name), d -> d.getStatus() != null && condition.test(d), timeout);
        } catch (AssertionError e) {
            CpeDevice last = get(name);
            throw new AssertionError("CpeDevice " + name + " did not get there; last status: "
                    + (last == null ? "(no resource)" : Serialization.asJson(last.getStatus())), e);
        }
    }

    /**
     * Edits the resource as a user would; the operator writes it too (labels on adoption), so a conflict is answered
     * by reading it again and redoing the change.
     */
    public CpeDevice edit(String name, UnaryOperator<CpeDevice> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return client.resources(CpeDevice.class).inNamespace(namespace).withName(name).edit(change);
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || attempt == 10) {
                    throw e;
                }
            }
        }
    }

    public List<Event> events(String name) {
        return client.v1().events().inNamespace(namespace).list().getItems().stream()
                .filter(e -> name.equals(e.getInvolvedObject().getName())).toList();
    }

    public Event awaitEvent(String name, String reason) {
        try {
            return Await.until(() -> events(name).stream().filter(e -> Objects.equals(reason, e.getReason()))
                    .findFirst().orElse(null), e -> true);
        } catch (AssertionError e) {
            throw new AssertionError("no " + reason + " Event for " + name + "; its Events: " + events(name).stream()
                    .map(ev -> ev.getReason() + ": " + ev.getMessage()).toList(), e);
        }
    }
}
