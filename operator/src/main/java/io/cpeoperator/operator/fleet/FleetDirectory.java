package io.cpeoperator.operator.fleet;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.CpeFleet;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The CpeFleets that select a device, read from the device controller's CpeFleet informer (no API call per device).
 * Before the informer exists (and in tests without fleets) a device belongs to no fleet.
 */
public final class FleetDirectory {

    private volatile InformerEventSource<CpeFleet, CpeDevice> fleets;

    /** Called by the device reconciler once its CpeFleet informer exists. */
    public void install(InformerEventSource<CpeFleet, CpeDevice> informer) {
        this.fleets = informer;
    }

    /** The fleets in the device's namespace whose selector matches its labels, by name. */
    public List<CpeFleet> selecting(CpeDevice device) {
        InformerEventSource<CpeFleet, CpeDevice> informer = fleets;
        if (informer == null) {
            return List.of();
        }
        return informer.list(device.getMetadata().getNamespace(), fleet -> selects(fleet, device))
                .sorted(Comparator.comparing(fleet -> fleet.getMetadata().getName()))
                .toList();
    }

    public static boolean selects(CpeFleet fleet, CpeDevice device) {
        return fleet.getSpec() != null && fleet.getMetadata().getDeletionTimestamp() == null
                && Objects.equals(fleet.getMetadata().getNamespace(), device.getMetadata().getNamespace())
                && LabelSelectors.matches(fleet.getSpec().getSelector(), device.getMetadata().getLabels());
    }
}
