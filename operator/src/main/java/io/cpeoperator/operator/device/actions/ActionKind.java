package io.cpeoperator.operator.device.actions;

import io.cpeoperator.api.v1alpha1.ActionStatus;
import io.cpeoperator.api.v1alpha1.ActionsStatus;
import io.cpeoperator.api.v1alpha1.CpeDeviceSpec;
import io.cpeoperator.api.v1alpha1.OneShotAction;
import io.cpeoperator.bridge.device.DeviceGateway;
import io.cpeoperator.bridge.device.DeviceId;

import java.util.concurrent.CompletionStage;

/** The one-shot actions: where each sits in spec and status, and which gateway call runs it. */
public enum ActionKind {
    REBOOT("reboot", "Reboot", "rebooted") {
        @Override
        OneShotAction requested(CpeDeviceSpec spec) {
            return spec.getReboot();
        }

        @Override
        ActionStatus handled(ActionsStatus status) {
            return status == null ? null : status.getReboot();
        }

        @Override
        void set(ActionsStatus status, ActionStatus action) {
            status.setReboot(action);
        }

        @Override
        CompletionStage<Void> run(DeviceGateway gateway, DeviceId id, String commandKey) {
            return gateway.reboot(id, commandKey);
        }
    },
    FACTORY_RESET("factoryReset", "FactoryReset", "reset to factory defaults") {
        @Override
        OneShotAction requested(CpeDeviceSpec spec) {
            return spec.getFactoryReset();
        }

        @Override
        ActionStatus handled(ActionsStatus status) {
            return status == null ? null : status.getFactoryReset();
        }

        @Override
        void set(ActionsStatus status, ActionStatus action) {
            status.setFactoryReset(action);
        }

        @Override
        CompletionStage<Void> run(DeviceGateway gateway, DeviceId id, String commandKey) {
            return gateway.factoryReset(id, commandKey);
        }
    };

    private final String field;
    private final String eventPrefix;
    private final String pastTense;

    ActionKind(String field, String eventPrefix, String pastTense) {
        this.field = field;
        this.eventPrefix = eventPrefix;
        this.pastTense = pastTense;
    }

    /** The JSON field name in spec and in status.actions. */
    public String field() {
        return field;
    }

    String eventPrefix() {
        return eventPrefix;
    }

    String pastTense() {
        return pastTense;
    }

    abstract OneShotAction requested(CpeDeviceSpec spec);

    abstract ActionStatus handled(ActionsStatus status);

    abstract void set(ActionsStatus status, ActionStatus action);

    abstract CompletionStage<Void> run(DeviceGateway gateway, DeviceId id, String commandKey);
}
