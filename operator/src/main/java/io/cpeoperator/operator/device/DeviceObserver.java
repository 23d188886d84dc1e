package io.cpeoperator.operator.device;

import io.cpeoperator.api.v1alpha1.DeviceSummary;
import io.cpeoperator.bridge.device.DeviceGateway;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.twin.TwinStore;
import io.cpeoperator.operator.device.events.DeviceActivity;
import io.cpeoperator.operator.device.summary.DeviceSummaryMapper;

/** Reads everything the status is computed from: connection state, twin facts, the summary. */
public final class DeviceObserver {

    private final DeviceGateway gateway;
    private final DeviceActivity activity;
    private final DeviceSummaryMapper mapper;

    public DeviceObserver(DeviceGateway gateway, DeviceActivity activity, DeviceSummaryMapper mapper) {
        this.gateway = gateway;
        this.activity = activity;
        this.mapper = mapper;
    }

    public DeviceObservation observe(DeviceId id, DeviceSummary previous) {
        TwinStore twins = gateway.twins();
        return new DeviceObservation(id, gateway.isConnected(id), activity.lastContact(id).orElse(null),
                activity.disconnectReason(id).orElse(null), twins.facts(id).orElse(null), twins.needsFullSync(id),
                mapper.map(twins, id, previous, activity.lastContact(id).orElse(null)));
    }
}
