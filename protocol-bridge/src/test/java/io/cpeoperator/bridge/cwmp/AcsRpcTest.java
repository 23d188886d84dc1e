package io.cpeoperator.bridge.cwmp;

import io.cpeoperator.bridge.cwmp.soap.CwmpRequest;
import io.cpeoperator.bridge.cwmp.soap.CwmpResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.AddObject;
import io.cpeoperator.bridge.cwmp.soap.rpc.AddObjectResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.CwmpFault;
import io.cpeoperator.bridge.cwmp.soap.rpc.DeleteObject;
import io.cpeoperator.bridge.cwmp.soap.rpc.DeleteObjectResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.Download;
import io.cpeoperator.bridge.cwmp.soap.rpc.DownloadResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.FactoryReset;
import io.cpeoperator.bridge.cwmp.soap.rpc.FactoryResetResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetParameterAttributes;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetParameterAttributesResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetParameterNames;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetParameterNamesResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetParameterValues;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetParameterValuesResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetRPCMethods;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetRPCMethodsResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.ParameterValueStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.Reboot;
import io.cpeoperator.bridge.cwmp.soap.rpc.RebootResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.ScheduleInform;
import io.cpeoperator.bridge.cwmp.soap.rpc.ScheduleInformResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.SetParameterAttributes;
import io.cpeoperator.bridge.cwmp.soap.rpc.SetParameterAttributesResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.SetParameterAttributesStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.SetParameterValues;
import io.cpeoperator.bridge.cwmp.soap.rpc.SetParameterValuesFault;
import io.cpeoperator.bridge.cwmp.soap.rpc.SetParameterValuesResponse;
import io.cpeoperator.bridge.cwmp.testing.AcsFixture;
import io.cpeoperator.bridge.cwmp.testing.ScriptedCpe;
import io.cpeoperator.bridge.device.DeviceEvent;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.device.DeviceOperationException;
import io.cpeoperator.bridge.device.FirmwareDownload;
import io.cpeoperator.bridge.device.ParameterFault;
import io.cpeoperator.bridge.device.SetParametersResult;
import io.cpeoperator.bridge.twin.ParameterType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every ACS -> CPE request completes its future with the typed response, or with the device's fault. */
class AcsRpcTest {

    private static final AtomicInteger SERIALS = new AtomicInteger();
    private static AcsFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new AcsFixture(CwmpAcsConfig.defaults());
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    record Case(CwmpRequest<?> request, Class<? extends CwmpResponse> responseType) {
        @Override
        public String toString() {
            return request.name();
        }
    }

    static Stream<Case> everyAcsRequest() {
        return Stream.of(
                new Case(new GetRPCMethods(), GetRPCMethodsResponse.class),
                new Case(new GetParameterNames("Device.WiFi.", true), GetParameterNamesResponse.class),
                new Case(new GetParameterValues(List.of("Device.DeviceInfo.UpTime")), GetParameterValuesResponse.class),
                new Case(new SetParameterValues(List.of(new ParameterValueStruct("Device.WiFi.Radio.1.Channel", "11",
                        ParameterType.UNSIGNED_INT)), "pk-1"), SetParameterValuesResponse.class),
                new Case(new GetParameterAttributes(List.of("Device.DeviceInfo.UpTime")),
                        GetParameterAttributesResponse.class),
                new Case(new SetParameterAttributes(List.of(SetParameterAttributesStruct.notification(
                        "Device.DeviceInfo.UpTime", 2))), SetParameterAttributesResponse.class),
                new Case(new AddObject("Device.NAT.PortMapping.", "pk-2"), AddObjectResponse.class),
                new Case(new DeleteObject("Device.WiFi.SSID.1.", "pk-3"), DeleteObjectResponse.class),
                new Case(new Reboot("ck-reboot"), RebootResponse.class),
                new Case(new FactoryReset(), FactoryResetResponse.class),
                new Case(Download.firmware("ck-dl", "http://fw.example/img.bin", 1024, "img.bin"),
                        DownloadResponse.class),
                new Case(new ScheduleInform(30, "ck-si"), ScheduleInformResponse.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyAcsRequest")
    void answeredInTheNextSession(Case testCase) throws Exception {
        ScriptedCpe cpe = newCpe();
        CompletableFuture<?> answer = fixture.acs.operations().submit(id(cpe), testCase.request());
        assertThat(answer).isNotDone();

        cpe.runSession("2 PERIODIC");

        assertThat(answer.get(1, TimeUnit.SECONDS)).isInstanceOf(testCase.responseType());
        assertThat(cpe.received().get(0)).isEqualTo(testCase.request());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyAcsRequest")
    void failsWithTheDevicesFault(Case testCase) throws Exception {
        ScriptedCpe cpe = newCpe().fault(testCase.request().name(), 9001, "Request denied");
        CompletableFuture<?> answer = fixture.acs.operations().submit(id(cpe), testCase.request());

        cpe.runSession("2 PERIODIC");

        DeviceOperationException fault = failure(answer);
        assertThat(fault.faultCode()).isEqualTo(9001);
        assertThat(fault.faultString()).isEqualTo("Request denied");
    }

    @Test
    void setParameterValuesFaultCarriesEveryParameter() throws Exception {
        ScriptedCpe cpe = newCpe().override(SetParameterValues.NAME, request -> new CwmpFault("Client", "CWMP fault",
                9003, "Invalid arguments", List.of(
                new SetParameterValuesFault("Device.WiFi.SSID.1.SSID", 9007, "Invalid parameter value"),
                new SetParameterValuesFault("Device.DeviceInfo.UpTime", 9008, "Non-writable"))));
        var result = fixture.acs.gateway().setParameters(id(cpe),
                Map.of("Device.WiFi.SSID.1.SSID", "x", "Device.DeviceInfo.UpTime", "5"), "pk-9");

        cpe.runSession("2 PERIODIC");

        DeviceOperationException fault = failure(result.toCompletableFuture());
        assertThat(fault.faultCode()).isEqualTo(9003);
        assertThat(fault.parameterFaults()).containsExactly(
                new ParameterFault("Device.WiFi.SSID.1.SSID", 9007, "Invalid parameter value"),
                new ParameterFault("Device.DeviceInfo.UpTime", 9008, "Non-writable"));
        assertThat(fault.isPermanent()).isTrue();
    }

    @Test
    void gatewaySetUsesTwinTypesAndUpdatesTheTwin() throws Exception {
        ScriptedCpe cpe = newCpe();
        cpe.runSession("0 BOOTSTRAP"); // full sync: the twin learns types
        var result = fixture.acs.gateway().setParameters(id(cpe), Map.of("Device.WiFi.Radio.1.Channel", "11"), "pk-7");

        cpe.runSession("6 CONNECTION REQUEST");

        assertThat(result.toCompletableFuture().get(1, TimeUnit.SECONDS))
                .isEqualTo(new SetParametersResult(Map.of("Device.WiFi.Radio.1.Channel", "11"), false));
        SetParameterValues sent = (SetParameterValues) cpe.received().stream()
                .filter(SetParameterValues.class::isInstance).findFirst().orElseThrow();
        assertThat(sent.parameters().get(0).type()).isEqualTo(ParameterType.UNSIGNED_INT);
        assertThat(sent.parameterKey()).isEqualTo("pk-7");
        assertThat(fixture.twins.get(id(cpe), "Device.WiFi.Radio.1.Channel"))
                .hasValueSatisfying(p -> assertThat(p.value()).isEqualTo("11"));
    }

    @Test
    void gatewayRefusesValuesThatDoNotFitTheTypeWithoutBotheringTheDevice() throws Exception {
        ScriptedCpe cpe = newCpe();
        cpe.runSession("0 BOOTSTRAP");

        var result = fixture.acs.gateway().setParameters(id(cpe), Map.of("Device.WiFi.Radio.1.Channel", "-3"), "");

        assertThat(failure(result.toCompletableFuture()).parameterFaults()).singleElement()
                .satisfies(f -> assertThat(f.code()).isEqualTo(9007));
    }

    @Test
    void firmwareDownloadIsTrackedToTransferCompleteAcrossSessionsAndReboots() throws Exception {
        ScriptedCpe cpe = newCpe();
        var accepted = fixture.acs.gateway().downloadFirmware(id(cpe),
                new FirmwareDownload("http://fw.example/v2/image.bin", "2.0", "", "fw-ck-2", 2048));
        cpe.runSession("2 PERIODIC");
        assertThat(accepted.toCompletableFuture().get(1, TimeUnit.SECONDS)).isNull();
        Download sent = (Download) cpe.received().get(0);
        assertThat(sent.targetFileName()).isEqualTo("image.bin");
        assertThat(sent.fileType()).isEqualTo(Download.FIRMWARE_UPGRADE_IMAGE);

        // the device reboots into the image and reports the transfer in a later session
        try (var connection = fixture.connect()) {
            String cookie = cpe.inform(connection, "1 BOOT", "M Download", "7 TRANSFER COMPLETE");
            byte[] transferComplete = new io.cpeoperator.bridge.cwmp.soap.CwmpCodec(
                    io.cpeoperator.bridge.cwmp.soap.SoapLimits.defaults()).encode(
                    io.cpeoperator.bridge.cwmp.soap.CwmpEnvelope.of(io.cpeoperator.bridge.cwmp.soap.CwmpVersion.V1_0,
                            "tc-1", new io.cpeoperator.bridge.cwmp.soap.rpc.TransferComplete("fw-ck-2",
                                    io.cpeoperator.bridge.cwmp.soap.rpc.FaultStruct.SUCCESS, "", "")));
            var reply = cpe.post(connection, cookie, transferComplete);
            assertThat(reply.text()).contains("TransferCompleteResponse").contains(">tc-1<");
            cpe.serve(connection, cookie, new byte[0]);
        }

        assertThat(fixture.events(DeviceEvent.OperationCompleted.class))
                .filteredOn(e -> e.deviceId().equals(id(cpe)))
                .singleElement().satisfies(done -> {
                    assertThat(done.command()).isEqualTo("Download");
                    assertThat(done.commandKey()).isEqualTo("fw-ck-2");
                    assertThat(done.outputs()).containsEntry("url", "http://fw.example/v2/image.bin");
                });
        assertThat(fixture.events(DeviceEvent.Booted.class)).anyMatch(b -> b.deviceId().equals(id(cpe)));
    }

    @Test
    void refreshRereadsASubtreeIntoTheTwin() throws Exception {
        ScriptedCpe cpe = newCpe();
        cpe.runSession("0 BOOTSTRAP");
        cpe.put("Device.WiFi.Radio.1.Channel", "36", ParameterType.UNSIGNED_INT, true);

        var refreshed = fixture.acs.gateway().refresh(id(cpe), "Device.WiFi.");
        cpe.runSession("6 CONNECTION REQUEST");

        refreshed.toCompletableFuture().get(1, TimeUnit.SECONDS);
        assertThat(fixture.twins.get(id(cpe), "Device.WiFi.Radio.1.Channel"))
                .hasValueSatisfying(p -> assertThat(p.value()).isEqualTo("36"));
    }

    @Test
    void readsAtNextContactRideTheNextPeriodicSessionWithoutAConnectionRequest() throws Exception {
        ScriptedCpe cpe = newCpe();
        cpe.runSession("0 BOOTSTRAP");
        cpe.put("Device.WiFi.Radio.1.Channel", "40", ParameterType.UNSIGNED_INT, true);
        cpe.put("Device.WiFi.SSID.1.SSID", "drifted", ParameterType.STRING, true);
        double requestsBefore = connectionRequests();

        var read = fixture.acs.gateway().refreshAtNextContact(id(cpe),
                List.of("Device.WiFi.Radio.1.Channel", "Device.WiFi.SSID.1.SSID")).toCompletableFuture();

        assertThat(connectionRequests()).isEqualTo(requestsBefore);
        assertThat(read).isNotDone();
        cpe.runSession("2 PERIODIC");
        read.get(1, TimeUnit.SECONDS);
        assertThat(fixture.twins.get(id(cpe), "Device.WiFi.Radio.1.Channel"))
                .hasValueSatisfying(p -> assertThat(p.value()).isEqualTo("40"));
        assertThat(fixture.twins.get(id(cpe), "Device.WiFi.SSID.1.SSID"))
                .hasValueSatisfying(p -> assertThat(p.value()).isEqualTo("drifted"));
        // the contrast: an ordinary refresh asks the device to call in
        fixture.acs.gateway().refresh(id(cpe), "Device.WiFi.SSID.1.SSID");
        assertThat(connectionRequests()).isGreaterThan(requestsBefore);
        cpe.runSession("6 CONNECTION REQUEST");
    }

    private static double connectionRequests() {
        return fixture.registry.find("cpe.cwmp.connection.requests").counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    @Test
    void forgetCancelsQueuedWork() {
        DeviceId id = DeviceId.cwmp("00D09E", "HGW", "forgotten");
        CompletableFuture<RebootResponse> reboot = fixture.acs.operations().submit(id, new Reboot("x"));

        fixture.acs.gateway().forget(id);

        assertThat(failure(reboot).faultCode()).isEqualTo(DeviceOperationException.CANCELLED);
    }

    private static ScriptedCpe newCpe() {
        return new ScriptedCpe(fixture.port(), "rpc-" + SERIALS.incrementAndGet(), "Device.");
    }

    private static DeviceId id(ScriptedCpe cpe) {
        return DeviceId.parse("cwmp:" + cpe.deviceKey());
    }

    static DeviceOperationException failure(CompletableFuture<?> future) {
        try {
            future.get(1, TimeUnit.SECONDS);
        } catch (Exception e) {
            Throwable cause = e.getCause() instanceof CompletionException ? e.getCause().getCause() : e.getCause();
            assertThat(cause).isInstanceOf(DeviceOperationException.class);
            return (DeviceOperationException) cause;
        }
        throw new AssertionError("expected the future to fail");
    }
}
