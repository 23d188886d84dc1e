package io.cpeoperator.simulator.support;

import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.simulator.engine.ManagementAgent;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** A management agent that counts power transitions instead of talking to a server. */
public final class CountingAgent implements ManagementAgent {

    public final AtomicInteger onlines = new AtomicInteger();
    public final AtomicInteger offlines = new AtomicInteger();
    public final AtomicInteger transfers = new AtomicInteger();
    public volatile CountDownLatch onlineLatch = new CountDownLatch(1);

    @Override
    public DeviceId id() {
        return DeviceId.usp("test");
    }

    @Override
    public void goOnline() {
        onlines.incrementAndGet();
        onlineLatch.countDown();
    }

    @Override
    public void goOffline() {
        offlines.incrementAndGet();
    }

    @Override
    public void transferCompleted() {
        transfers.incrementAndGet();
    }

    @Override
    public boolean isOnline() {
        return true;
    }
}
