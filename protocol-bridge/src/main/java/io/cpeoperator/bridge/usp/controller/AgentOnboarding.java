package io.cpeoperator.bridge.usp.controller;

import io.cpeoperator.bridge.device.DeviceEventBus;
import io.cpeoperator.bridge.device.DeviceEvent;
import io.cpeoperator.bridge.device.DeviceIdentity;
import io.cpeoperator.bridge.twin.ParameterValue;
import io.cpeoperator.bridge.twin.TwinStore;
import io.cpeoperator.bridge.usp.proto.UspMsg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * What happens when an agent makes contact (connect record, Boot!, OnBoardRequest, or a first message after a
 * controller restart): negotiate the USP version, read {@code Device.DeviceInfo.} for its identity and raise
 * "connected", make sure the standard subscriptions exist, and run a full sync when the twin needs one or the agent
 * rebooted. One run per agent at a time; contacts during a run cause one more run afterwards.
 */
final class AgentOnboarding {

    private static final Logger LOG = LoggerFactory.getLogger(AgentOnboarding.class);
    static final String DEVICE_INFO = "Device.DeviceInfo.";

    private final UspOperations operations;
    private final StandardSubscriptions subscriptions;
    private final FullSync fullSync;
    private final TwinStore twin;
    private final DeviceEventBus events;
    private final Clock clock;

    AgentOnboarding(UspOperations operations, StandardSubscriptions subscriptions, FullSync fullSync, TwinStore twin,
                    DeviceEventBus events, Clock clock) {
        this.operations = operations;
        this.subscriptions = subscriptions;
        this.fullSync = fullSync;
        this.twin = twin;
        this.events = events;
        this.clock = clock;
    }

    void onContact(AgentSession session, String reason, boolean booted) {
        session.connected(true);
        if (booted) {
            session.booted(System.nanoTime());
        }
        if (!session.beginOnboarding()) {
            return;
        }
        run(session, reason);
    }

    private void run(AgentSession session, String reason) {
        negotiateVersion(session)
                .thenCompose(ignored -> readIdentity(session))
                .thenCompose(identity -> {
                    session.identity(identity);
                    events.publish(new DeviceEvent.Connected(session.deviceId(), clock.instant(), identity,
                            Set.of(reason)));
                    return subscriptions.ensure(session)
                            .exceptionally(failure -> {
                                if (!cancelled(failure)) {
                                    LOG.warn("{}: standard subscriptions not ensured: {}", session.deviceId(),
                                            rootCause(failure).getMessage());
                                }
                                return List.of();
                            })
                            .thenCompose(created -> session.bootedSinceLastSync()
                                    || twin.needsFullSync(session.deviceId())
                                    ? sync(session, identity) : CompletableFuture.completedFuture(null));
                })
                .whenComplete((done, failure) -> {
                    if (failure != null && !cancelled(failure)) {
                        LOG.warn("{}: onboarding after {} failed: {}", session.deviceId(), reason,
                                rootCause(failure).getMessage());
                    }
                    if (session.endOnboarding() && session.beginOnboarding()) {
                        run(session, "Recontact");
                    }
                });
    }

    private CompletableFuture<Void> negotiateVersion(AgentSession session) {
        return operations.getSupportedProtocol(session)
                .thenAccept(versions -> ProtocolVersions.highestCommon(versions).ifPresentOrElse(
                        version -> session.recordVersion(version),
                        () -> LOG.warn("{} supports USP {} only; this controller speaks {}", session.deviceId(),
                                versions, ProtocolVersions.supported())))
                .exceptionally(failure -> {
                    LOG.debug("{}: GetSupportedProtocol failed, keeping USP {}", session.deviceId(),
                            session.recordVersion());
                    return null;
                });
    }

    private CompletableFuture<DeviceIdentity> readIdentity(AgentSession session) {
        return operations.get(session, List.of(DEVICE_INFO), 1).thenApply(response -> {
            Map<String, String> info = new LinkedHashMap<>();
            List<ParameterValue> values = new ArrayList<>();
            for (UspMsg.GetResp.RequestedPathResult requested : response.getReqPathResultsList()) {
                for (UspMsg.GetResp.ResolvedPathResult resolved : requested.getResolvedPathResultsList()) {
                    for (var param : resolved.getResultParamsList()) {
                        String path = resolved.getResolvedPath() + param.getKey();
                        info.put(path, param.getValue());
                        values.add(ParameterValue.of(path, param.getValue()));
                    }
                }
            }
            if (!twin.needsFullSync(session.deviceId())) {
                twin.applyUpdates(session.deviceId(), values, clock.instant());
            }
            return new DeviceIdentity(session.deviceId(), info.get(DEVICE_INFO + "Manufacturer"),
                    info.get(DEVICE_INFO + "ManufacturerOUI"), info.get(DEVICE_INFO + "ProductClass"),
                    info.get(DEVICE_INFO + "SerialNumber"), info.get(DEVICE_INFO + "ModelName"),
                    info.get(DEVICE_INFO + "SoftwareVersion"), info.get(DEVICE_INFO + "HardwareVersion"),
                    "Device.");
        });
    }

    private CompletableFuture<Void> sync(AgentSession session, DeviceIdentity identity) {
        session.syncStarted(System.nanoTime());
        return fullSync.run(session, identity).handle((count, failure) -> {
            if (failure != null) {
                String reason = rootCause(failure).getMessage();
                LOG.warn("{}: full sync failed: {}", session.deviceId(), reason);
                events.publish(new DeviceEvent.SyncFailed(session.deviceId(), clock.instant(), String.valueOf(reason)));
            } else {
                LOG.info("{}: full sync done, {} parameters", session.deviceId(), count);
                events.publish(new DeviceEvent.Synced(session.deviceId(), clock.instant(), count));
            }
            return null;
        });
    }

    /** The controller stopped or the device was forgotten: nothing to report. */
    private static boolean cancelled(Throwable failure) {
        return rootCause(failure) instanceof io.cpeoperator.bridge.device.DeviceOperationException fault
                && fault.faultCode() == io.cpeoperator.bridge.device.DeviceOperationException.CANCELLED;
    }

    static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
