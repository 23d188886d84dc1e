package io.cpeoperator.operator.device.firmware;

import io.cpeoperator.api.v1alpha1.FirmwareStatus;
import io.cpeoperator.operator.conditions.DesiredCondition;

import java.time.Duration;

/** The FirmwareCurrent condition, {@code status.firmware}, and when to look again (null: an event will say). */
public record FirmwareOutcome(DesiredCondition condition, FirmwareStatus status, Duration retryAfter) {
}
