package io.cpeoperator.operator.device.actions;

import io.cpeoperator.api.v1alpha1.ActionStatus;
import io.cpeoperator.api.v1alpha1.ActionsStatus;
import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.OneShotAction;
import io.cpeoperator.bridge.device.DeviceGateway;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.device.DeviceOperationException;
import io.cpeoperator.operator.conditions.Conditions;
import io.cpeoperator.operator.device.ReconcileTrigger;
import io.cpeoperator.operator.kube.EventRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs {@code spec.reboot} and {@code spec.factoryReset} exactly once per new {@code requestedAt}. The order makes a
 * repeat impossible: first {@code status.actions.<action>.handledRequestedAt} is stored with outcome Pending (through
 * the {@link ActionMarker}), only then is the device asked; the answer fills in the outcome and an Event. A restart
 * between the two finds the request handled and never asks again; it settles the outcome from the boot time instead.
 */
public final class OneShotActions {

    public static final String PENDING = "Pending";
    public static final String SUCCEEDED = "Succeeded";
    public static final String FAILED = "Failed";
    private static final Logger LOG = LoggerFactory.getLogger(OneShotActions.class);

    private final DeviceGateway gateway;
    private final ActionMarker marker;
    private final EventRecorder events;
    private final Clock clock;
    /** The latest action status per device and kind in this process; the stored status may lag behind it. */
    private final Map<String, ActionStatus> latest = new ConcurrentHashMap<>();

    public OneShotActions(DeviceGateway gateway, ActionMarker marker, EventRecorder events, Clock clock) {
        this.gateway = gateway;
        this.marker = marker;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param bootTime the device's boot time as the summary knows it (RFC 3339), or null
     * @return {@code status.actions} as it should be now (null when no action was ever requested)
     */
    public ActionsStatus reconcile(CpeDevice device, DeviceId id, boolean suspended, String bootTime,
                                   ReconcileTrigger lookAgain) {
        ActionsStatus stored = device.getStatus() == null ? null : device.getStatus().getActions();
        ActionsStatus next = new ActionsStatus();
        boolean any = false;
        for (ActionKind kind : ActionKind.values()) {
            ActionStatus status = step(device, id, kind, stored, suspended, bootTime, lookAgain);
            if (status != null) {
                kind.set(next, status);
                any = true;
            }
        }
        return any ? next : null;
    }

    private ActionStatus step(CpeDevice device, DeviceId id, ActionKind kind, ActionsStatus stored,
                              boolean suspended, String bootTime, ReconcileTrigger lookAgain) {
        String key = id + "|" + kind.field();
        ActionStatus handled = latest.getOrDefault(key, kind.handled(stored));
        OneShotAction requested = kind.requested(device.getSpec());
        if (requested == null || requested.getRequestedAt() == null
                || (handled != null && requested.getRequestedAt().equals(handled.getHandledRequestedAt()))) {
            return settleAfterRestart(device, kind, key, handled, bootTime);
        }
        if (suspended || !gateway.isConnected(id)) {
            return handled; // run when writes are allowed and the device can be reached
        }
        ActionStatus pending = new ActionStatus();
        pending.setHandledRequestedAt(requested.getRequestedAt());
        pending.setOutcome(PENDING);
        pending.setMessage("Asked the device; waiting for its answer.");
        marker.record(device, kind, pending); // throws when not stored: then the device is not asked
        latest.put(key, pending);
        String commandKey = kind.field() + "-" + requested.getRequestedAt();
        LOG.info("{}: {} requested at {}", id, kind.field(), requested.getRequestedAt());
        try {
            kind.run(gateway, id, commandKey).whenComplete((ignored, error) -> {
                finish(device, id, kind, key, pending, error);
                lookAgain.lookAgain();
            });
        } catch (RuntimeException e) {
            finish(device, id, kind, key, pending, e);
        }
        return latest.get(key);
    }

    private void finish(CpeDevice device, DeviceId id, ActionKind kind, String key, ActionStatus pending,
                        Throwable error) {
        ActionStatus done = new ActionStatus();
        done.setHandledRequestedAt(pending.getHandledRequestedAt());
        done.setCompletedAt(Conditions.format(clock.instant()));
        if (error == null) {
            done.setOutcome(SUCCEEDED);
            done.setMessage("The device accepted the request and is being " + kind.pastTense() + ".");
            events.normal(device, kind.eventPrefix() + "Requested", "The device accepted the "
                    + kind.field() + " requested at " + pending.getHandledRequestedAt() + ".");
        } else {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            String fault = cause instanceof DeviceOperationException f ? f.faultCode() + " " + f.faultString()
                    : String.valueOf(cause.getMessage());
            done.setOutcome(FAILED);
            done.setMessage("The device refused or did not answer: " + fault
                    + ". Set a later requestedAt to try again.");
            LOG.warn("{}: {} failed: {}", id, kind.field(), fault);
            events.warning(device, kind.eventPrefix() + "Failed", "The " + kind.field() + " requested at "
                    + pending.getHandledRequestedAt() + " failed: " + fault + ".");
        }
        latest.put(key, done);
    }

    /**
     * A request stored as Pending by an earlier process whose answer this one never saw: a boot after the request
     * shows it happened; otherwise it stays Pending (it is never repeated).
     */
    private ActionStatus settleAfterRestart(CpeDevice device, ActionKind kind, String key, ActionStatus handled,
                                            String bootTime) {
        if (handled == null || !PENDING.equals(handled.getOutcome()) || latest.containsKey(key)) {
            return handled;
        }
        Instant requested = parse(handled.getHandledRequestedAt());
        Instant booted = parse(bootTime);
        if (requested != null && booted != null && booted.isAfter(requested)) {
            ActionStatus done = new ActionStatus();
            done.setHandledRequestedAt(handled.getHandledRequestedAt());
            done.setOutcome(SUCCEEDED);
            done.setCompletedAt(bootTime);
            done.setMessage("The device booted at " + bootTime + " after the request.");
            latest.put(key, done);
            return done;
        }
        return handled;
    }

    public void forget(DeviceId id) {
        for (ActionKind kind : ActionKind.values()) {
            latest.remove(id + "|" + kind.field());
        }
    }

    private static Instant parse(String time) {
        try {
            return time == null ? null : OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
