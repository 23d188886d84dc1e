package io.cpeoperator.bridge.usp.controller;

import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.device.DeviceIdentity;
import io.cpeoperator.bridge.usp.mtp.MtpRoute;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** What the controller knows about one agent endpoint: how to reach it, which USP version to speak, who it is. */
public final class AgentSession {

    private final String endpointId;
    private final DeviceId deviceId;
    private final EndpointRateLimiter rateLimiter;
    private final AtomicBoolean onboarding = new AtomicBoolean();
    private volatile boolean onboardAgain;
    private volatile long lastBootNanos = Long.MIN_VALUE;
    private volatile long lastSyncStartNanos = Long.MIN_VALUE;
    private volatile MtpRoute route;
    private volatile String recordVersion;
    private volatile DeviceIdentity identity;
    private volatile boolean connected;
    private int onboardingFailures;
    // liveness, guarded by this: when the agent was last heard from, whether it was reported silent for it
    private long lastHeardMillis;
    private boolean reportedSilent;
    private volatile boolean heartbeatExpected;

    AgentSession(String endpointId, EndpointRateLimiter rateLimiter, String initialVersion) {
        this.endpointId = endpointId;
        this.deviceId = DeviceId.usp(endpointId);
        this.rateLimiter = rateLimiter;
        this.recordVersion = initialVersion;
    }

    public String endpointId() {
        return endpointId;
    }

    public DeviceId deviceId() {
        return deviceId;
    }

    public Optional<MtpRoute> route() {
        MtpRoute current = route;
        return current != null && current.isOpen() ? Optional.of(current) : Optional.empty();
    }

    void route(MtpRoute route) {
        this.route = route;
    }

    /** The address the endpoint is bound to, used to spot the same endpoint ID arriving from elsewhere. */
    Optional<String> boundAddress() {
        MtpRoute current = route;
        return current != null && current.isOpen() ? Optional.of(current.address()) : Optional.empty();
    }

    public String recordVersion() {
        return recordVersion;
    }

    void recordVersion(String version) {
        this.recordVersion = version;
    }

    public Optional<DeviceIdentity> identity() {
        return Optional.ofNullable(identity);
    }

    void identity(DeviceIdentity identity) {
        this.identity = identity;
    }

    public boolean isConnected() {
        return connected && route().isPresent();
    }

    void connected(boolean connected) {
        this.connected = connected;
    }

    EndpointRateLimiter rateLimiter() {
        return rateLimiter;
    }

    /**
     * A record from the agent arrived now (controller clock). True when the agent had been reported silent before:
     * it is back, and its contact must be handled as such.
     */
    synchronized boolean heard(long nowMillis) {
        lastHeardMillis = nowMillis;
        boolean wasSilent = reportedSilent;
        reportedSilent = false;
        return wasSilent;
    }

    /**
     * Marks the agent disconnected if it has been connected and silent since {@code deadlineMillis}; true when it
     * was, so the caller reports it exactly once. Atomic with {@link #heard(long)}: a record arriving meanwhile wins.
     */
    synchronized boolean markSilentIfQuietSince(long deadlineMillis) {
        if (reportedSilent || !isConnected() || lastHeardMillis >= deadlineMillis) {
            return false;
        }
        reportedSilent = true;
        connected = false;
        return true;
    }

    synchronized long lastHeardMillis() {
        return lastHeardMillis;
    }

    /** Whether the agent was set up to send Periodic! heartbeats, so its silence means it is gone. */
    boolean heartbeatExpected() {
        return heartbeatExpected;
    }

    void heartbeatExpected(boolean expected) {
        this.heartbeatExpected = expected;
    }

    /** True if the caller now owns the onboarding run; otherwise a re-run is requested from the owner. */
    boolean beginOnboarding() {
        if (onboarding.compareAndSet(false, true)) {
            onboardAgain = false;
            return true;
        }
        onboardAgain = true;
        return false;
    }

    /** The agent reported a boot (Boot! event) at this time. */
    void booted(long nanos) {
        lastBootNanos = nanos;
    }

    /** A full sync starts now. */
    void syncStarted(long nanos) {
        lastSyncStartNanos = nanos;
    }

    /**
     * True when the agent booted after the last full sync began: its values are stale. A Boot! that arrives while
     * a sync is already reading (the usual connect-record-then-Boot! sequence) does not cause a second sync.
     */
    boolean bootedSinceLastSync() {
        if (lastBootNanos == Long.MIN_VALUE) {
            return false;
        }
        return lastSyncStartNanos == Long.MIN_VALUE || lastBootNanos - lastSyncStartNanos > 0;
    }

    boolean isOnboarding() {
        return onboarding.get();
    }

    /** An onboarding run failed; returns how many have failed in a row. */
    synchronized int onboardingFailed() {
        return ++onboardingFailures;
    }

    synchronized void onboardingSucceeded() {
        onboardingFailures = 0;
    }

    /** Ends a run; true when another contact arrived meanwhile and the run must repeat. */
    boolean endOnboarding() {
        boolean again = onboardAgain;
        onboardAgain = false;
        onboarding.set(false);
        return again;
    }
}
