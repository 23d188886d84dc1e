package io.cpeoperator.operator.device;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.operator.fleet.FleetQoeSettings;
import io.cpeoperator.operator.qoe.QoeService;

import java.util.function.Consumer;

/** The QoE step of a reconcile: the device is judged by the thresholds of its fleet. */
public final class DeviceQoe {

    private final QoeService service;
    private final FleetQoeSettings fleets;

    public DeviceQoe(QoeService service, FleetQoeSettings fleets) {
        this.service = service;
        this.fleets = fleets;
    }

    QoeService.Evaluation assess(CpeDevice device, DeviceId id) {
        return service.evaluate(id, fleets.thresholdsFor(device));
    }

    /** Who triggers a device's reconcile when its QoE has news outside a twin change. */
    void lookAgain(Consumer<DeviceId> trigger) {
        service.lookAgain(trigger);
    }

    void forget(DeviceId id) {
        service.forget(id);
    }
}
