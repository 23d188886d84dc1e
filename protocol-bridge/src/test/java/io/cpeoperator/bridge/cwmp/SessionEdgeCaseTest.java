package io.cpeoperator.bridge.cwmp;

import io.cpeoperator.bridge.cwmp.soap.CwmpCodec;
import io.cpeoperator.bridge.cwmp.soap.CwmpEnvelope;
import io.cpeoperator.bridge.cwmp.soap.CwmpMessage;
import io.cpeoperator.bridge.cwmp.soap.CwmpVersion;
import io.cpeoperator.bridge.cwmp.soap.SoapLimits;
import io.cpeoperator.bridge.cwmp.soap.rpc.AutonomousTransferComplete;
import io.cpeoperator.bridge.cwmp.soap.rpc.CwmpFault;
import io.cpeoperator.bridge.cwmp.soap.rpc.DeviceIdStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.EventStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.FaultStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetRPCMethods;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetRPCMethodsResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.Inform;
import io.cpeoperator.bridge.cwmp.soap.rpc.Reboot;
import io.cpeoperator.bridge.cwmp.soap.rpc.RebootResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.RequestDownload;
import io.cpeoperator.bridge.cwmp.soap.rpc.SetParameterValues;
import io.cpeoperator.bridge.cwmp.soap.rpc.SetParameterValuesResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.TransferComplete;
import io.cpeoperator.bridge.cwmp.soap.rpc.TransferCompleteResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.ParameterValueStruct;
import io.cpeoperator.bridge.cwmp.testing.AcsFixture;
import io.cpeoperator.bridge.cwmp.testing.RawHttpConnection;
import io.cpeoperator.bridge.cwmp.testing.RawHttpConnection.Reply;
import io.cpeoperator.bridge.cwmp.testing.ScriptedCpe;
import io.cpeoperator.bridge.device.DeviceEvent;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.twin.ParameterValue;
import io.cpeoperator.bridge.twin.TwinSchemaKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Stale cookies, HoldRequests, vanishing devices, timeouts, one session per device, versions, CPE requests. */
class SessionEdgeCaseTest {

    private final CwmpCodec codec = new CwmpCodec(SoapLimits.defaults());
    private AcsFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private ScriptedCpe start(CwmpAcsConfig config, String serial) throws Exception {
        fixture = new AcsFixture(config);
        ScriptedCpe cpe = new ScriptedCpe(fixture.port(), config.path(), serial, "Device.");
        // an already synced twin: these sessions carry only what the tests queue
        fixture.twins.applySnapshot(id(cpe), new TwinSchemaKey("00D09E", "HGW", "1.0"),
                List.of(ParameterValue.of("Device.DeviceInfo.SoftwareVersion", "1.0")), Instant.now());
        return cpe;
    }

    @Test
    void devicesSharingOneConnectionBehindAProxyKeepTheirOwnSessionsByCookie() throws Exception {
        ScriptedCpe first = start(CwmpAcsConfig.defaults(), "proxy-1");
        ScriptedCpe second = new ScriptedCpe(fixture.port(), CwmpAcsConfig.defaults().path(), "proxy-2", "Device.");
        fixture.twins.applySnapshot(id(second), new TwinSchemaKey("00D09E", "HGW", "1.0"),
                List.of(ParameterValue.of("Device.DeviceInfo.SoftwareVersion", "1.0")), Instant.now());
        CompletableFuture<RebootResponse> firstReboot = fixture.acs.operations().submit(id(first), new Reboot("one"));
        CompletableFuture<RebootResponse> secondReboot = fixture.acs.operations().submit(id(second), new Reboot("two"));

        // a reverse proxy interleaves both devices' requests on one pooled upstream connection
        try (RawHttpConnection pooled = fixture.connect()) {
            String firstCookie = first.inform(pooled, "2 PERIODIC");
            String secondCookie = second.inform(pooled, "2 PERIODIC");
            assertThat(secondCookie).isNotEqualTo(firstCookie);

            assertThat(first.serve(pooled, firstCookie, new byte[0])).containsExactly(new Reboot("one"));
            assertThat(second.serve(pooled, secondCookie, new byte[0])).containsExactly(new Reboot("two"));
        }
        assertThat(firstReboot).succeedsWithin(java.time.Duration.ofSeconds(5));
        assertThat(secondReboot).succeedsWithin(java.time.Duration.ofSeconds(5));
    }

    @Test
    void aStaleCookieNeverResumesAnOldSession() throws Exception {
        ScriptedCpe cpe = start(CwmpAcsConfig.defaults(), "edge-1");
        String first;
        try (RawHttpConnection connection = fixture.connect()) {
            first = cpe.inform(connection, "2 PERIODIC");
            cpe.serve(connection, first, new byte[0]);
        }
        CompletableFuture<RebootResponse> reboot = fixture.acs.operations().submit(id(cpe), new Reboot("r"));

        // a new connection sending only the old cookie is no session: nothing is handed out to it
        try (RawHttpConnection connection = fixture.connect()) {
            assertThat(cpe.post(connection, first, new byte[0]).status()).isEqualTo(204);
        }
        // the next Inform carries the stale cookie (ScriptedCpe echoes it) and still gets a new session
        try (RawHttpConnection connection = fixture.connect()) {
            String second = cpe.inform(connection, "6 CONNECTION REQUEST");
            assertThat(second).isNotEqualTo(first);
            assertThat(cpe.serve(connection, second, new byte[0])).containsExactly(new Reboot("r"));
        }
        assertThat(reboot).isCompleted();
    }

    @Test
    void holdRequestsKeepsTheCpeQuietUntilTheQueuedWorkIsDone() throws Exception {
        ScriptedCpe cpe = start(CwmpAcsConfig.defaults().withHoldRequestsWhenQueued(true), "edge-2");
        CompletableFuture<RebootResponse> reboot = fixture.acs.operations().submit(id(cpe), new Reboot("r"));
        try (RawHttpConnection connection = fixture.connect()) {
            Reply informResponse = connection.post("/", cpe.informBytes("2 PERIODIC", "7 TRANSFER COMPLETE"));
            String cookie = informResponse.sessionCookie();
            assertThat(codec.decode(informResponse.body()).holdRequests()).isTrue();

            Reply request = cpe.post(connection, cookie, new byte[0]);
            CwmpEnvelope rebootRequest = codec.decode(request.body());
            assertThat(rebootRequest.holdRequests()).isTrue();
            assertThat(rebootRequest.message()).isEqualTo(new Reboot("r"));
            Reply end = cpe.post(connection, cookie, envelope(rebootRequest.id(), new RebootResponse()));
            assertThat(end.status()).isEqualTo(204);

            // HoldRequests is over with the empty answer: the CPE now sends what it held back
            Reply held = cpe.post(connection, cookie, envelope("held-1",
                    new TransferComplete("old-ck", FaultStruct.SUCCESS, "", "")));
            assertThat(codec.decode(held.body())).isEqualTo(CwmpEnvelope.of(CwmpVersion.V1_0, "held-1",
                    new TransferCompleteResponse()));
            assertThat(cpe.post(connection, cookie, new byte[0]).status()).isEqualTo(204);
        }
        assertThat(reboot).isCompleted();

        // nothing queued: no HoldRequests
        try (RawHttpConnection connection = fixture.connect()) {
            Reply informResponse = connection.post("/", cpe.informBytes("2 PERIODIC"));
            assertThat(codec.decode(informResponse.body()).holdRequests()).isFalse();
        }
    }

    @Test
    void aDeviceThatVanishesMidSessionGetsItsRequestsInTheNextSessionExactlyOnce() throws Exception {
        ScriptedCpe cpe = start(CwmpAcsConfig.defaults(), "edge-3");
        SetParameterValues set = new SetParameterValues(List.of(ParameterValueStruct.string("Device.X", "1")), "k");
        CompletableFuture<SetParameterValuesResponse> setAnswer = fixture.acs.operations().submit(id(cpe), set);
        CompletableFuture<RebootResponse> rebootAnswer = fixture.acs.operations().submit(id(cpe), new Reboot("r"));
        try (RawHttpConnection connection = fixture.connect()) {
            String cookie = cpe.inform(connection, "2 PERIODIC");
            assertThat(codec.decode(cpe.post(connection, cookie, new byte[0]).body()).message()).isEqualTo(set);
            // gone without an answer
        }
        assertThat(setAnswer).isNotDone();

        List<CwmpMessage> next = cpe.runSession("2 PERIODIC");

        assertThat(next).containsExactly(set, new Reboot("r"));
        assertThat(setAnswer.get(1, TimeUnit.SECONDS)).isEqualTo(new SetParameterValuesResponse(0));
        assertThat(rebootAnswer).isCompleted();
        assertThat(cpe.runSession("2 PERIODIC")).isEmpty();
        assertThat(fixture.counter("cpe.cwmp.sessions.ended", "outcome", "superseded")).isEqualTo(1);
    }

    @Test
    void aTimedOutSessionReturnsItsRequestAndIgnoresTheLateAnswer() throws Exception {
        ScriptedCpe cpe = start(CwmpAcsConfig.defaults().withSessionTimeout(Duration.ofMillis(300)), "edge-4");
        CompletableFuture<RebootResponse> reboot = fixture.acs.operations().submit(id(cpe), new Reboot("r"));
        String cookie;
        CwmpEnvelope request;
        try (RawHttpConnection connection = fixture.connect()) {
            cookie = cpe.inform(connection, "2 PERIODIC");
            request = codec.decode(cpe.post(connection, cookie, new byte[0]).body());
            await(() -> fixture.acs.activeSessions() == 0);
        }
        // the idle connection was closed with the session; the late answer comes on a new one, with the cookie
        try (RawHttpConnection connection = fixture.connect()) {
            Reply late = cpe.post(connection, cookie, envelope(request.id(), new RebootResponse()));
            assertThat(late.status()).isEqualTo(204);
        }
        assertThat(reboot).isNotDone();
        assertThat(fixture.counter("cpe.cwmp.sessions.ended", "outcome", "timeout")).isEqualTo(1);

        assertThat(cpe.runSession("2 PERIODIC")).containsExactly(new Reboot("r"));
        assertThat(reboot).isCompleted();
    }

    @Test
    void onlyOneSessionPerDeviceAtATime() throws Exception {
        ScriptedCpe cpe = start(CwmpAcsConfig.defaults(), "edge-5");
        CompletableFuture<RebootResponse> reboot = fixture.acs.operations().submit(id(cpe), new Reboot("r"));
        try (RawHttpConnection a = fixture.connect(); RawHttpConnection b = fixture.connect()) {
            String cookieA = cpe.inform(a, "2 PERIODIC");
            String cookieB = cpe.inform(b, "2 PERIODIC");

            assertThat(cpe.post(a, cookieA, new byte[0]).status()).isEqualTo(204);
            assertThat(cpe.serve(b, cookieB, new byte[0])).containsExactly(new Reboot("r"));
        }
        assertThat(reboot).isCompleted();
        assertThat(cpe.received()).hasSize(1);
    }

    @Test
    void aSessionIsAnsweredInTheDevicesCwmpVersion() throws Exception {
        ScriptedCpe cpe = start(CwmpAcsConfig.defaults(), "edge-6").version(CwmpVersion.V1_2);
        fixture.acs.operations().submit(id(cpe), new Reboot("r"));
        try (RawHttpConnection connection = fixture.connect()) {
            Reply informResponse = connection.post("/", cpe.informBytes("2 PERIODIC"));
            assertThat(informResponse.text()).contains("xmlns:cwmp=\"urn:dslforum-org:cwmp-1-2\"");
            Reply request = cpe.post(connection, informResponse.sessionCookie(), new byte[0]);
            assertThat(codec.decode(request.body()).version()).isEqualTo(CwmpVersion.V1_2);
        }
    }

    @Test
    void cpeRequestsAreAnsweredAndUnsupportedOnesFaulted() throws Exception {
        ScriptedCpe cpe = start(CwmpAcsConfig.defaults(), "edge-7");
        try (RawHttpConnection connection = fixture.connect()) {
            String cookie = cpe.inform(connection, "2 PERIODIC");
            CwmpMessage methods = codec.decode(cpe.post(connection, cookie, envelope("c1", new GetRPCMethods())).body())
                    .message();
            assertThat(((GetRPCMethodsResponse) methods).methods()).contains("Inform", "TransferComplete");
            assertThat(codec.decode(cpe.post(connection, cookie, envelope("c2",
                    new RequestDownload("2 Web Content", List.of()))).body()).message().name())
                    .isEqualTo("RequestDownloadResponse");
            assertThat(codec.decode(cpe.post(connection, cookie, envelope("c3", new AutonomousTransferComplete(
                    "", "http://x/fw.bin", true, "1 Firmware Upgrade Image", 5, "", new FaultStruct(9010, "failed"),
                    "", ""))).body()).message().name()).isEqualTo("AutonomousTransferCompleteResponse");
            CwmpEnvelope refused = codec.decode(cpe.post(connection, cookie, envelope("c4", new Reboot("x"))).body());
            assertThat(refused.id()).isEqualTo("c4");
            assertThat(((CwmpFault) refused.message()).faultCode()).isEqualTo(8000);
            assertThat(cpe.post(connection, cookie, new byte[0]).status()).isEqualTo(204);
        }
        assertThat(fixture.events(DeviceEvent.OperationCompleted.class)).singleElement()
                .satisfies(e -> assertThat(e.faultCode()).isEqualTo(9010));
        assertThat(fixture.events(DeviceEvent.Other.class)).anyMatch(e -> e.name().equals("RequestDownload"));
    }

    @Test
    void everyInformEventBecomesADeviceEvent() throws Exception {
        ScriptedCpe cpe = start(CwmpAcsConfig.defaults(), "edge-8");
        byte[] inform = codec.encode(CwmpEnvelope.of(CwmpVersion.V1_0, "i", new Inform(
                new DeviceIdStruct("Test Networks", "00D09E", "HGW", "edge-8"),
                List.of(EventStruct.of("1 BOOT"), new EventStruct("M Reboot", "ck-7"), EventStruct.of("4 VALUE CHANGE"),
                        EventStruct.of("8 DIAGNOSTICS COMPLETE"), new EventStruct("M ScheduleInform", "si"),
                        EventStruct.of("X 00D09E Vendor")), 1, "", 0,
                List.of(ParameterValueStruct.string("Device.WiFi.SSID.1.SSID", "changed")))));
        try (RawHttpConnection connection = fixture.connect()) {
            assertThat(connection.post("/", inform).status()).isEqualTo(200);
        }
        assertThat(fixture.events(DeviceEvent.Booted.class)).singleElement()
                .satisfies(b -> assertThat(b.cause()).isEqualTo("1 BOOT"));
        assertThat(fixture.events(DeviceEvent.TwinChanged.class)).singleElement()
                .satisfies(t -> assertThat(t.paths()).contains("Device.WiFi.SSID.1.SSID"));
        assertThat(fixture.events(DeviceEvent.Other.class)).extracting(DeviceEvent.Other::name)
                .containsExactly("M Reboot", "8 DIAGNOSTICS COMPLETE", "M ScheduleInform", "X 00D09E Vendor");
        assertThat(fixture.events(DeviceEvent.Other.class).get(0).details()).containsEntry("commandKey", "ck-7");
        assertThat(fixture.twins.get(id(cpe), "Device.WiFi.SSID.1.SSID"))
                .hasValueSatisfying(p -> assertThat(p.value()).isEqualTo("changed"));
        assertThat(fixture.acs.gateway().isConnected(id(cpe))).isTrue();
    }

    @Test
    void theEndpointAnswersOnlyItsConfiguredPath() throws Exception {
        ScriptedCpe cpe = start(CwmpAcsConfig.defaults().withPath("/acs"), "edge-9");
        try (RawHttpConnection connection = fixture.connect()) {
            assertThat(connection.post("/", cpe.informBytes("2 PERIODIC")).status()).isEqualTo(404);
        }
        assertThat(cpe.runSession("2 PERIODIC")).isEmpty();
    }

    private byte[] envelope(String id, CwmpMessage message) {
        return codec.encode(CwmpEnvelope.of(CwmpVersion.V1_0, id, message));
    }

    private static DeviceId id(ScriptedCpe cpe) {
        return DeviceId.parse("cwmp:" + cpe.deviceKey());
    }

    /** Waits for a condition the ACS reaches on its own timer (the session sweeper), failing after 5 s. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("condition not reached in time").isNegative();
            Thread.sleep(20);
        }
    }
}
