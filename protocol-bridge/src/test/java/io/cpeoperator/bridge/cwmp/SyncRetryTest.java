package io.cpeoperator.bridge.cwmp;

import io.cpeoperator.bridge.cwmp.auth.InMemoryCredentialStore;
import io.cpeoperator.bridge.cwmp.connreq.ConnectionRequestPolicy;
import io.cpeoperator.bridge.cwmp.soap.rpc.CwmpFault;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetParameterNames;
import io.cpeoperator.bridge.cwmp.sync.SyncRetryPolicy;
import io.cpeoperator.bridge.cwmp.sync.TwinSyncPolicy;
import io.cpeoperator.bridge.cwmp.testing.AcsFixture;
import io.cpeoperator.bridge.cwmp.testing.ConnectionRequestListener;
import io.cpeoperator.bridge.cwmp.testing.RawHttpConnection;
import io.cpeoperator.bridge.cwmp.testing.ScriptedCpe;
import io.cpeoperator.bridge.device.DeviceEvent;
import io.cpeoperator.bridge.device.DeviceId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full sync that fails for a passing reason is retried soon through a Connection Request, on a backoff, a bounded
 * number of times; a device that comes by itself needs none, and a failure that will not pass is not retried.
 */
class SyncRetryTest {

    private static final Duration INITIAL = Duration.ofMillis(100);
    private static final Duration MAX = Duration.ofMillis(400);

    private final Semaphore synced = new Semaphore(0);
    private final Semaphore failed = new Semaphore(0);
    private final AtomicBoolean failing = new AtomicBoolean();
    private AcsFixture fixture;
    private ConnectionRequestListener listener;

    @AfterEach
    void stop() throws Exception {
        if (listener != null) {
            listener.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    private ScriptedCpe start(SyncRetryPolicy retry, TwinSyncPolicy sync, String serial) throws Exception {
        // every Connection Request goes out: the per-device interval would hide the backoff under test
        fixture = new AcsFixture(CwmpAcsConfig.defaults().withSessionTimeout(Duration.ofMillis(300))
                .withConnectionRequests(new ConnectionRequestPolicy(Duration.ofSeconds(2), Duration.ZERO, 50))
                .withSync(sync.withRetry(retry)), new InMemoryCredentialStore(), Clock.systemUTC());
        fixture.acs.subscribe(event -> {
            if (event instanceof DeviceEvent.Synced) {
                synced.release();
            } else if (event instanceof DeviceEvent.SyncFailed) {
                failed.release();
            }
        });
        ScriptedCpe cpe = new ScriptedCpe(fixture.port(), serial, "Device.");
        ScriptedCpe model = new ScriptedCpe(fixture.port(), "model", "Device.");
        // a busy device: "internal error" on the walk, full or level by level, while failing is set
        cpe.override(GetParameterNames.NAME, request -> failing.get()
                ? CwmpFault.of(CwmpFault.CPE_INTERNAL_ERROR, "Internal error") : model.answer(request));
        listener = new ConnectionRequestListener().onRequest(() -> cpe.runSession("6 CONNECTION REQUEST"));
        cpe.connectionRequestUrl(listener.url());
        return cpe;
    }

    private ScriptedCpe start(SyncRetryPolicy retry, String serial) throws Exception {
        return start(retry, TwinSyncPolicy.defaults(), serial);
    }

    private static SyncRetryPolicy retries(int maxAttempts) {
        return new SyncRetryPolicy(INITIAL, MAX, maxAttempts, 0);
    }

    @Test
    void aSessionDroppedMidWalkIsFollowedByAConnectionRequestAndASyncInTheSessionItOpens() throws Exception {
        ScriptedCpe cpe = start(retries(3), "retry-dropped");
        try (RawHttpConnection connection = fixture.connect()) {
            String cookie = cpe.inform(connection, "2 PERIODIC");
            assertThat(cpe.post(connection, cookie, new byte[0]).text()).contains("GetParameterNames");
            // the device goes away without answering: the session times out and takes the sync with it
        }

        assertThat(failed.tryAcquire(5, TimeUnit.SECONDS)).isTrue();
        assertThat(synced.tryAcquire(5, TimeUnit.SECONDS)).isTrue();

        assertThat(listener.count()).isEqualTo(1);
        assertThat(fixture.events(DeviceEvent.Synced.class)).singleElement()
                .satisfies(s -> assertThat(s.parameterCount()).isEqualTo(6));
        assertThat(fixture.twins.needsFullSync(id(cpe))).isFalse();
        assertThat(retryCount("scheduled")).isEqualTo(1);
        assertThat(retryCount("requested")).isEqualTo(1);
        assertThat(fixture.counter("cpe.cwmp.connection.requests", "outcome", "accepted")).isEqualTo(1);
    }

    @Test
    void repeatedFailuresBackOffAndStopAfterTheMaxAttempts() throws Exception {
        ScriptedCpe cpe = start(retries(3), "retry-busy");
        failing.set(true);

        cpe.runSession("2 PERIODIC");

        // the first failure and one more in each of the three sessions the Connection Requests bring
        assertThat(failed.tryAcquire(4, 10, TimeUnit.SECONDS)).isTrue();
        await(() -> retryCount("gave_up") == 1);
        List<Long> requests = listener.receivedNanos();
        assertThat(requests).hasSize(3);
        // 100 ms, 200 ms, 400 ms: each request waits at least its delay after the session before it
        assertThat(TimeUnit.NANOSECONDS.toMillis(requests.get(1) - requests.get(0))).isGreaterThanOrEqualTo(190);
        assertThat(TimeUnit.NANOSECONDS.toMillis(requests.get(2) - requests.get(1))).isGreaterThanOrEqualTo(390);

        Thread.sleep(3 * MAX.toMillis()); // proving an absence: longer than any delay the policy allows
        assertThat(listener.count()).isEqualTo(3);
        assertThat(retryCount("gave_up")).isEqualTo(1);
        assertThat(fixture.events(DeviceEvent.SyncFailed.class)).hasSize(4);

        // the device's own next session still syncs
        failing.set(false);
        cpe.runSession("2 PERIODIC");
        assertThat(fixture.events(DeviceEvent.Synced.class)).hasSize(1);
    }

    @Test
    void aDeviceThatComesByItselfBeforeTheRetryIsSyncedWithoutAConnectionRequest() throws Exception {
        ScriptedCpe cpe = start(new SyncRetryPolicy(Duration.ofMillis(500), Duration.ofSeconds(1), 3, 0),
                "retry-self");
        failing.set(true);
        cpe.runSession("2 PERIODIC");
        assertThat(retryCount("scheduled")).isEqualTo(1);

        failing.set(false);
        cpe.runSession("2 PERIODIC");
        assertThat(fixture.events(DeviceEvent.Synced.class)).hasSize(1);

        Thread.sleep(1_000); // proving an absence: past the retry's 500 ms
        assertThat(listener.count()).isZero();
        assertThat(retryCount("requested")).isZero();
    }

    @Test
    void aSuccessfulSyncStartsTheAttemptsAgain() throws Exception {
        ScriptedCpe cpe = start(retries(1), "retry-reset");
        // the device is busy in the sessions it opens by itself, and free when asked by a Connection Request
        listener.onRequest(() -> {
            failing.set(false);
            return cpe.runSession("6 CONNECTION REQUEST");
        });
        failing.set(true);
        cpe.runSession("2 PERIODIC");
        assertThat(synced.tryAcquire(5, TimeUnit.SECONDS)).isTrue();

        // the device is known and its twin whole: only the failed sync itself says that one is owed
        failing.set(true);
        cpe.runSession("0 BOOTSTRAP");
        assertThat(synced.tryAcquire(5, TimeUnit.SECONDS)).isTrue();

        assertThat(listener.count()).isEqualTo(2);
        assertThat(fixture.events(DeviceEvent.SyncFailed.class)).hasSize(2);
        assertThat(retryCount("gave_up")).isZero();
    }

    @Test
    void aTreeLargerThanAcceptedIsNotRetried() throws Exception {
        ScriptedCpe cpe = start(retries(3), TwinSyncPolicy.defaults().withMaxParameters(3), "retry-huge");

        cpe.runSession("2 PERIODIC");

        assertThat(fixture.events(DeviceEvent.SyncFailed.class)).singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("more than 3 parameters"));
        assertThat(retryCount("permanent")).isEqualTo(1);
        assertThat(retryCount("scheduled")).isZero();
        Thread.sleep(3 * INITIAL.toMillis()); // proving an absence
        assertThat(listener.count()).isZero();
    }

    @Test
    void aForgottenDeviceIsNotAskedAgain() throws Exception {
        ScriptedCpe cpe = start(new SyncRetryPolicy(Duration.ofMillis(300), MAX, 3, 0), "retry-forgotten");
        failing.set(true);
        cpe.runSession("2 PERIODIC");
        assertThat(retryCount("scheduled")).isEqualTo(1);

        fixture.acs.gateway().forget(id(cpe));

        Thread.sleep(700); // proving an absence: past the retry's 300 ms
        assertThat(listener.count()).isZero();
    }

    private double retryCount(String outcome) {
        return fixture.counter("cpe.cwmp.sync.retries", "outcome", outcome);
    }

    /** For counters updated right after the event a test waited for. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }

    private static DeviceId id(ScriptedCpe cpe) {
        return DeviceId.parse("cwmp:" + cpe.deviceKey());
    }
}
