package io.cpeoperator.operator.device;

import io.cpeoperator.api.v1alpha1.ActionStatus;
import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.bridge.device.DeviceGateway;
import io.cpeoperator.operator.conditions.Conditions;
import io.cpeoperator.operator.config.OperatorConfig;
import io.cpeoperator.operator.device.actions.ActionKind;
import io.cpeoperator.operator.device.actions.ActionMarker;
import io.cpeoperator.operator.device.actions.OneShotActions;
import io.cpeoperator.operator.device.config.ConfigApplier;
import io.cpeoperator.operator.device.events.DeviceActivity;
import io.cpeoperator.operator.device.events.DeviceDiscovery;
import io.cpeoperator.operator.device.events.DeviceEventSource;
import io.cpeoperator.operator.device.events.DeviceIndex;
import io.cpeoperator.operator.device.firmware.FirmwareUpgrader;
import io.cpeoperator.operator.device.status.StatusPatcher;
import io.cpeoperator.operator.device.status.StatusWritePolicy;
import io.cpeoperator.operator.device.summary.DeviceSummaryMapper;
import io.cpeoperator.operator.kube.EventRecorder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Wires the CpeDevice reconciler and its collaborators. */
public final class DeviceReconcilerFactory {

    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private DeviceReconcilerFactory() {
    }

    /** @param closeables receives what must be closed when the operator stops */
    public static CpeDeviceReconciler create(KubernetesClient client, DeviceGateway gateway, EventRecorder events,
                                             OperatorConfig config, Clock clock, MeterRegistry registry,
                                             DeviceQoe qoe, DeviceFleets fleets,
                                             List<AutoCloseable> closeables) {
        DeviceActivity activity = new DeviceActivity();
        DeviceIndex index = new DeviceIndex();
        DeviceDiscovery discovery = new DeviceDiscovery(client, config.namespace(), events, registry);
        closeables.add(discovery);
        DeviceEventSource eventSource = new DeviceEventSource(gateway, index, activity, discovery, registry);
        qoe.lookAgain(id -> index.resourcesOf(id).forEach(eventSource::propagateEvent));
        fleets.wakeWith(eventSource::propagateEvent);
        DeviceOperations operations = new DeviceOperations(
                new ConfigApplier(gateway, events, clock, Backoff.DEFAULT, config.driftCheckInterval(), registry),
                new FirmwareUpgrader(gateway, activity, events, clock, Backoff.DEFAULT),
                new OneShotActions(gateway, statusMarker(client), events, clock));
        StatusWritePolicy writePolicy = new StatusWritePolicy(clock, config.statusWriteInterval(),
                config.lastContactInterval(), registry);
        return new CpeDeviceReconciler(
                new DeviceStatusAggregator(new Conditions(clock, DeviceConditions.TYPES)), events, gateway,
                new DeviceObserver(gateway, activity, new DeviceSummaryMapper()), operations,
                new DeviceAdoption(client, events), writePolicy, index, eventSource, activity, discovery,
                new StatusPatcher(client), qoe, fleets);
    }

    /** A JSON merge patch of {@code status.actions.<action>} alone, sent at once. */
    static ActionMarker statusMarker(KubernetesClient client) {
        return (CpeDevice device, ActionKind kind, ActionStatus status) -> {
            String patch = JSON.asJson(Map.of("status", Map.of("actions", Map.of(kind.field(), status))));
            client.resources(CpeDevice.class).inNamespace(device.getMetadata().getNamespace())
                    .withName(device.getMetadata().getName()).subresource("status")
                    .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
        };
    }
}
