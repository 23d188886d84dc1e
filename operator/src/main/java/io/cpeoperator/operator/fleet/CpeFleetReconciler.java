package io.cpeoperator.operator.fleet;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.CpeFleet;
import io.cpeoperator.api.v1alpha1.CpeFleetStatus;
import io.cpeoperator.operator.fleet.aggregate.FleetAggregate;
import io.cpeoperator.operator.fleet.aggregate.FleetTallies;
import io.cpeoperator.operator.fleet.rollout.FleetRollout;
import io.cpeoperator.operator.kube.EventRecorder;
import io.cpeoperator.operator.kube.StatusComparison;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reconciles one CpeFleet: keeps its aggregates (maintained incrementally from device changes by {@link FleetTallies}),
 * drives its firmware rollout, and writes a small status. A device change wakes only the fleets whose aggregate it
 * changed (a heartbeat changes none), a relabelled device wakes the fleets it left too, and a fleet is looked at no
 * more than once per {@link #MIN_LOOK_INTERVAL} unless its spec changed.
 */
@ControllerConfiguration(name = CpeFleetReconciler.NAME)
public class CpeFleetReconciler implements Reconciler<CpeFleet> {

    public static final String NAME = "cpefleet";
    static final String DEVICES_EVENT_SOURCE = "fleet-devices";
    static final int TOP_N = 10;
    /** Safety net: look again anyway now and then. */
    private static final Duration RESYNC = Duration.ofMinutes(5);
    static final Duration MIN_LOOK_INTERVAL = Duration.ofSeconds(1);

    private final FleetStatusAggregator aggregator;
    private final FleetTallies tallies;
    private final FleetRollout rollout;
    private final EventRecorder events;
    private final Clock clock;
    /** The selector each fleet's tally was built with: another selector rebuilds it. */
    private final Map<String, LabelSelector> tallied = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastLook = new ConcurrentHashMap<>();

    public CpeFleetReconciler(FleetStatusAggregator aggregator, FleetTallies tallies, FleetRollout rollout,
                              EventRecorder events, Clock clock) {
        this.aggregator = aggregator;
        this.tallies = tallies;
        this.rollout = rollout;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public List<EventSource<?, CpeFleet>> prepareEventSources(EventSourceContext<CpeFleet> context) {
        return List.of(new FleetDeviceEventSource(DEVICES_EVENT_SOURCE, tallies, context));
    }

    @Override
    @SuppressWarnings("unchecked")
    public UpdateControl<CpeFleet> reconcile(CpeFleet fleet, Context<CpeFleet> context) {
        String key = key(fleet);
        Instant now = clock.instant();
        long generation = fleet.getMetadata().getGeneration() == null ? 0 : fleet.getMetadata().getGeneration();
        boolean specSeen = fleet.getStatus() != null
                && Objects.equals(fleet.getStatus().getObservedGeneration(), generation);
        Instant last = lastLook.get(key);
        if (specSeen && last != null && now.isBefore(last.plus(MIN_LOOK_INTERVAL))) {
            // debounce: many device changes in a burst make one look
            return UpdateControl.<CpeFleet>noUpdate()
                    .rescheduleAfter(Duration.between(now, last.plus(MIN_LOOK_INTERVAL)).toMillis() + 1);
        }
        lastLook.put(key, now);
        forgetDeletedFleets(context);

        InformerEventSource<CpeDevice, CpeFleet> devices = (InformerEventSource<CpeDevice, CpeFleet>) context
                .eventSourceRetriever().getEventSourceFor(CpeDevice.class, DEVICES_EVENT_SOURCE);
        String namespace = fleet.getMetadata().getNamespace();
        LabelSelector selector = fleet.getSpec() == null ? null : fleet.getSpec().getSelector();
        if (!tallied.containsKey(key) || !Objects.equals(tallied.get(key), selector)) {
            // read under the tallies' lock, so no device change slips between the list and the rebuild
            tallies.fleetChanged(key, namespace, selector, () -> devices.list(namespace).toList());
            tallied.put(key, selector);
        }
        String target = fleet.getSpec() == null || fleet.getSpec().getFirmware() == null ? null
                : fleet.getSpec().getFirmware().getVersion();
        FleetAggregate aggregate = tallies.snapshot(key, target, TOP_N).orElseGet(FleetAggregate::empty);

        FleetRollout.Outcome outcome = FleetRollout.Outcome.none();
        if (target != null) {
            List<CpeDevice> selected = devices.list(namespace, device -> FleetDirectory.selects(fleet, device))
                    .toList();
            List<CpeFleet> others = context.getPrimaryCache()
                    .list(namespace, other -> !other.getMetadata().getName().equals(fleet.getMetadata().getName()))
                    .toList();
            outcome = rollout.look(fleet, selected, others);
        }
        CpeFleetStatus next = aggregator.aggregate(fleet, aggregate, outcome);
        announceConflicts(fleet, next);
        Duration again = outcome.recheck() == null ? RESYNC : outcome.recheck();
        if (StatusComparison.sameJson(fleet.getStatus(), next)) {
            return UpdateControl.<CpeFleet>noUpdate().rescheduleAfter(Math.max(1, again.toMillis()));
        }
        fleet.setStatus(next);
        return UpdateControl.patchStatus(fleet).rescheduleAfter(Math.max(1, again.toMillis()));
    }

    /** A Warning when devices of the fleet start to be disputed by another fleet (not for every device). */
    private void announceConflicts(CpeFleet fleet, CpeFleetStatus next) {
        int before = fleet.getStatus() == null || fleet.getStatus().getConflicts() == null ? 0
                : fleet.getStatus().getConflicts();
        if (before == 0 && next.getConflicts() != null && next.getConflicts() > 0) {
            events.warning(fleet, "FleetConflict", next.getConflicts() + " device(s) of this fleet are also selected "
                    + "by another fleet that sets different values for the same parameters; those parameters are "
                    + "applied to none of them. The devices' status.config.conflicts name the fleets and paths.");
        }
    }

    private void forgetDeletedFleets(Context<CpeFleet> context) {
        for (String key : List.copyOf(tallied.keySet())) {
            ResourceID id = resourceId(key);
            if (context.getPrimaryCache().get(id).isEmpty()) {
                tallies.fleetDeleted(key);
                tallied.remove(key);
                lastLook.remove(key);
            }
        }
    }

    static String key(CpeFleet fleet) {
        return fleet.getMetadata().getNamespace() + "/" + fleet.getMetadata().getName();
    }

    private static ResourceID resourceId(String key) {
        int slash = key.indexOf('/');
        return new ResourceID(key.substring(slash + 1), key.substring(0, slash));
    }
}
