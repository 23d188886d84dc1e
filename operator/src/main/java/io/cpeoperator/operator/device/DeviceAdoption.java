package io.cpeoperator.operator.device;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.bridge.device.DeviceIdentity;
import io.cpeoperator.operator.device.identity.DeviceLabels;
import io.cpeoperator.operator.kube.EventRecorder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Zero-touch provisioning: a CpeDevice written ahead of time (GitOps) is adopted when its device first connects. The
 * resource gets the same labels discovery would have given it (so fleets select it) and an Event says so. A resource
 * already carrying the protocol label (discovered, or adopted before) is left alone.
 */
public final class DeviceAdoption {

    public static final String EVENT_ADOPTED = "Adopted";
    private static final Logger LOG = LoggerFactory.getLogger(DeviceAdoption.class);
    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private final KubernetesClient client;
    private final EventRecorder events;
    private final Set<String> adopted = ConcurrentHashMap.newKeySet();

    public DeviceAdoption(KubernetesClient client, EventRecorder events) {
        this.client = client;
        this.events = events;
    }

    /** Adopts the resource if the device has identified itself and the resource was not labelled yet. */
    public void adoptIfNew(CpeDevice device, DeviceIdentity identity) {
        Map<String, String> labels = device.getMetadata().getLabels();
        String key = device.getMetadata().getNamespace() + "/" + device.getMetadata().getName();
        if ((labels != null && labels.containsKey(DeviceLabels.PROTOCOL)) || adopted.contains(key)) {
            return;
        }
        Map<String, String> wanted = DeviceLabels.labelsFor(identity);
        String patch = JSON.asJson(Map.of("metadata", Map.of("labels", wanted)));
        client.resources(CpeDevice.class).inNamespace(device.getMetadata().getNamespace())
                .withName(device.getMetadata().getName()).patch(PatchContext.of(PatchType.JSON_MERGE), patch);
        adopted.add(key);
        LOG.info("{}: adopted CpeDevice {}", identity.id(), key);
        events.normal(device, EVENT_ADOPTED, "Adopted " + identity.id() + " on its first contact (zero-touch): "
                + "this CpeDevice was created ahead of time and now manages the device.");
    }

    public void forget(String key) {
        adopted.remove(key);
    }
}
