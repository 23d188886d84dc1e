package io.cpeoperator.operator.fleet.rollout;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.CpeFleet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Admits devices to a fleet's rollout: writes the {@value RolloutAdmissions#ANNOTATION} annotation on each CpeDevice
 * (a JSON merge patch of that one annotation, so nothing else of the object is touched) and wakes its reconciler,
 * which then starts the download through the same firmware step as a device's own spec.firmware.
 */
public final class RolloutAdmitter {

    private static final Logger LOG = LoggerFactory.getLogger(RolloutAdmitter.class);
    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private final KubernetesClient client;
    private final RolloutAdmissions admissions;
    private final Consumer<ResourceID> wake;
    private final Counter admitted;

    public RolloutAdmitter(KubernetesClient client, RolloutAdmissions admissions, Consumer<ResourceID> wake,
                           MeterRegistry registry) {
        this.client = client;
        this.admissions = admissions;
        this.wake = wake;
        this.admitted = Counter.builder("cpe.fleet.rollout.admissions")
                .description("Devices admitted to a fleet's firmware rollout").register(registry);
    }

    /** @return how many were admitted (a failed patch stops the batch; the next look tries again) */
    public int admit(CpeFleet fleet, String version, List<Member> members) {
        String value = RolloutAdmissions.value(fleet.getMetadata().getName(), version);
        String patch = JSON.asJson(Map.of("metadata", Map.of("annotations", Map.of(RolloutAdmissions.ANNOTATION, value))));
        int done = 0;
        for (Member member : members) {
            CpeDevice device = member.device();
            try {
                client.resources(CpeDevice.class).inNamespace(device.getMetadata().getNamespace())
                        .withName(device.getMetadata().getName())
                        .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
            } catch (KubernetesClientException e) {
                LOG.warn("CpeFleet {}: could not admit {} to the rollout of {}: {}", fleet.getMetadata().getName(),
                        device.getMetadata().getName(), version, e.getMessage());
                break;
            }
            admissions.admitted(device, fleet.getMetadata().getName(), version);
            admitted.increment();
            done++;
            wake.accept(ResourceID.fromResource(device));
        }
        if (done > 0) {
            LOG.info("CpeFleet {}/{}: admitted {} device(s) to the rollout of {}", fleet.getMetadata().getNamespace(),
                    fleet.getMetadata().getName(), done, version);
        }
        return done;
    }
}
