package io.cpeoperator.bridge.cwmp;

import io.cpeoperator.bridge.cwmp.auth.AuthMode;
import io.cpeoperator.bridge.cwmp.auth.AuthResult;
import io.cpeoperator.bridge.cwmp.auth.CpeAuthenticator;
import io.cpeoperator.bridge.cwmp.auth.InMemoryCredentialStore;
import io.cpeoperator.bridge.cwmp.connreq.ConnectionRequestOutcome;
import io.cpeoperator.bridge.cwmp.connreq.ConnectionRequestPolicy;
import io.cpeoperator.bridge.cwmp.testing.AcsFixture;
import io.cpeoperator.bridge.cwmp.testing.ScriptedCpe;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.twin.ParameterValue;
import io.cpeoperator.bridge.twin.TwinSchemaKey;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Connection Requests against an in-test CPE listener that insists on Digest (or Basic) authentication. */
class ConnectionRequestTest {

    private static final AtomicInteger SERIALS = new AtomicInteger();

    private final InMemoryCredentialStore credentials = new InMemoryCredentialStore();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final ExecutorService devices = Executors.newSingleThreadExecutor();
    private AcsFixture fixture;
    private Server listener;
    private volatile boolean basicOnly;
    private volatile ScriptedCpe sessionOnRequest;
    /** CPEs that open a session when their own listener path is asked; others fall back to sessionOnRequest. */
    private final Map<String, ScriptedCpe> sessionsByPath = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requestsByPath = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        fixture = new AcsFixture(CwmpAcsConfig.defaults().withConnectionRequests(
                new ConnectionRequestPolicy(Duration.ofSeconds(2), Duration.ofSeconds(30), 50)),
                credentials, Clock.systemUTC());
        // the CPE side: its own credential check, the ACS's authenticator reused in strict mode
        CpeAuthenticator cpeSide = new CpeAuthenticator(new InMemoryCredentialStore().putCpe("cr-user", "cr-pass"),
                AuthMode.STRICT, "cpe", Clock.systemUTC());
        listener = new Server();
        ServerConnector connector = new ServerConnector(listener);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        listener.addConnector(connector);
        listener.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String path = request.getHttpURI().getPath();
                requestsByPath.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
                if (authorization != null) {
                    authorizations.add(authorization);
                }
                boolean basic = authorization != null && authorization.startsWith("Basic ");
                AuthResult result = basicOnly && !basic ? AuthResult.refused(null, "basic-only")
                        : cpeSide.authenticate(authorization, request.getMethod());
                if (!result.accepted() || authorization == null) {
                    response.setStatus(401);
                    response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE,
                            basicOnly ? "Basic realm=\"cpe\"" : result.challenge());
                } else {
                    response.setStatus(200);
                    ScriptedCpe cpe = sessionsByPath.getOrDefault(path, sessionOnRequest);
                    if (cpe != null) {
                        devices.submit(() -> cpe.runSession("6 CONNECTION REQUEST"));
                    }
                }
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
                callback.succeeded();
                return true;
            }
        });
        listener.start();
    }

    @AfterEach
    void stop() throws Exception {
        devices.shutdownNow();
        listener.stop();
        fixture.close();
    }

    @Test
    void digestIsAnsweredWithTheDevicesCredentials() throws Exception {
        DeviceId id = knownDevice(listenerUrl());
        credentials.putConnectionRequest(id, "cr-user", "cr-pass");

        assertThat(fixture.acs.operations().wakeUp(id).get(5, TimeUnit.SECONDS))
                .isEqualTo(ConnectionRequestOutcome.ACCEPTED);
        assertThat(authorizations).singleElement().satisfies(a -> assertThat(a).startsWith("Digest username=\"cr-user\""));
        assertThat(fixture.counter("cpe.cwmp.connection.requests", "outcome", "accepted")).isEqualTo(1);
    }

    @Test
    void basicIsTheFallbackWhenTheDeviceOffersNothingElse() throws Exception {
        basicOnly = true;
        DeviceId id = knownDevice(listenerUrl());
        credentials.putConnectionRequest(id, "cr-user", "cr-pass");

        assertThat(fixture.acs.operations().wakeUp(id).get(5, TimeUnit.SECONDS))
                .isEqualTo(ConnectionRequestOutcome.ACCEPTED);
        assertThat(authorizations).singleElement().isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString("cr-user:cr-pass".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void wrongCredentialsAreReportedAsSuch() throws Exception {
        DeviceId id = knownDevice(listenerUrl());
        credentials.putConnectionRequest(id, "cr-user", "wrong");

        assertThat(fixture.acs.operations().wakeUp(id).get(5, TimeUnit.SECONDS))
                .isEqualTo(ConnectionRequestOutcome.AUTH_FAILED);
    }

    @Test
    void aDeviceIsAskedAtMostOncePerInterval() throws Exception {
        DeviceId id = knownDevice(listenerUrl());
        credentials.putConnectionRequest(id, "cr-user", "cr-pass");

        assertThat(fixture.acs.operations().wakeUp(id).get(5, TimeUnit.SECONDS))
                .isEqualTo(ConnectionRequestOutcome.ACCEPTED);
        assertThat(fixture.acs.operations().wakeUp(id).get(5, TimeUnit.SECONDS))
                .isEqualTo(ConnectionRequestOutcome.RECENTLY_ASKED);
    }

    @Test
    void unreachableAndUnknownDevicesAreReported() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DeviceId unreachable = knownDevice("http://127.0.0.1:" + closedPort + "/");
        assertThat(fixture.acs.operations().wakeUp(unreachable).get(5, TimeUnit.SECONDS))
                .isEqualTo(ConnectionRequestOutcome.UNREACHABLE);
        assertThat(fixture.acs.operations().wakeUp(DeviceId.cwmp("00D09E", "HGW", "never-seen"))
                .get(5, TimeUnit.SECONDS)).isEqualTo(ConnectionRequestOutcome.NO_URL);
    }

    @Test
    void aGatewayOperationWakesTheDeviceAndCompletesInTheSessionItOpens() throws Exception {
        String serial = "cr-" + SERIALS.incrementAndGet();
        ScriptedCpe cpe = new ScriptedCpe(fixture.port(), serial, "Device.").connectionRequestUrl(listenerUrl());
        DeviceId id = DeviceId.parse("cwmp:" + cpe.deviceKey());
        markSynced(id);
        cpe.runSession("2 PERIODIC");
        credentials.putConnectionRequest(id, "cr-user", "cr-pass");
        sessionOnRequest = cpe;

        fixture.acs.gateway().reboot(id, "ck-wake").toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(cpe.received()).singleElement().isEqualTo(new io.cpeoperator.bridge.cwmp.soap.rpc.Reboot("ck-wake"));
    }

    @Test
    void devicesBeyondTheAcsWideRateAreAskedAsSoonAsItAllowsNoneLeftForTheirNextInform() throws Exception {
        restartWith(new ConnectionRequestPolicy(Duration.ofSeconds(2), Duration.ofSeconds(30), 1));
        List<ScriptedCpe> cpes = List.of(answeringDevice("a"), answeringDevice("b"), answeringDevice("c"));

        List<java.util.concurrent.CompletableFuture<Void>> reboots = cpes.stream().map(cpe -> fixture.acs.gateway()
                .reboot(idOf(cpe), "fleet-change").toCompletableFuture()).toList();

        // one token a second: the first device is asked at once, the other two wait for theirs
        assertThat(outcomes("rate_limited")).as("retries held back again are not counted again").isEqualTo(2);
        java.util.concurrent.CompletableFuture.allOf(reboots.toArray(java.util.concurrent.CompletableFuture[]::new))
                .get(10, TimeUnit.SECONDS);
        assertThat(cpes).allSatisfy(cpe -> assertThat(cpe.received())
                .containsExactly(new io.cpeoperator.bridge.cwmp.soap.rpc.Reboot("fleet-change")));
        assertThat(outcomes("accepted")).isEqualTo(3);
        awaitNoneWaiting();
    }

    @Test
    void aDeviceAskedMomentsAgoIsAskedAgainWhenItsIntervalPassesIfWorkStillWaits() throws Exception {
        restartWith(new ConnectionRequestPolicy(Duration.ofSeconds(2), Duration.ofMillis(800), 50));
        ScriptedCpe cpe = answeringDevice("late");
        sessionsByPath.remove("/cr/late"); // the first request is accepted, but no session follows
        assertThat(fixture.acs.operations().wakeUp(idOf(cpe)).get(5, TimeUnit.SECONDS))
                .isEqualTo(ConnectionRequestOutcome.ACCEPTED);
        sessionsByPath.put("/cr/late", cpe);

        java.util.concurrent.CompletableFuture<Void> reboot = fixture.acs.gateway().reboot(idOf(cpe), "again")
                .toCompletableFuture();

        reboot.get(10, TimeUnit.SECONDS);
        assertThat(outcomes("recently_asked")).isEqualTo(1);
        assertThat(requestsByPath.get("/cr/late").get()).as("two requests, each answered 401 then 200").isEqualTo(4);
        awaitNoneWaiting();
    }

    @Test
    void aDeviceInASessionIsNotAskedAndLeavesTheWaitListOnceTheSessionTookTheWork() throws Exception {
        ScriptedCpe cpe = answeringDevice("busy");
        try (io.cpeoperator.bridge.cwmp.testing.RawHttpConnection connection = fixture.connect()) {
            String cookie = cpe.inform(connection, "2 PERIODIC");
            java.util.concurrent.CompletableFuture<Void> reboot = fixture.acs.gateway().reboot(idOf(cpe), "in-session")
                    .toCompletableFuture();
            cpe.serve(connection, cookie, new byte[0]);
            reboot.get(5, TimeUnit.SECONDS);
        }
        assertThat(requestsByPath.get("/cr/busy")).isNull();
        awaitNoneWaiting();
    }

    private void restartWith(ConnectionRequestPolicy policy) throws Exception {
        fixture.close();
        fixture = new AcsFixture(CwmpAcsConfig.defaults().withConnectionRequests(policy), credentials,
                Clock.systemUTC());
    }

    /** A known device whose Connection Request listener path opens a session; its credentials are set. */
    private ScriptedCpe answeringDevice(String name) throws Exception {
        ScriptedCpe cpe = new ScriptedCpe(fixture.port(), "cr-" + name + "-" + SERIALS.incrementAndGet(), "Device.")
                .connectionRequestUrl(listenerUrl() + "/" + name);
        DeviceId id = idOf(cpe);
        markSynced(id);
        cpe.runSession("2 PERIODIC");
        cpe.received().clear();
        credentials.putConnectionRequest(id, "cr-user", "cr-pass");
        sessionsByPath.put("/cr/" + name, cpe);
        return cpe;
    }

    private static DeviceId idOf(ScriptedCpe cpe) {
        return DeviceId.parse("cwmp:" + cpe.deviceKey());
    }

    private double outcomes(String outcome) {
        return fixture.counter("cpe.cwmp.connection.requests", "outcome", outcome);
    }

    private void awaitNoneWaiting() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (fixture.acs.operations().waitingForWakeUp() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20); // the ACS's own timer drops a device nothing waits for
        }
        assertThat(fixture.acs.operations().waitingForWakeUp()).isZero();
    }

    private DeviceId knownDevice(String connectionRequestUrl) throws Exception {
        ScriptedCpe cpe = new ScriptedCpe(fixture.port(), "cr-" + SERIALS.incrementAndGet(), "Device.")
                .connectionRequestUrl(connectionRequestUrl);
        DeviceId id = DeviceId.parse("cwmp:" + cpe.deviceKey());
        markSynced(id);
        cpe.runSession("2 PERIODIC");
        return id;
    }

    private void markSynced(DeviceId id) {
        fixture.twins.applySnapshot(id, new TwinSchemaKey("00D09E", "HGW", "1.0"),
                List.of(ParameterValue.of("Device.DeviceInfo.SoftwareVersion", "1.0")), Instant.now());
    }

    private String listenerUrl() {
        return "http://127.0.0.1:" + ((ServerConnector) listener.getConnectors()[0]).getLocalPort() + "/cr";
    }
}
