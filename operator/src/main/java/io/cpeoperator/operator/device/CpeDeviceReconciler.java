package io.cpeoperator.operator.device;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.CpeDeviceStatus;
import io.cpeoperator.operator.conditions.Conditions;
import io.cpeoperator.operator.kube.EventRecorder;
import io.cpeoperator.operator.kube.StatusComparison;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Reconciles one CpeDevice: validate the spec, compute the status, and patch it only when it changed. Invalid specs
 * are permanent errors: a condition and a Warning Event, no exception, no retry.
 */
@ControllerConfiguration(name = CpeDeviceReconciler.NAME)
public class CpeDeviceReconciler implements Reconciler<CpeDevice> {

    public static final String NAME = "cpedevice";
    private static final Logger LOG = LoggerFactory.getLogger(CpeDeviceReconciler.class);

    private final DeviceStatusAggregator aggregator;
    private final EventRecorder events;

    public CpeDeviceReconciler(DeviceStatusAggregator aggregator, EventRecorder events) {
        this.aggregator = aggregator;
        this.events = events;
    }

    @Override
    public UpdateControl<CpeDevice> reconcile(CpeDevice device, Context<CpeDevice> context) {
        List<String> problems = DeviceSpecValidator.problems(device.getSpec());
        CpeDeviceStatus next = aggregator.aggregate(device, problems);
        if (StatusComparison.sameJson(device.getStatus(), next)) {
            return UpdateControl.noUpdate();
        }
        reportNewSpecProblems(device, next, problems);
        device.setStatus(next);
        return UpdateControl.patchStatus(device);
    }

    /** One Warning Event per distinct problem set, not one per reconcile. */
    private void reportNewSpecProblems(CpeDevice device, CpeDeviceStatus next, List<String> problems) {
        if (problems.isEmpty()) {
            return;
        }
        String message = Conditions.find(next.getConditions(), DeviceConditions.CONFIG_APPLIED)
                .map(c -> c.getMessage()).orElse(String.join("; ", problems));
        String before = device.getStatus() == null ? null : Conditions.find(device.getStatus().getConditions(),
                DeviceConditions.CONFIG_APPLIED).map(c -> c.getMessage()).orElse(null);
        if (!message.equals(before)) {
            LOG.warn("CpeDevice {}/{} has an invalid spec: {}", device.getMetadata().getNamespace(),
                    device.getMetadata().getName(), message);
            events.warning(device, DeviceConditions.REASON_INVALID_SPEC, message);
        }
    }
}
