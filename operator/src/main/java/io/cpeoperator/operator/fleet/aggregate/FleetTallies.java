package io.cpeoperator.operator.fleet.aggregate;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.operator.fleet.LabelSelectors;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The tallies of every fleet, fed by informer events, so a fleet's aggregates are ready at any moment without
 * listing its devices. A device change costs O(1) per fleet in the device's namespace (a selector match and a
 * {@link FleetTally#put}); a fleet change rebuilds that fleet from the namespace's devices, O(devices).
 *
 * <p>Thread-safe. Each namespace has its own lock, taken by every operation on its fleets, so events of different
 * namespaces do not wait for each other and a rebuild holds up only its own namespace. Contributions are read from
 * the device before the lock is taken. Fleet changes and deletions are also serialised among themselves.
 *
 * <p>Consistency: events for one device must arrive in order, as an informer delivers them; a stale event applied
 * late is then always followed by the newer one. For a rebuild to miss no change, the devices must be read from the
 * cache while the namespace is locked: {@link #fleetChanged(String, String, LabelSelector, Supplier)} does so.
 */
public final class FleetTallies {

    private final Map<String, Namespace> namespaces = new ConcurrentHashMap<>();
    private final Map<String, String> fleetNamespaces = new ConcurrentHashMap<>();
    private final Object fleetChanges = new Object();

    /**
     * Rebuilds the fleet's tally from the devices of its namespace (a new fleet, or its selector changed). Devices
     * of other namespaces in the collection are ignored. A device event handled after the collection was read and
     * before this returns is lost to this fleet until the device changes again; prefer the {@link Supplier} form.
     */
    public void fleetChanged(String fleetKey, String namespace, LabelSelector selector,
                             Collection<CpeDevice> devicesInNamespace) {
        fleetChanged(fleetKey, namespace, selector, () -> devicesInNamespace);
    }

    /**
     * Rebuilds the fleet's tally from the devices the supplier returns, called while the namespace is locked so no
     * device event slips between reading the devices and counting them. A null selector selects nothing.
     */
    public void fleetChanged(String fleetKey, String namespace, LabelSelector selector,
                             Supplier<? extends Collection<CpeDevice>> devicesInNamespace) {
        Objects.requireNonNull(fleetKey, "fleetKey");
        Objects.requireNonNull(namespace, "namespace");
        LabelSelector ownSelector = selector == null ? null : new LabelSelectorBuilder(selector).build();
        synchronized (fleetChanges) {
            String previousNamespace = fleetNamespaces.get(fleetKey);
            if (previousNamespace != null && !previousNamespace.equals(namespace)) {
                forget(fleetKey, previousNamespace);
            }
            Namespace space = namespaces.computeIfAbsent(namespace, n -> new Namespace());
            synchronized (space) {
                FleetTally tally = new FleetTally();
                for (CpeDevice device : devicesInNamespace.get()) {
                    ObjectMeta meta = device.getMetadata();
                    if (meta != null && namespace.equals(meta.getNamespace())
                            && LabelSelectors.matches(ownSelector, meta.getLabels())) {
                        tally.put(deviceKey(device), DeviceContribution.of(device));
                    }
                }
                space.fleets.put(fleetKey, new Fleet(ownSelector, tally));
                fleetNamespaces.put(fleetKey, namespace);
            }
        }
    }

    public void fleetDeleted(String fleetKey) {
        synchronized (fleetChanges) {
            String namespace = fleetNamespaces.get(fleetKey);
            if (namespace != null) {
                forget(fleetKey, namespace);
            }
        }
    }

    /**
     * Counts the device in every fleet of its namespace that selects it, and takes it out of those that no longer
     * do (a relabelled device leaves its old fleet at once).
     *
     * @return the keys of the fleets whose counts changed: the device joined or left, or contributes something
     *         different; empty for a heartbeat that changes nothing the aggregates show
     */
    public Set<String> deviceChanged(CpeDevice device) {
        String key = deviceKey(device);
        Namespace space = namespaces.get(device.getMetadata().getNamespace());
        if (space == null) {
            return Set.of();
        }
        DeviceContribution contribution = DeviceContribution.of(device);
        Map<String, String> labels = device.getMetadata().getLabels();
        Set<String> changed = new HashSet<>();
        synchronized (space) {
            for (Map.Entry<String, Fleet> entry : space.fleets.entrySet()) {
                FleetTally tally = entry.getValue().tally();
                boolean member = LabelSelectors.matches(entry.getValue().selector(), labels);
                if (member ? tally.put(key, contribution) : tally.remove(key)) {
                    changed.add(entry.getKey());
                }
            }
        }
        return Set.copyOf(changed);
    }

    /** @return the keys of the fleets the device was counted in */
    public Set<String> deviceDeleted(CpeDevice device) {
        String key = deviceKey(device);
        Namespace space = namespaces.get(device.getMetadata().getNamespace());
        if (space == null) {
            return Set.of();
        }
        Set<String> changed = new HashSet<>();
        synchronized (space) {
            space.fleets.forEach((fleetKey, fleet) -> {
                if (fleet.tally().remove(key)) {
                    changed.add(fleetKey);
                }
            });
        }
        return Set.copyOf(changed);
    }

    /**
     * The fleet's aggregates now, or empty for a fleet never reported by {@code fleetChanged} (or deleted since).
     * See {@link FleetTally#snapshot(String, int)} for the arguments.
     */
    public Optional<FleetAggregate> snapshot(String fleetKey, String targetVersion, int topN) {
        Namespace space = namespaceOf(fleetKey);
        if (space == null) {
            return Optional.empty();
        }
        synchronized (space) {
            Fleet fleet = space.fleets.get(fleetKey);
            return fleet == null ? Optional.empty() : Optional.of(fleet.tally().snapshot(targetVersion, topN));
        }
    }

    /** Whether the fleet counts the device ({@link #deviceKey}). */
    public boolean isMember(String fleetKey, String deviceKey) {
        Namespace space = namespaceOf(fleetKey);
        if (space == null) {
            return false;
        }
        synchronized (space) {
            Fleet fleet = space.fleets.get(fleetKey);
            return fleet != null && fleet.tally().contains(deviceKey);
        }
    }

    /** {@code namespace/name}, the key under which a device is counted. */
    public static String deviceKey(CpeDevice device) {
        ObjectMeta meta = Objects.requireNonNull(device.getMetadata(), "device metadata");
        return Objects.requireNonNull(meta.getNamespace(), "device namespace") + "/"
                + Objects.requireNonNull(meta.getName(), "device name");
    }

    private Namespace namespaceOf(String fleetKey) {
        String namespace = fleetNamespaces.get(fleetKey);
        return namespace == null ? null : namespaces.get(namespace);
    }

    /** Caller holds {@link #fleetChanges}. */
    private void forget(String fleetKey, String namespace) {
        Namespace space = namespaces.get(namespace);
        if (space != null) {
            synchronized (space) {
                space.fleets.remove(fleetKey);
            }
        }
        fleetNamespaces.remove(fleetKey);
    }

    /**
     * The fleets of one namespace, guarded by the object's own monitor. Kept once created (there are few
     * namespaces) so no thread ever counts into a namespace that has been dropped.
     */
    private static final class Namespace {
        final Map<String, Fleet> fleets = new LinkedHashMap<>();
    }

    private record Fleet(LabelSelector selector, FleetTally tally) {
    }
}
