package io.cpeoperator.operator.fleet;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.CpeFleet;
import io.cpeoperator.api.v1alpha1.QoeSpec;
import io.cpeoperator.operator.qoe.QoeThresholds;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;

import java.util.Comparator;
import java.util.Optional;

/**
 * The QoE thresholds a device is judged by: those of the first fleet (by name) that selects it and sets
 * {@code spec.qoe}, else the defaults. Read from the fleet reconciler's informer cache, so a fleet edit applies at the
 * device's next evaluation and a deleted fleet stops applying at once, without a list call per device.
 */
public final class FleetQoeSettings {

    private volatile IndexedResourceCache<CpeFleet> fleets;

    /** Called by the fleet reconciler once its informer exists. */
    void install(IndexedResourceCache<CpeFleet> cache) {
        this.fleets = cache;
    }

    public QoeThresholds thresholdsFor(CpeDevice device) {
        return specFor(device).map(QoeThresholds::from).orElseGet(QoeThresholds::defaults);
    }

    Optional<QoeSpec> specFor(CpeDevice device) {
        IndexedResourceCache<CpeFleet> cache = fleets;
        if (cache == null) {
            return Optional.empty();
        }
        return cache.list(device.getMetadata().getNamespace(), fleet -> fleet.getSpec() != null
                        && fleet.getSpec().getQoe() != null
                        && LabelSelectors.matches(fleet.getSpec().getSelector(), device.getMetadata().getLabels()))
                .min(Comparator.comparing(fleet -> fleet.getMetadata().getName()))
                .map(fleet -> fleet.getSpec().getQoe());
    }
}
