package io.cpeoperator.bridge.twin;

import io.cpeoperator.bridge.device.DeviceId;

import java.time.Instant;
import java.util.List;

/**
 * One twin as it would be saved by a {@link TwinShardPersistence}: everything needed to rebuild it without asking
 * the device, including each parameter's observation time (so max-age reads stay honest after a restore).
 *
 * @param objectInstances object instance paths the device reported ({@code Device.Hosts.Host.7.})
 * @param lastFullSync    when the last full snapshot was applied; null if never
 */
public record PersistedTwin(DeviceId id, TwinSchemaKey schema, List<TwinParameter> parameters,
                            List<String> objectInstances, Instant lastFullSync) {
    public PersistedTwin {
        parameters = List.copyOf(parameters);
        objectInstances = List.copyOf(objectInstances);
    }
}
