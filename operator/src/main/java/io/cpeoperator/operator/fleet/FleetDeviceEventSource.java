package io.cpeoperator.operator.fleet;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.CpeFleet;
import io.cpeoperator.operator.fleet.aggregate.FleetTallies;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

import java.util.Set;

/**
 * The fleet controller's CpeDevice informer. Each device change updates the fleet tallies and wakes exactly the fleets
 * whose aggregate it changed: one that the device joined, left (relabelled or deleted) or counts differently in. A
 * heartbeat changes no aggregate and wakes no fleet. (The tallies are updated here, once per informer event, and not
 * in a secondary-to-primary mapper: the informer calls its mapper more than once per event.)
 */
final class FleetDeviceEventSource extends InformerEventSource<CpeDevice, CpeFleet> {

    private final FleetTallies tallies;

    FleetDeviceEventSource(String name, FleetTallies tallies, EventSourceContext<CpeFleet> context) {
        super(InformerEventSourceConfiguration.from(CpeDevice.class, CpeFleet.class)
                .withName(name)
                .withSecondaryToPrimaryMapper(device -> Set.of())
                .build(), context);
        this.tallies = tallies;
    }

    @Override
    public void onAdd(CpeDevice device) {
        super.onAdd(device);
        wake(tallies.deviceChanged(device));
    }

    @Override
    public void onUpdate(CpeDevice old, CpeDevice device) {
        super.onUpdate(old, device);
        wake(tallies.deviceChanged(device));
    }

    @Override
    public void onDelete(CpeDevice device, boolean finalStateUnknown) {
        super.onDelete(device, finalStateUnknown);
        wake(tallies.deviceDeleted(device));
    }

    private void wake(Set<String> fleetKeys) {
        if (fleetKeys.isEmpty() || getEventHandler() == null) {
            return;
        }
        for (String key : fleetKeys) {
            int slash = key.indexOf('/');
            getEventHandler().handleEvent(new Event(new ResourceID(key.substring(slash + 1), key.substring(0, slash))));
        }
    }
}
