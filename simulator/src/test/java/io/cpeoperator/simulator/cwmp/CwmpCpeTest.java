package io.cpeoperator.simulator.cwmp;

import io.cpeoperator.bridge.cwmp.soap.CwmpMessage;
import io.cpeoperator.bridge.cwmp.soap.rpc.AddObject;
import io.cpeoperator.bridge.cwmp.soap.rpc.AddObjectResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.CwmpFault;
import io.cpeoperator.bridge.cwmp.soap.rpc.DeleteObject;
import io.cpeoperator.bridge.cwmp.soap.rpc.DeleteObjectResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.Download;
import io.cpeoperator.bridge.cwmp.soap.rpc.DownloadResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetParameterAttributes;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetParameterAttributesResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetParameterNames;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetParameterNamesResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetParameterValues;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetParameterValuesResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetRPCMethods;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetRPCMethodsResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.Inform;
import io.cpeoperator.bridge.cwmp.soap.rpc.ParameterValueStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.Reboot;
import io.cpeoperator.bridge.cwmp.soap.rpc.RebootResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.SetParameterAttributes;
import io.cpeoperator.bridge.cwmp.soap.rpc.SetParameterAttributesStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.SetParameterValues;
import io.cpeoperator.bridge.cwmp.soap.rpc.SetParameterValuesResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.TransferComplete;
import io.cpeoperator.bridge.twin.ParameterType;
import io.cpeoperator.bridge.cwmp.soap.CwmpRequest;
import io.cpeoperator.simulator.SimulatedDevice;
import io.cpeoperator.simulator.Simulator;
import io.cpeoperator.simulator.SimulatorConfig;
import io.cpeoperator.simulator.engine.Timing;
import io.cpeoperator.simulator.support.TestAcs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** CWMP devices against a minimal in-test ACS that challenges with HTTP Digest. */
class CwmpCpeTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String ACS_USER = "acs-user";
    private static final String ACS_PASSWORD = "acs-secret";
    private static final String CR_PASSWORD = "cr-secret";

    static TestAcs acs;
    static Simulator simulator;
    static SimulatedDevice tr181;
    static SimulatedDevice tr098;

    @BeforeAll
    static void start() throws Exception {
        acs = new TestAcs(ACS_USER, ACS_PASSWORD);
        simulator = new Simulator(SimulatorConfig.builder()
                .acsUrl(acs.url())
                .devices(2)
                .mix("cwmp=100")
                .models(List.of("NL-AX3000", "HG658-ONT"))
                .seed(7)
                .acsCredentials(ACS_USER, ACS_PASSWORD)
                .connectionRequestCredentials("", CR_PASSWORD)
                .timing(new Timing(Duration.ofMillis(500), Duration.ofMillis(300), Duration.ofMinutes(8), Duration.ZERO))
                .build());
        simulator.start();
        assertThat(simulator.awaitOnline(WAIT)).isTrue();
        for (SimulatedDevice device : simulator.devices()) {
            if (device.state().schema().root().equals("Device.")) {
                tr181 = device;
            } else {
                tr098 = device;
            }
        }
        assertThat(tr181).as("a TR-181 device").isNotNull();
        assertThat(tr098).as("a TR-098 device").isNotNull();
    }

    @AfterAll
    static void stop() throws Exception {
        simulator.close();
        acs.close();
    }

    private static Inform informOf(SimulatedDevice device, String event) throws InterruptedException {
        return (Inform) acs.await(m -> m instanceof Inform i && i.deviceId().serialNumber().equals(device.state().serialNumber())
                && i.hasEvent(event), WAIT);
    }

    /** A device still rebooting from another test does not answer (503) until it is back. */
    private static CwmpMessage call(SimulatedDevice device, CwmpRequest<?> request) throws Exception {
        return acs.call(device, request, CR_PASSWORD, WAIT);
    }

    @Test
    void firstSessionIsABootstrapWithTheRequiredParameters() throws Exception {
        Inform inform = informOf(tr181, "0 BOOTSTRAP");
        assertThat(inform.hasEvent("1 BOOT")).isTrue();
        assertThat(inform.deviceId().oui()).isEqualTo("00D09E");
        assertThat(inform.deviceId().productClass()).isEqualTo("NL-AX3000");
        assertThat(inform.parameter("Device.ManagementServer.ConnectionRequestURL")).hasValue(tr181.state().connectionRequestUrl());
        assertThat(inform.parameter("Device.DeviceInfo.SoftwareVersion")).hasValue(tr181.state().softwareVersion());
        Inform igd = informOf(tr098, "0 BOOTSTRAP");
        assertThat(igd.dataModelRoot()).isEqualTo("InternetGatewayDevice.");
        assertThat(igd.parameter("InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANIPConnection.1.ExternalIPAddress")).isPresent();
    }

    @Test
    void fullModelThroughGetParameterNamesAndValues() throws Exception {
        var names = (GetParameterNamesResponse) call(tr098, new GetParameterNames("InternetGatewayDevice.", false));
        assertThat(names.parameters()).hasSizeGreaterThan(700);
        var values = (GetParameterValuesResponse) call(tr098, new GetParameterValues(List.of("InternetGatewayDevice.DeviceInfo.",
                "InternetGatewayDevice.ManagementServer.PeriodicInformInterval")));
        assertThat(values.parameters()).anyMatch(p -> p.name().equals("InternetGatewayDevice.DeviceInfo.SerialNumber")
                && p.value().equals(tr098.state().serialNumber()));
        assertThat(values.parameters()).anyMatch(p -> p.name().endsWith("PeriodicInformInterval") && p.type() == ParameterType.UNSIGNED_INT);
        var fault = (CwmpFault) call(tr098, new GetParameterValues(List.of("InternetGatewayDevice.NoSuchThing")));
        assertThat(fault.faultCode()).isEqualTo(9005);
        var methods = (GetRPCMethodsResponse) call(tr098, new GetRPCMethods());
        assertThat(methods.methods()).contains("GetParameterValues", "Download", "Reboot");
    }

    @Test
    void setParameterValuesAppliesOrFaultsPerParameter() throws Exception {
        var fault = (CwmpFault) call(tr181, new SetParameterValues(List.of(
                new ParameterValueStruct("Device.DeviceInfo.SerialNumber", "HACKED", ParameterType.STRING),
                new ParameterValueStruct("Device.WiFi.Radio.1.Channel", "99", ParameterType.UNSIGNED_INT),
                new ParameterValueStruct("Device.No.Such", "1", ParameterType.STRING)), "pk-bad"));
        assertThat(fault.faultCode()).isEqualTo(9003);
        assertThat(fault.setParameterValuesFaults()).extracting(f -> f.parameterName() + "=" + f.faultCode())
                .containsExactly("Device.DeviceInfo.SerialNumber=9008", "Device.WiFi.Radio.1.Channel=9007", "Device.No.Such=9005");
        var ok = (SetParameterValuesResponse) call(tr181, new SetParameterValues(List.of(
                new ParameterValueStruct("Device.WiFi.SSID.1.SSID", "Garden", ParameterType.STRING),
                new ParameterValueStruct("Device.WiFi.Radio.1.Channel", "11", ParameterType.UNSIGNED_INT)), "pk-181-1"));
        assertThat(ok.status()).isZero();
        var readBack = (GetParameterValuesResponse) call(tr181, new GetParameterValues(List.of("Device.WiFi.SSID.1.SSID",
                "Device.ManagementServer.ParameterKey")));
        assertThat(readBack.parameters()).extracting(ParameterValueStruct::value).containsExactly("Garden", "pk-181-1");
    }

    @Test
    void aRequestedPingCompletesAndIsReportedWithDiagnosticsComplete() throws Exception {
        String ping = "InternetGatewayDevice.IPPingDiagnostics.";
        var ok = (SetParameterValuesResponse) call(tr098, new SetParameterValues(List.of(
                new ParameterValueStruct(ping + "DiagnosticsState", "Requested", ParameterType.STRING)), "pk-ping"));
        assertThat(ok.status()).isZero();
        informOf(tr098, "8 DIAGNOSTICS COMPLETE");
        var results = (GetParameterValuesResponse) call(tr098, new GetParameterValues(List.of(ping + "DiagnosticsState",
                ping + "SuccessCount")));
        assertThat(results.parameters()).extracting(ParameterValueStruct::value).containsExactly("Complete", "10");
    }

    @Test
    void addAndDeleteObject() throws Exception {
        var added = (AddObjectResponse) call(tr181, new AddObject("Device.NAT.PortMapping.", "pk-add"));
        assertThat(added.instanceNumber()).isGreaterThanOrEqualTo(2);
        assertThat(tr181.value("Device.NAT.PortMapping." + added.instanceNumber() + ".Protocol")).isEqualTo("TCP");
        var deleted = (DeleteObjectResponse) call(tr181, new DeleteObject("Device.NAT.PortMapping." + added.instanceNumber() + ".", "pk-del"));
        assertThat(deleted.status()).isZero();
        var fault = (CwmpFault) call(tr181, new AddObject("Device.DeviceInfo.", "pk"));
        assertThat(fault.faultCode()).isEqualTo(9005);
    }

    @Test
    void rebootComesBackWithBootAndMReboot() throws Exception {
        int boots = tr098.state().bootCount();
        assertThat(call(tr098, new Reboot("reboot-ck-1"))).isInstanceOf(RebootResponse.class);
        Inform inform = informOf(tr098, "M Reboot");
        assertThat(inform.hasEvent("1 BOOT")).isTrue();
        assertThat(inform.events()).anyMatch(e -> e.eventCode().equals("M Reboot") && e.commandKey().equals("reboot-ck-1"));
        assertThat(tr098.state().bootCount()).isEqualTo(boots + 1);
    }

    @Test
    void downloadInstallsTheFirmwareAndReportsTransferComplete() throws Exception {
        var response = (DownloadResponse) call(tr181, new Download("dl-ck-1", "1 Firmware Upgrade Image",
                "http://127.0.0.1:1/firmware/nl-ax3000-3.6.0.bin", "", "", 16, "fw.bin", 0, "", ""));
        assertThat(response.status()).isEqualTo(1);
        Inform inform = informOf(tr181, "M Download");
        assertThat(inform.hasEvent("7 TRANSFER COMPLETE")).isTrue();
        assertThat(inform.parameter("Device.DeviceInfo.SoftwareVersion")).hasValue("3.6.0");
        TransferComplete complete = (TransferComplete) acs.await(m -> m instanceof TransferComplete t && t.commandKey().equals("dl-ck-1"), WAIT);
        assertThat(complete.fault().faultCode()).isZero();
    }

    @Test
    void failedDownloadReportsFault9010WithoutReboot() throws Exception {
        int boots = tr098.state().bootCount();
        String before = tr098.state().softwareVersion();
        call(tr098, new Download("dl-fail", "1 Firmware Upgrade Image", "http://127.0.0.1:1/fw/V9-fail.bin", "", "", 0, "", 0, "", ""));
        TransferComplete complete = (TransferComplete) acs.await(m -> m instanceof TransferComplete t && t.commandKey().equals("dl-fail"), WAIT);
        assertThat(complete.fault().faultCode()).isEqualTo(9010);
        assertThat(tr098.state().softwareVersion()).isEqualTo(before);
        assertThat(tr098.state().bootCount()).isEqualTo(boots);
        var unsupported = (CwmpFault) call(tr098, new Download("dl-ftp", "1 Firmware Upgrade Image", "ftp://x/fw.bin", "", "", 0, "", 0, "", ""));
        assertThat(unsupported.faultCode()).isEqualTo(9013);
    }

    @Test
    void activeNotificationReportsLocalChangesButNotTheAcsOwn() throws Exception {
        call(tr181, new SetParameterAttributes(List.of(new SetParameterAttributesStruct("Device.WiFi.SSID.2.SSID", true, 2,
                false, List.of()))));
        var attributes = (GetParameterAttributesResponse) call(tr181, new GetParameterAttributes(List.of("Device.WiFi.SSID.2.SSID")));
        assertThat(attributes.parameters().get(0).notification()).isEqualTo(2);
        tr181.localChange("Device.WiFi.SSID.2.SSID", "Changed-In-Web-UI");
        Inform inform = informOf(tr181, "4 VALUE CHANGE");
        assertThat(inform.parameter("Device.WiFi.SSID.2.SSID")).hasValue("Changed-In-Web-UI");
    }

    @Test
    void connectionRequestNeedsDigestCredentials() throws Exception {
        String url = tr181.state().connectionRequestUrl();
        assertThat(TestAcs.connectionRequest(url, null, null)).isEqualTo(401);
        assertThat(TestAcs.connectionRequest(url, "cr-" + tr181.state().serialNumber(), "wrong")).isEqualTo(401);
        assertThat(TestAcs.connectionRequest(url.replace(tr181.state().serialNumber(), "NOPE"), null, null)).isEqualTo(404);
        assertThat(TestAcs.connectionRequest(url, "cr-" + tr181.state().serialNumber(), CR_PASSWORD)).isEqualTo(200);
        informOf(tr181, "6 CONNECTION REQUEST");
    }
}
