package io.cpeoperator.bridge.cwmp.registry;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Future;

/**
 * One device's retries of a failed full sync: whether a sync is owed, how many Connection Requests were sent for it
 * since the last successful sync, and the one timer pending. A few fields per device: no thread, no task, when idle.
 */
public final class SyncRetryState {

    private boolean owed;
    private Instant owedSince;
    private int attempts;
    private boolean gaveUp;
    private Future<?> pending;

    /** A full sync failed at {@code at}: the device owes one, whatever its twin says. */
    public synchronized void failed(Instant at) {
        if (!owed) {
            owed = true;
            owedSince = at;
        }
    }

    /** True while a full sync failed and none succeeded since (a BOOTSTRAP sync of a device with a twin, too). */
    public synchronized boolean owed() {
        return owed;
    }

    public synchronized Optional<Instant> owedSince() {
        return Optional.ofNullable(owedSince);
    }

    public synchronized int attempts() {
        return attempts;
    }

    /** Counts one Connection Request sent for the retry and returns how many there were. */
    public synchronized int attempted() {
        return ++attempts;
    }

    /** True once, when the retries are used up: the ACS waits for the device's own next session from then on. */
    public synchronized boolean giveUp() {
        cancelPending();
        if (gaveUp) {
            return false;
        }
        gaveUp = true;
        return true;
    }

    public synchronized boolean gaveUp() {
        return gaveUp;
    }

    /** The timer of the next retry; the one before, if any, is cancelled. */
    public synchronized void pending(Future<?> timer) {
        cancelPending();
        pending = timer;
    }

    /** The device came by itself or is forgotten: the timer set for it is not needed. */
    public synchronized void cancelPending() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    /** The sync succeeded (or the device is forgotten): the next failure starts from the first, shortest delay. */
    public synchronized void reset() {
        cancelPending();
        owed = false;
        owedSince = null;
        attempts = 0;
        gaveUp = false;
    }
}
