package io.cpeoperator.bridge.cwmp.sync;

import io.cpeoperator.bridge.device.DeviceEventBus;
import io.cpeoperator.bridge.cwmp.queue.RpcLane;
import io.cpeoperator.bridge.cwmp.registry.CwmpDevice;
import io.cpeoperator.bridge.cwmp.soap.rpc.EventStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.Inform;
import io.cpeoperator.bridge.cwmp.soap.rpc.ParameterInfoStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.ParameterValueStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.SetParameterAttributes;
import io.cpeoperator.bridge.cwmp.soap.rpc.SetParameterAttributesStruct;
import io.cpeoperator.bridge.device.DeviceEvent;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.device.DeviceOperationException;
import io.cpeoperator.bridge.twin.ParameterValue;
import io.cpeoperator.bridge.twin.TwinSchemaKey;
import io.cpeoperator.bridge.twin.TwinStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Plans the ACS's own work for a session (maintenance lane, after any operations): a full sync on first contact,
 * on "0 BOOTSTRAP" and after eviction; otherwise a max-age refresh of stale telemetry; and, once, active
 * notification for the configured paths.
 */
public final class TwinSynchronizer {

    private static final Logger LOG = LoggerFactory.getLogger(TwinSynchronizer.class);

    private final TwinStore twins;
    private final TwinSyncPolicy policy;
    private final ParameterFetcher fetcher;
    private final DeviceEventBus events;
    private final SyncRetryScheduler retries;
    private final Clock clock;
    private final Counter fullSyncs;
    private final Counter failedSyncs;
    private final Counter refreshedValues;

    public TwinSynchronizer(TwinStore twins, TwinSyncPolicy policy, DeviceEventBus events,
                            SyncRetryScheduler retries, Clock clock, MeterRegistry registry) {
        this.twins = twins;
        this.policy = policy;
        this.fetcher = new ParameterFetcher(policy.valuesPerRequest(), policy.maxParameters());
        this.events = events;
        this.retries = retries;
        this.clock = clock;
        this.fullSyncs = Counter.builder("cpe.cwmp.sync.full").tag("outcome", "ok").register(registry);
        this.failedSyncs = Counter.builder("cpe.cwmp.sync.full").tag("outcome", "failed").register(registry);
        this.refreshedValues = Counter.builder("cpe.cwmp.sync.refreshed.values").register(registry);
    }

    public ParameterFetcher fetcher() {
        return fetcher;
    }

    /** Queues the maintenance this session needs; called while the InformResponse is being prepared. */
    public void planSession(CwmpDevice device, Inform inform, TwinSchemaKey schema) {
        if (device.syncInProgress()) {
            return;
        }
        // a failed sync is owed even when the twin looks whole (a BOOTSTRAP sync of a device already known)
        if (inform.hasEvent(EventStruct.BOOTSTRAP) || twins.needsFullSync(device.id())
                || device.syncRetry().owed()) {
            fullSync(device, inform.dataModelRoot(), schema);
            return;
        }
        refreshStale(device);
        configureNotifications(device);
    }

    private void fullSync(CwmpDevice device, String root, TwinSchemaKey schema) {
        device.syncInProgress(true);
        retries.syncStarted(device);
        discover(device, root)
                .thenCompose(infos -> fetcher.valuesOfListedNames(device, ParameterFetcher.leafNames(infos),
                        RpcLane.MAINTENANCE)
                        .thenApply(values -> merge(infos, values)))
                .whenComplete((parameters, failure) -> {
                    device.syncInProgress(false);
                    DeviceId id = device.id();
                    if (failure != null) {
                        failedSyncs.increment();
                        String reason = reason(failure);
                        LOG.info("{}: full sync failed: {}", id, reason);
                        events.publish(new DeviceEvent.SyncFailed(id, clock.instant(), reason));
                        retries.syncFailed(device, failure);
                        return;
                    }
                    twins.applySnapshot(id, schema, parameters, clock.instant());
                    fullSyncs.increment();
                    LOG.info("{}: full sync done, {} parameters", id, parameters.size());
                    events.publish(new DeviceEvent.Synced(id, clock.instant(), parameters.size()));
                    retries.syncSucceeded(device);
                    configureNotifications(device);
                });
    }

    private CompletableFuture<List<ParameterInfoStruct>> discover(CwmpDevice device, String root) {
        if (policy.alwaysLevelByLevel() || device.fullWalkFailed()) {
            return fetcher.walkLevels(device, root, RpcLane.MAINTENANCE);
        }
        return fetcher.walk(device, root, RpcLane.MAINTENANCE).exceptionallyCompose(failure -> {
            device.markFullWalkFailed();
            DeviceOperationException cause = unwrap(failure);
            if (cause != null && cause.faultCode() == DeviceOperationException.UNREACHABLE) {
                // the device died on the full walk: the next session walks it level by level
                return CompletableFuture.failedFuture(failure);
            }
            LOG.info("{}: full GetParameterNames walk refused ({}), walking level by level", device.id(),
                    reason(failure));
            return fetcher.walkLevels(device, root, RpcLane.MAINTENANCE);
        });
    }

    private void refreshStale(CwmpDevice device) {
        if (policy.telemetry().isEmpty() || !twins.contains(device.id())) {
            return;
        }
        Set<String> stale = new LinkedHashSet<>();
        for (TwinSyncPolicy.TelemetryRefresh rule : policy.telemetry()) {
            for (String path : twins.readWithMaxAge(device.id(), rule.pathPattern(), rule.maxAge(), clock.instant())
                    .stale()) {
                // only full names the device reported: partial paths, patterns and unknown names crash some devices
                if (!path.endsWith(".") && path.indexOf('*') < 0 && twins.get(device.id(), path).isPresent()) {
                    stale.add(path);
                }
            }
        }
        if (stale.isEmpty()) {
            return;
        }
        fetcher.valuesOfListedNames(device, List.copyOf(stale), RpcLane.MAINTENANCE).whenComplete((values, failure) -> {
            if (failure == null) {
                twins.applyUpdates(device.id(), toTwin(values), clock.instant());
                refreshedValues.increment(values.size());
            } else {
                LOG.debug("{}: telemetry refresh abandoned: {}", device.id(), reason(failure));
            }
        });
    }

    private void configureNotifications(CwmpDevice device) {
        if (policy.activeNotificationPaths().isEmpty() || device.notificationsConfigured()) {
            return;
        }
        device.notificationsConfigured(true);
        List<SetParameterAttributesStruct> changes = policy.activeNotificationPaths().stream()
                .map(path -> SetParameterAttributesStruct.notification(path,
                        SetParameterAttributesStruct.NOTIFICATION_ACTIVE))
                .toList();
        device.queue().enqueue(new SetParameterAttributes(changes), RpcLane.MAINTENANCE)
                .whenComplete((response, failure) -> {
                    DeviceOperationException cause = failure == null ? null : unwrap(failure);
                    if (cause != null && cause.faultCode() == DeviceOperationException.UNREACHABLE) {
                        device.notificationsConfigured(false);
                    } else if (cause != null) {
                        // a device that refuses (9000, 9009) is not asked again in every session
                        LOG.info("{}: active notification refused: {}", device.id(), reason(failure));
                    }
                });
    }

    private static List<ParameterValue> merge(List<ParameterInfoStruct> infos, List<ParameterValueStruct> values) {
        Map<String, Boolean> writable = new HashMap<>(infos.size() * 2);
        for (ParameterInfoStruct info : infos) {
            writable.put(info.name(), info.writable());
        }
        List<ParameterValue> merged = new ArrayList<>(values.size());
        for (ParameterValueStruct value : values) {
            merged.add(new ParameterValue(value.name(), value.value(), value.type(), writable.get(value.name())));
        }
        return merged;
    }

    /** Twin values from a GetParameterValuesResponse or an Inform (writability unknown there). */
    public static List<ParameterValue> toTwin(List<ParameterValueStruct> values) {
        List<ParameterValue> converted = new ArrayList<>(values.size());
        for (ParameterValueStruct value : values) {
            converted.add(new ParameterValue(value.name(), value.value(), value.type(), null));
        }
        return converted;
    }

    static DeviceOperationException unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof DeviceOperationException operation ? operation : null;
    }

    private static String reason(Throwable failure) {
        DeviceOperationException cause = unwrap(failure);
        return cause != null ? cause.getMessage() : String.valueOf(failure);
    }
}
