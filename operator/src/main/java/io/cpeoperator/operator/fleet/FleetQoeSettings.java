package io.cpeoperator.operator.fleet;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.QoeSpec;
import io.cpeoperator.operator.qoe.QoeThresholds;

import java.util.Optional;

/**
 * The QoE thresholds a device is judged by: those of the first fleet (by name) that selects it and sets
 * {@code spec.qoe}, else the defaults. Read from the fleet informer's cache, so a fleet edit applies at the device's
 * next evaluation and a deleted fleet stops applying at once, without a list call per device.
 */
public final class FleetQoeSettings {

    private final FleetDirectory directory;

    public FleetQoeSettings(FleetDirectory directory) {
        this.directory = directory;
    }

    public QoeThresholds thresholdsFor(CpeDevice device) {
        return specFor(device).map(QoeThresholds::from).orElseGet(QoeThresholds::defaults);
    }

    Optional<QoeSpec> specFor(CpeDevice device) {
        return directory.selecting(device).stream()
                .filter(fleet -> fleet.getSpec().getQoe() != null)
                .findFirst()
                .map(fleet -> fleet.getSpec().getQoe());
    }
}
