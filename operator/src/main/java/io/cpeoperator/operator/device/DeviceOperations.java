package io.cpeoperator.operator.device;

import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.operator.device.actions.OneShotActions;
import io.cpeoperator.operator.device.config.ConfigApplier;
import io.cpeoperator.operator.device.firmware.FirmwareUpgrader;

/** The steps that change a device: parameters, firmware and one-shot actions. */
public record DeviceOperations(ConfigApplier config, FirmwareUpgrader firmware, OneShotActions actions) {

    void forget(DeviceId id) {
        config.forget(id);
        firmware.forget(id);
        actions.forget(id);
    }
}
