package io.cpeoperator.operator.fleet;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.CpeFleet;
import io.cpeoperator.api.v1alpha1.CpeFleetStatus;
import io.cpeoperator.operator.kube.StatusComparison;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reconciles one CpeFleet: find the CpeDevices its selector matches (from the informer cache) and summarise them.
 * A change to any device wakes the fleets whose selectors match it.
 */
@ControllerConfiguration(name = CpeFleetReconciler.NAME)
public class CpeFleetReconciler implements Reconciler<CpeFleet> {

    public static final String NAME = "cpefleet";
    static final String DEVICES_EVENT_SOURCE = "fleet-devices";
    /** Safety net: a device relabelled out of a fleet wakes only the fleets it matches now, so look again anyway. */
    private static final Duration RESYNC = Duration.ofMinutes(1);

    private final FleetStatusAggregator aggregator;
    private final FleetQoeSettings qoeSettings;

    public CpeFleetReconciler(FleetStatusAggregator aggregator, FleetQoeSettings qoeSettings) {
        this.aggregator = aggregator;
        this.qoeSettings = qoeSettings;
    }

    @Override
    public List<EventSource<?, CpeFleet>> prepareEventSources(EventSourceContext<CpeFleet> context) {
        qoeSettings.install(context.getPrimaryCache());
        InformerEventSourceConfiguration<CpeDevice> configuration = InformerEventSourceConfiguration
                .from(CpeDevice.class, CpeFleet.class)
                .withName(DEVICES_EVENT_SOURCE)
                .withSecondaryToPrimaryMapper(device -> fleetsSelecting(device, context))
                .build();
        return List.of(new InformerEventSource<>(configuration, context));
    }

    @Override
    @SuppressWarnings("unchecked")
    public UpdateControl<CpeFleet> reconcile(CpeFleet fleet, Context<CpeFleet> context) {
        InformerEventSource<CpeDevice, CpeFleet> devices = (InformerEventSource<CpeDevice, CpeFleet>) context
                .eventSourceRetriever().getEventSourceFor(CpeDevice.class, DEVICES_EVENT_SOURCE);
        List<CpeDevice> selected = devices.list(fleet.getMetadata().getNamespace(),
                        device -> fleet.getSpec() != null
                                && LabelSelectors.matches(fleet.getSpec().getSelector(), device.getMetadata().getLabels()))
                .sorted(Comparator.comparing(device -> device.getMetadata().getName()))
                .toList();
        CpeFleetStatus next = aggregator.aggregate(fleet, selected);
        if (StatusComparison.sameJson(fleet.getStatus(), next)) {
            return UpdateControl.<CpeFleet>noUpdate().rescheduleAfter(RESYNC);
        }
        fleet.setStatus(next);
        return UpdateControl.patchStatus(fleet).rescheduleAfter(RESYNC);
    }

    private static Set<ResourceID> fleetsSelecting(CpeDevice device, EventSourceContext<CpeFleet> context) {
        String namespace = device.getMetadata().getNamespace();
        return context.getPrimaryCache()
                .list(namespace, fleet -> fleet.getSpec() != null
                        && LabelSelectors.matches(fleet.getSpec().getSelector(), device.getMetadata().getLabels()))
                .map(ResourceID::fromResource)
                .collect(Collectors.toSet());
    }
}
