package io.cpeoperator.operator.device.events;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.operator.device.identity.DeviceKeys;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;

import java.util.List;

/**
 * An index on the CpeDevice informer cache: device identity ({@link DeviceId#toString()}) to the resources that name
 * it. This is how a device event finds its resource, and how a device written ahead of time by GitOps is adopted:
 * its spec.identity is indexed the moment it is created, before the device ever connects.
 */
public final class DeviceIndex {

    public static final String NAME = "cpe-device-identity";

    private volatile IndexedResourceCache<CpeDevice> cache;

    /** Installs the indexer on the primary cache; called once from {@code prepareEventSources}. */
    public void install(IndexerResourceCache<CpeDevice> primaryCache) {
        primaryCache.addIndexer(NAME, device -> DeviceKeys.idOf(device).map(id -> List.of(id.toString()))
                .orElse(List.of()));
        this.cache = primaryCache;
    }

    /** The resources naming the device; empty before the informer runs or when none does. */
    public List<ResourceID> resourcesOf(DeviceId id) {
        IndexedResourceCache<CpeDevice> current = cache;
        if (current == null) {
            return List.of();
        }
        try {
            // a resource being deleted no longer stands for its device: a reconnect must rediscover it
            return current.byIndex(NAME, id.toString()).stream()
                    .filter(device -> device.getMetadata().getDeletionTimestamp() == null)
                    .map(ResourceID::fromResource).toList();
        } catch (RuntimeException e) {
            // the informer is not started yet (or stopping): nobody can be told; the start-up reconcile covers it
            return List.of();
        }
    }
}
