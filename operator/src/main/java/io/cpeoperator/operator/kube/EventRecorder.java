package io.cpeoperator.operator.kube;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

/**
 * Writes Kubernetes Events about the operator's resources (what {@code kubectl describe} shows). Failing to write an
 * event is logged, never thrown: events are a courtesy, not part of the reconcile result.
 */
public class EventRecorder {

    public static final String COMPONENT = "cpe-operator";
    private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

    public enum Type { Normal, Warning }

    private final KubernetesClient client;
    private final Clock clock;

    public EventRecorder(KubernetesClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    public void normal(HasMetadata about, String reason, String message) {
        record(about, Type.Normal, reason, message);
    }

    public void warning(HasMetadata about, String reason, String message) {
        record(about, Type.Warning, reason, message);
    }

    public void record(HasMetadata about, Type type, String reason, String message) {
        create(about, type, reason, message, UUID.randomUUID().toString().substring(0, 13).replace("-", "")
                .toLowerCase(Locale.ROOT));
    }

    /**
     * Records an Event for a transition that happens once (a wave started, a rollout completed), named after
     * {@code once}: announced again (an operator that stopped before it could write the status it announced decides the
     * same again after its restart), it is the same Event, not a second one.
     */
    public void recordOnce(HasMetadata about, Type type, String reason, String message, String once) {
        String key = about.getMetadata().getUid() + "/" + reason + "/" + once;
        create(about, type, reason, message, "t" + Integer.toHexString(key.hashCode())
                + Integer.toHexString(new StringBuilder(key).reverse().toString().hashCode()));
    }

    private void create(HasMetadata about, Type type, String reason, String message, String suffix) {
        String now = io.cpeoperator.operator.conditions.Conditions.format(clock.instant());
        String name = about.getMetadata().getName() + "." + suffix;
        Event event = new EventBuilder()
                .withNewMetadata().withName(name).withNamespace(about.getMetadata().getNamespace()).endMetadata()
                .withInvolvedObject(new ObjectReferenceBuilder()
                        .withApiVersion(about.getApiVersion())
                        .withKind(about.getKind())
                        .withName(about.getMetadata().getName())
                        .withNamespace(about.getMetadata().getNamespace())
                        .withUid(about.getMetadata().getUid())
                        .withResourceVersion(about.getMetadata().getResourceVersion())
                        .build())
                .withType(type.name())
                .withReason(reason)
                .withMessage(message)
                .withFirstTimestamp(now)
                .withLastTimestamp(now)
                .withCount(1)
                .withNewSource().withComponent(COMPONENT).endSource()
                .withReportingComponent(COMPONENT)
                .build();
        try {
            client.v1().events().inNamespace(about.getMetadata().getNamespace()).resource(event).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                LOG.debug("{} event {} for {}/{} was recorded before", type, reason,
                        about.getMetadata().getNamespace(), about.getMetadata().getName());
                return;
            }
            LOG.warn("Could not record {} event {} for {}/{}: {}", type, reason, about.getMetadata().getNamespace(),
                    about.getMetadata().getName(), e.getMessage());
        }
    }
}
