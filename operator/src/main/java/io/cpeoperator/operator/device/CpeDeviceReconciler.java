package io.cpeoperator.operator.device;

import io.cpeoperator.api.v1alpha1.ActionsStatus;
import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.CpeDeviceSpec;
import io.cpeoperator.api.v1alpha1.CpeDeviceStatus;
import io.cpeoperator.bridge.device.DeviceGateway;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.operator.conditions.Conditions;
import io.cpeoperator.operator.device.config.ConfigOutcome;
import io.cpeoperator.operator.device.events.DeviceActivity;
import io.cpeoperator.operator.device.events.DeviceDiscovery;
import io.cpeoperator.operator.device.events.DeviceEventSource;
import io.cpeoperator.operator.device.events.DeviceIndex;
import io.cpeoperator.operator.device.events.DeviceUpdateFilter;
import io.cpeoperator.operator.device.firmware.FirmwareOutcome;
import io.cpeoperator.operator.device.firmware.RunningFirmware;
import io.cpeoperator.operator.device.identity.DeviceKeys;
import io.cpeoperator.operator.device.status.StatusPatcher;
import io.cpeoperator.operator.device.status.StatusWritePolicy;
import io.cpeoperator.operator.kube.EventRecorder;
import io.cpeoperator.operator.qoe.QoeService;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reconciles one CpeDevice, as a sequence of named steps: validate the spec; observe the device (gateway, twin);
 * adopt it if it was written ahead of time; apply parameters and firmware (its own spec merged with what the fleets
 * that select it ask for, see {@link DeviceFleets}) and one-shot actions; assess its QoE from the twin; compute the
 * status; and write it only when the {@link StatusWritePolicy} says so. Device events only trigger this; everything is
 * read from the twin and the caches. Invalid specs are permanent errors: a condition and a Warning Event, no retry.
 */
// not generation-aware: labels (fleet membership) and the rollout admission are news too; DeviceUpdateFilter says which
@ControllerConfiguration(name = CpeDeviceReconciler.NAME, generationAwareEventProcessing = false,
        informer = @Informer(onUpdateFilter = DeviceUpdateFilter.class))
public class CpeDeviceReconciler implements Reconciler<CpeDevice>, Cleaner<CpeDevice> {

    public static final String NAME = "cpedevice";
    private static final Logger LOG = LoggerFactory.getLogger(CpeDeviceReconciler.class);

    private final DeviceStatusAggregator aggregator;
    private final EventRecorder events;
    private final DeviceGateway gateway;
    private final DeviceObserver observer;
    private final DeviceOperations operations;
    private final DeviceAdoption adoption;
    private final StatusWritePolicy writePolicy;
    private final StatusTransitions transitions;
    private final DeviceIndex index;
    private final DeviceEventSource eventSource;
    private final DeviceActivity activity;
    private final DeviceDiscovery discovery;
    private final StatusPatcher statusPatcher;
    private final DeviceQoe qoe;
    private final DeviceFleets fleets;

    public CpeDeviceReconciler(DeviceStatusAggregator aggregator, EventRecorder events, DeviceGateway gateway,
                               DeviceObserver observer, DeviceOperations operations, DeviceAdoption adoption,
                               StatusWritePolicy writePolicy, DeviceIndex index, DeviceEventSource eventSource,
                               DeviceActivity activity, DeviceDiscovery discovery, StatusPatcher statusPatcher,
                               DeviceQoe qoe, DeviceFleets fleets) {
        this.aggregator = aggregator;
        this.events = events;
        this.gateway = gateway;
        this.observer = observer;
        this.operations = operations;
        this.adoption = adoption;
        this.writePolicy = writePolicy;
        this.transitions = new StatusTransitions(events);
        this.index = index;
        this.eventSource = eventSource;
        this.activity = activity;
        this.discovery = discovery;
        this.statusPatcher = statusPatcher;
        this.qoe = qoe;
        this.fleets = fleets;
    }

    @Override
    public List<EventSource<?, CpeDevice>> prepareEventSources(EventSourceContext<CpeDevice> context) {
        index.install(context.getPrimaryCache());
        return List.of(eventSource, fleets.eventSource(context));
    }

    @Override
    public UpdateControl<CpeDevice> reconcile(CpeDevice device, Context<CpeDevice> context) {
        List<String> problems = DeviceSpecValidator.problems(device.getSpec());
        Optional<DeviceId> id = DeviceKeys.idOf(device);
        CpeDeviceStatus stored = device.getStatus();
        CpeDeviceStatus next;
        Duration retry = null;
        if (!problems.isEmpty() || id.isEmpty()) {
            next = aggregator.aggregate(device, problems);
        } else {
            DeviceId deviceId = id.get();
            DeviceObservation observation = observer.observe(deviceId, stored == null ? null : stored.getSummary());
            if (observation.lastContact() != null || observation.connected()) {
                gateway.identity(deviceId).ifPresent(identity -> adoption.adoptIfNew(device, identity));
            }
            ResourceID resource = ResourceID.fromResource(device);
            ReconcileTrigger lookAgain = () -> eventSource.propagateEvent(resource);
            CpeDeviceSpec spec = device.getSpec();
            DeviceFleets.Wanted wanted = fleets.resolve(device);
            ConfigOutcome config = wanted.parameters().isEmpty() ? null
                    : operations.config().reconcile(device, deviceId, wanted.parameters(), spec.suspended(), lookAgain);
            String running = observation.summary() == null ? null : observation.summary().getSoftwareVersion();
            String bootTime = observation.summary() == null ? null : observation.summary().getBootTime();
            FirmwareOutcome firmware = FirmwareStep.run(operations.firmware(), device, deviceId, wanted.firmware(),
                    new RunningFirmware(running, Conditions.parse(bootTime)), spec.suspended(), lookAgain);
            ActionsStatus actions = operations.actions().reconcile(device, deviceId, spec.suspended(), bootTime,
                    lookAgain);
            // judged only on a whole data model: a twin holding an Inform's parameters would say "no Wi-Fi"
            boolean whole = observation.facts() != null && observation.facts().lastFullSync() != null
                    && !observation.needsFullSync();
            QoeService.Evaluation quality = whole ? qoe.assess(device, deviceId) : null;
            next = aggregator.aggregate(device, problems, observation, config, firmware, actions,
                    quality == null ? null : quality.assessment().orElse(null));
            retry = earliest(earliest(config == null ? null : config.retryAfter(),
                    firmware == null ? null : firmware.retryAfter()), quality == null ? null : quality.retryAfter());
        }
        return write(device, stored, next, problems, retry);
    }

    private UpdateControl<CpeDevice> write(CpeDevice device, CpeDeviceStatus stored, CpeDeviceStatus next,
                                           List<String> problems, Duration retry) {
        String key = key(device);
        CpeDeviceStatus current = writePolicy.stored(key, stored);
        StatusWritePolicy.Decision decision = writePolicy.decide(key, current, next);
        UpdateControl<CpeDevice> control = UpdateControl.noUpdate();
        if (decision instanceof StatusWritePolicy.Decision.Write) {
            statusPatcher.patch(device, current, next);
            writePolicy.written(key, next);
            reportNewSpecProblems(device, current, next, problems);
            transitions.announce(device, current, next);
        } else {
            if (decision instanceof StatusWritePolicy.Decision.Defer defer) {
                retry = earliest(retry, defer.delay());
            } else if (decision instanceof StatusWritePolicy.Decision.Skip skip) {
                retry = earliest(retry, skip.untilRefresh());
            }
        }
        if (retry != null) {
            control.rescheduleAfter(Math.max(1, retry.toMillis()));
        }
        return control;
    }

    @Override
    public DeleteControl cleanup(CpeDevice device, Context<CpeDevice> context) {
        DeviceKeys.idOf(device).ifPresent(id -> {
            // another CpeDevice may name the same device (a duplicate written by hand): then keep the twin
            boolean stillNamed = index.resourcesOf(id).stream().anyMatch(r -> !r.equals(ResourceID.fromResource(device)));
            if (!stillNamed) {
                LOG.info("{}: CpeDevice {} deleted; forgetting the device", id, key(device));
                gateway.forget(id);
                activity.forget(id);
                discovery.forget(id);
                operations.forget(id);
                qoe.forget(id);
            }
        });
        writePolicy.forget(key(device));
        adoption.forget(key(device));
        fleets.forget(device);
        return DeleteControl.defaultDelete();
    }

    private static Duration earliest(Duration a, Duration b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) <= 0 ? a : b;
    }

    private static String key(CpeDevice device) {
        return device.getMetadata().getNamespace() + "/" + device.getMetadata().getName();
    }

    /** One Warning Event per distinct problem set, not one per reconcile. */
    private void reportNewSpecProblems(CpeDevice device, CpeDeviceStatus stored, CpeDeviceStatus next,
                                       List<String> problems) {
        if (problems.isEmpty()) {
            return;
        }
        String message = Conditions.find(next.getConditions(), DeviceConditions.CONFIG_APPLIED)
                .map(c -> c.getMessage()).orElse(String.join("; ", problems));
        String before = stored == null ? null : Conditions.find(stored.getConditions(),
                DeviceConditions.CONFIG_APPLIED).map(c -> c.getMessage()).orElse(null);
        if (!message.equals(before)) {
            LOG.warn("CpeDevice {}/{} has an invalid spec: {}", device.getMetadata().getNamespace(),
                    device.getMetadata().getName(), message);
            events.warning(device, DeviceConditions.REASON_INVALID_SPEC, message);
        }
    }
}
