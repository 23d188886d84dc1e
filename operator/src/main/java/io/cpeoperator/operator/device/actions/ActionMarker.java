package io.cpeoperator.operator.device.actions;

import io.cpeoperator.api.v1alpha1.ActionStatus;
import io.cpeoperator.api.v1alpha1.CpeDevice;

/**
 * Writes one action's status to the API server at once, bypassing the coalesced status writes: the record that a
 * request was handled must be stored before the device is asked, so that no restart can ever ask twice.
 */
@FunctionalInterface
public interface ActionMarker {
    /** Throws when the record could not be stored; the action is then not run. */
    void record(CpeDevice device, ActionKind kind, ActionStatus status);
}
