package io.cpeoperator.operator.device.config;

import io.cpeoperator.api.v1alpha1.ConfigStatus;
import io.cpeoperator.operator.conditions.DesiredCondition;

import java.time.Duration;

/**
 * What the configuration step concluded: the ConfigApplied condition, {@code status.config}, and when to look again
 * (null when an event will say so).
 */
public record ConfigOutcome(DesiredCondition condition, ConfigStatus status, Duration retryAfter) {
}
