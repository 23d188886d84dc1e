package io.cpeoperator.bridge.cwmp;

import io.cpeoperator.bridge.cwmp.CapturedVectors.Message;
import io.cpeoperator.bridge.cwmp.soap.CwmpCodec;
import io.cpeoperator.bridge.cwmp.soap.CwmpEnvelope;
import io.cpeoperator.bridge.cwmp.soap.CwmpRequest;
import io.cpeoperator.bridge.cwmp.soap.SoapLimits;
import io.cpeoperator.bridge.cwmp.soap.rpc.AddObjectResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.Download;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetParameterNamesResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.SetParameterValuesResponse;
import io.cpeoperator.bridge.cwmp.testing.AcsFixture;
import io.cpeoperator.bridge.cwmp.testing.RawHttpConnection;
import io.cpeoperator.bridge.device.DeviceEvent;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.device.DeviceOperationException;
import io.cpeoperator.bridge.device.FirmwareDownload;
import io.cpeoperator.bridge.twin.ParameterValue;
import io.cpeoperator.bridge.twin.TwinSchemaKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays the CPE side of both genieacs-sim captures, byte for byte, against the ACS, with the requests the capture
 * ACS sent queued as operations; every ACS reply must be the envelope (or the 204) the captured device accepted.
 */
class CapturedSessionReplayTest {

    private final CwmpCodec codec = new CwmpCodec(SoapLimits.defaults());
    private AcsFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new AcsFixture(CwmpAcsConfig.defaults());
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void tr098CaptureIsAnsweredAsTheCapturedDeviceExpects() throws Exception {
        DeviceId device = DeviceId.cwmp("202BC1", "BM632w", "000000");
        markSynced(device, "InternetGatewayDevice.");
        List<CompletionStage<?>> answers = queueCapturedRequests(CapturedVectors.TR098, device);

        replay(CapturedVectors.TR098);

        assertFault(answers.get(0), 9000); // GetRPCMethods
        assertThat(answers.get(1).toCompletableFuture().get(1, TimeUnit.SECONDS))
                .isInstanceOfSatisfying(GetParameterNamesResponse.class, r -> assertThat(r.parameters()).hasSize(10));
        assertThat(answers.get(3).toCompletableFuture().get(1, TimeUnit.SECONDS))
                .isEqualTo(new SetParameterValuesResponse(0));
        assertThat(answers.get(5).toCompletableFuture().get(1, TimeUnit.SECONDS))
                .isEqualTo(new AddObjectResponse(5, 0));
        assertFault(answers.get(8), 9000); // Reboot
        assertFault(answers.get(9), 9000); // GetParameterAttributes
        assertThat(answers.get(10).toCompletableFuture().get(1, TimeUnit.SECONDS)).isNull(); // Download accepted

        // the Download accepted in the first session completes by CommandKey in the second
        assertThat(fixture.events(DeviceEvent.OperationCompleted.class)).singleElement().satisfies(done -> {
            assertThat(done.command()).isEqualTo("Download");
            assertThat(done.commandKey()).isEqualTo("dl-ck-1");
            assertThat(done.succeeded()).isTrue();
        });
        assertThat(fixture.events(DeviceEvent.Connected.class)).extracting(DeviceEvent.Connected::reasons)
                .containsExactly(java.util.Set.of("2 PERIODIC"), java.util.Set.of("6 CONNECTION REQUEST"));
        assertThat(fixture.acs.gateway().identity(device)).hasValueSatisfying(identity -> {
            assertThat(identity.softwareVersion()).isEqualTo("V100R001IRQC56B017");
            assertThat(identity.dataModelRoot()).isEqualTo("InternetGatewayDevice.");
        });
        assertThat(fixture.twins.get(device, "InternetGatewayDevice.DeviceInfo.ProvisioningCode"))
                .hasValueSatisfying(p -> assertThat(p.value()).isEqualTo("PC-ACS-0001"));
    }

    @Test
    void tr181CaptureIsAnsweredAsTheCapturedDeviceExpects() throws Exception {
        DeviceId device = DeviceId.cwmp("012345", "HGW-TR181", "000100");
        markSynced(device, "Device.");
        List<CompletionStage<?>> answers = queueCapturedRequests(CapturedVectors.TR181, device);

        replay(CapturedVectors.TR181);

        for (CompletionStage<?> answer : answers) {
            assertThat(answer.toCompletableFuture()).isCompletedWithValueMatching(v -> v != null);
        }
        assertThat(fixture.acs.gateway().identity(device)).hasValueSatisfying(identity ->
                assertThat(identity.dataModelRoot()).isEqualTo("Device."));
        assertThat(fixture.twins.get(device, "Device.ManagementServer.ConnectionRequestURL"))
                .hasValueSatisfying(p -> assertThat(p.value()).isEqualTo("http://127.0.0.1:39785/"));
    }

    /** A twin that exists and needs no full sync, so the sessions carry exactly the captured requests. */
    private void markSynced(DeviceId device, String root) {
        fixture.twins.applySnapshot(device, new TwinSchemaKey(device.key(), "", ""),
                List.of(ParameterValue.of(root + "DeviceInfo.Manufacturer", "x")), Instant.now());
    }

    /** The capture ACS's requests, queued as operations in capture order; the Download goes through the gateway. */
    private List<CompletionStage<?>> queueCapturedRequests(String folder, DeviceId device) throws Exception {
        List<CompletionStage<?>> answers = new ArrayList<>();
        for (Message message : CapturedVectors.manifest(folder)) {
            if (message.fromCpe() || message.cwmpId() == null || !message.rpc().equals(message.rpc().toLowerCase())) {
                continue;
            }
            CwmpEnvelope envelope = codec.decode(CapturedVectors.bytes(folder + message.baseName() + ".xml"));
            if (envelope.message() instanceof Download download) {
                answers.add(fixture.acs.gateway().downloadFirmware(device, new FirmwareDownload(download.url(),
                        "1.0.1", "", download.commandKey(), download.fileSize())));
            } else {
                answers.add(fixture.acs.operations().submit(device, (CwmpRequest<?>) envelope.message()));
            }
        }
        return answers;
    }

    private void replay(String folder) throws Exception {
        List<Message> messages = CapturedVectors.manifest(folder);
        RawHttpConnection connection = null;
        String cookie = null;
        RawHttpConnection.Reply reply = null;
        try {
            for (Message message : messages) {
                if (message.rpc().startsWith("Connection Request") || message.rpc().startsWith("GET ")) {
                    continue;
                }
                if (message.fromCpe()) {
                    if (message.rpc().equals("Inform")) {
                        if (connection != null) {
                            connection.close();
                        }
                        connection = fixture.connect(); // one TCP connection per session, as the device does
                    }
                    byte[] request = withCookie(CapturedVectors.bytes(folder + message.file()), cookie);
                    reply = connection.exchange(request);
                    if (reply.sessionCookie() != null) {
                        cookie = reply.sessionCookie();
                    }
                    continue;
                }
                assertThat(reply).as("reply expected for %s", message.file()).isNotNull();
                CapturedVectors.HttpMessage captured = CapturedVectors.http(folder + message.file());
                int capturedStatus = Integer.parseInt(captured.startLine().split(" ")[1]);
                assertThat(reply.status()).as(message.file()).isEqualTo(capturedStatus);
                if (captured.body().length > 0) {
                    assertThat(codec.decode(reply.body())).as(message.file()).isEqualTo(codec.decode(captured.body()));
                    String text = reply.text();
                    // the device's own quirks: literal cwmp: prefix and a Header with cwmp:ID
                    assertThat(text).contains("<soap-env:Header><cwmp:ID soap-env:mustUnderstand=\"1\">");
                    assertThat(reply.header("content-type")).startsWith("text/xml");
                }
                assertThat(reply.sessionCookie() != null).as("Set-Cookie on " + message.file())
                        .isEqualTo(captured.header("Set-Cookie") != null);
                reply = null;
            }
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
    }

    /** The captured request with the device's echoed cookie replaced by ours (stale ones stay stale). */
    private static byte[] withCookie(byte[] request, String cookie) {
        String text = new String(request, StandardCharsets.ISO_8859_1);
        if (cookie != null) {
            text = text.replaceAll("cwmpsid=[0-9a-f]+", "cwmpsid=" + cookie);
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void assertFault(CompletionStage<?> answer, int code) {
        CompletableFuture<?> future = answer.toCompletableFuture();
        assertThat(future).isCompletedExceptionally();
        assertThat(future.handle((value, failure) -> failure instanceof java.util.concurrent.CompletionException
                ? failure.getCause() : failure).join())
                .isInstanceOfSatisfying(DeviceOperationException.class, e -> assertThat(e.faultCode()).isEqualTo(code));
    }
}
