package io.cpeoperator.bridge.twin;

import java.time.Instant;

/**
 * Small facts about one twin, for status.
 *
 * @param lastFullSync when the last full snapshot was applied; null if never
 * @param lastUpdate   when anything was last applied
 */
public record TwinFacts(TwinSchemaKey schema, int parameterCount, Instant lastFullSync, Instant lastUpdate) {
}
