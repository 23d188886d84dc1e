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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * What happens when an agent makes contact (connect record, Boot!, OnBoardRequest, or a first message after a
 * controller restart): negotiate the USP version, read {@code Device.DeviceInfo.} for its identity and raise
 * "connected", make sure the standard subscriptions exist, and run a full sync when the twin needs one or the agent
 * rebooted. One run per agent at a time; contacts during a run cause one more run afterwards.
 *
 * <p>When a whole fleet connects at once (a broker restart, a power cut), the handshakes of at most
 * {@code concurrentHandshakes} agents are in flight together; the others wait without their request timers running,
 * so a storm is worked through instead of timing out. A run that fails anyway (the agent did not answer in time)
 * is retried while the agent stays connected, with a growing, jittered delay: an agent must not stay unknown until
 * it happens to reconnect.
 */
final class AgentOnboarding {

    private static final Logger LOG = LoggerFactory.getLogger(AgentOnboarding.class);
    private static final long FIRST_RETRY_MILLIS = 5_000;
    private static final long MAX_RETRY_MILLIS = 300_000;
    static final String DEVICE_INFO = "Device.DeviceInfo.";

    private final UspOperations operations;
    private final StandardSubscriptions subscriptions;
    private final HeartbeatSetup heartbeat;
    private final FullSync fullSync;
    private final TwinStore twin;
    private final DeviceEventBus events;
    private final Clock clock;
    private final AsyncLimiter handshakes;
    private final ScheduledExecutorService retries;

    AgentOnboarding(UspOperations operations, StandardSubscriptions subscriptions, HeartbeatSetup heartbeat,
                    FullSync fullSync, TwinStore twin, DeviceEventBus events, Clock clock, int concurrentHandshakes,
                    ScheduledExecutorService retries) {
        this.operations = operations;
        this.subscriptions = subscriptions;
        this.heartbeat = heartbeat;
        this.fullSync = fullSync;
        this.twin = twin;
        this.events = events;
        this.clock = clock;
        this.handshakes = new AsyncLimiter(concurrentHandshakes);
        this.retries = retries;
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
        handshakes.run(() -> handshake(session, reason))
                .thenCompose(identity -> session.bootedSinceLastSync() || twin.needsFullSync(session.deviceId())
                        ? sync(session, identity) : CompletableFuture.completedFuture(null))
                .whenComplete((done, failure) -> {
                    boolean retry = false;
                    if (failure == null) {
                        session.onboardingSucceeded();
                    } else if (!cancelled(failure)) {
                        retry = scheduleRetry(session, reason, failure);
                    }
                    if (session.endOnboarding() && !retry && session.beginOnboarding()) {
                        run(session, "Recontact");
                    }
                });
    }

    /**
     * Version, identity ("connected"), standard subscriptions and the heartbeat: what every contact needs before
     * any sync.
     */
    private CompletableFuture<DeviceIdentity> handshake(AgentSession session, String reason) {
        return negotiateVersion(session)
                .thenCompose(ignored -> readIdentity(session))
                .thenCompose(identity -> {
                    session.identity(identity);
                    events.publish(new DeviceEvent.Connected(session.deviceId(), clock.instant(), identity,
                            Set.of(reason)));
                    return heartbeat.arm(session, subscriptions.ensure(session)
                            .exceptionally(failure -> {
                                if (!cancelled(failure)) {
                                    LOG.warn("{}: standard subscriptions not ensured: {}", session.deviceId(),
                                            rootCause(failure).getMessage());
                                }
                                return List.of();
                            }))
                            .thenApply(heartbeatExpected -> identity);
                });
    }

    private boolean scheduleRetry(AgentSession session, String reason, Throwable failure) {
        int failures = session.onboardingFailed();
        long base = Math.min(MAX_RETRY_MILLIS, FIRST_RETRY_MILLIS << Math.min(failures - 1, 10));
        long delay = base + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        LOG.warn("{}: onboarding after {} failed ({} in a row), retried in {} s if still connected: {}",
                session.deviceId(), reason, failures, delay / 1000, rootCause(failure).getMessage());
        try {
            retries.schedule(() -> {
                if (session.isConnected() && session.beginOnboarding()) {
                    run(session, "Retry");
                }
            }, delay, TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException stopping) {
            return false; // the controller stops
        }
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
                events.publish(new DeviceEvent.SyncFailed(session.deviceId(), clock.instant(), String.valueOf(reason)));
                // the run fails with it, and is retried
                throw failure instanceof CompletionException completion ? completion : new CompletionException(failure);
            }
            LOG.info("{}: full sync done, {} parameters", session.deviceId(), count);
            events.publish(new DeviceEvent.Synced(session.deviceId(), clock.instant(), count));
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
