package io.cpeoperator.operator.device;

import io.cpeoperator.api.v1alpha1.DeviceSummary;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.twin.TwinFacts;

import java.time.Instant;

/**
 * What is known about a device right now, from the gateway, the twin and the operator's activity log.
 *
 * @param lastContact   null when not heard from since the operator started
 * @param disconnectReason why the bridge reported the device gone (null when it did not, or the device is back)
 * @param facts         null when the twin holds nothing about the device
 * @param needsFullSync true when the twin must be synchronised in full on the next contact
 * @param summary       the summary for status (null when nothing is known)
 */
public record DeviceObservation(DeviceId id, boolean connected, Instant lastContact, String disconnectReason,
                                TwinFacts facts, boolean needsFullSync, DeviceSummary summary) {
}
