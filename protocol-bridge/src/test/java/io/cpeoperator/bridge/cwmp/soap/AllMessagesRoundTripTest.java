package io.cpeoperator.bridge.cwmp.soap;

import io.cpeoperator.bridge.cwmp.soap.rpc.AddObject;
import io.cpeoperator.bridge.cwmp.soap.rpc.AddObjectResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.ArgStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.AutonomousTransferComplete;
import io.cpeoperator.bridge.cwmp.soap.rpc.AutonomousTransferCompleteResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.CwmpFault;
import io.cpeoperator.bridge.cwmp.soap.rpc.CwmpRpcCatalog;
import io.cpeoperator.bridge.cwmp.soap.rpc.DeleteObject;
import io.cpeoperator.bridge.cwmp.soap.rpc.DeleteObjectResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.DeviceIdStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.Download;
import io.cpeoperator.bridge.cwmp.soap.rpc.DownloadResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.EventStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.FactoryReset;
import io.cpeoperator.bridge.cwmp.soap.rpc.FactoryResetResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.FaultStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetParameterAttributes;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetParameterAttributesResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetParameterNames;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetParameterNamesResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetParameterValues;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetParameterValuesResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetRPCMethods;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetRPCMethodsResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.Inform;
import io.cpeoperator.bridge.cwmp.soap.rpc.InformResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.ParameterAttributeStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.ParameterInfoStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.ParameterValueStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.Reboot;
import io.cpeoperator.bridge.cwmp.soap.rpc.RebootResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.RequestDownload;
import io.cpeoperator.bridge.cwmp.soap.rpc.RequestDownloadResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.ScheduleInform;
import io.cpeoperator.bridge.cwmp.soap.rpc.ScheduleInformResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.SetParameterAttributes;
import io.cpeoperator.bridge.cwmp.soap.rpc.SetParameterAttributesResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.SetParameterAttributesStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.SetParameterValues;
import io.cpeoperator.bridge.cwmp.soap.rpc.SetParameterValuesFault;
import io.cpeoperator.bridge.cwmp.soap.rpc.SetParameterValuesResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.TransferComplete;
import io.cpeoperator.bridge.cwmp.soap.rpc.TransferCompleteResponse;
import io.cpeoperator.bridge.twin.ParameterType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every message of both directions is written and read back unchanged, in every cwmp version. */
class AllMessagesRoundTripTest {

    private final CwmpCodec codec = new CwmpCodec(SoapLimits.defaults());

    static List<CwmpMessage> everyMessage() {
        return List.of(
                new Inform(new DeviceIdStruct("ACME & Sons", "00D09E", "HGW", "S1"),
                        List.of(EventStruct.of("1 BOOT"), new EventStruct("M Reboot", "ck-1")), 1,
                        "2026-11-25T14:56:07Z", 2,
                        List.of(ParameterValueStruct.string("Device.DeviceInfo.SoftwareVersion", "1.0 <beta>"))),
                InformResponse.standard(),
                new TransferComplete("dl-1", new FaultStruct(9010, "Download failure"), "2026-11-25T14:56:07Z",
                        "2026-11-25T14:57:07Z"),
                new TransferCompleteResponse(),
                new AutonomousTransferComplete("http://a", "http://t", true, "1 Firmware Upgrade Image", 1234,
                        "fw.bin", FaultStruct.SUCCESS, "2026-11-25T14:56:07Z", "2026-11-25T14:57:07Z"),
                new AutonomousTransferCompleteResponse(),
                new GetRPCMethods(),
                new GetRPCMethodsResponse(List.of("Inform", "TransferComplete")),
                new RequestDownload("2 Web Content", List.of(new ArgStruct("Version", "3"))),
                new RequestDownloadResponse(),
                new GetParameterNames("Device.WiFi.", false),
                new GetParameterNamesResponse(List.of(new ParameterInfoStruct("Device.WiFi.", false),
                        new ParameterInfoStruct("Device.WiFi.SSID.1.SSID", true))),
                new GetParameterValues(List.of("Device.DeviceInfo.UpTime", "Device.WiFi.SSID.1.SSID")),
                new GetParameterValuesResponse(List.of(
                        new ParameterValueStruct("Device.DeviceInfo.UpTime", "213138", ParameterType.UNSIGNED_INT),
                        new ParameterValueStruct("X.Int", "-5", ParameterType.INT),
                        new ParameterValueStruct("X.Long", "-9000000000", ParameterType.LONG),
                        new ParameterValueStruct("X.ULong", "18446744073709551615", ParameterType.UNSIGNED_LONG),
                        new ParameterValueStruct("X.Bool", "true", ParameterType.BOOLEAN),
                        new ParameterValueStruct("X.Time", "2026-11-25T14:56:07Z", ParameterType.DATE_TIME),
                        new ParameterValueStruct("X.Base64", "AAECAw==", ParameterType.BASE64),
                        new ParameterValueStruct("X.Hex", "0aff", ParameterType.HEX_BINARY),
                        new ParameterValueStruct("X.Text", " padded & <escaped> \"q\" ", ParameterType.STRING))),
                new SetParameterValues(List.of(new ParameterValueStruct("Device.WiFi.SSID.1.Enable", "false",
                        ParameterType.BOOLEAN)), "pk-1"),
                new SetParameterValuesResponse(1),
                new GetParameterAttributes(List.of("Device.DeviceInfo.SoftwareVersion")),
                new GetParameterAttributesResponse(List.of(new ParameterAttributeStruct(
                        "Device.DeviceInfo.SoftwareVersion", 2, List.of("Subscriber")))),
                new SetParameterAttributes(List.of(
                        SetParameterAttributesStruct.notification("Device.DeviceInfo.SoftwareVersion", 2),
                        new SetParameterAttributesStruct("Device.X.", false, 0, true, List.of("Subscriber")))),
                new SetParameterAttributesResponse(),
                new AddObject("Device.NAT.PortMapping.", "pk-2"),
                new AddObjectResponse(7, 0),
                new DeleteObject("Device.NAT.PortMapping.7.", "pk-3"),
                new DeleteObjectResponse(0),
                new Reboot("reboot-1"),
                new RebootResponse(),
                new FactoryReset(),
                new FactoryResetResponse(),
                new Download("dl-1", Download.FIRMWARE_UPGRADE_IMAGE, "http://fw/img.bin", "u", "p", 16,
                        "img.bin", 5, "http://ok", "http://fail"),
                DownloadResponse.pending(),
                new ScheduleInform(60, "si-1"),
                new ScheduleInformResponse(),
                new CwmpFault("Client", "CWMP fault", 9003, "Invalid arguments", List.of(
                        new SetParameterValuesFault("Device.WiFi.SSID.1.SSID", 9007, "Invalid parameter value"))));
    }

    static Stream<CwmpMessage> messages() {
        return everyMessage().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void writesAndReadsBackEveryMessage(CwmpMessage message) throws Exception {
        CwmpEnvelope envelope = CwmpEnvelope.of(CwmpVersion.V1_0, "id-1", message);

        CwmpEnvelope decoded = codec.decode(codec.encode(envelope));

        assertThat(decoded).isEqualTo(envelope);
    }

    @Test
    void theRoundTripCoversEveryMethodTheCatalogKnows() {
        Set<String> written = everyMessage().stream().map(CwmpMessage::name).collect(Collectors.toSet());

        assertThat(written).isEqualTo(CwmpRpcCatalog.standard().keySet());
    }

    @ParameterizedTest
    @EnumSource(CwmpVersion.class)
    void answersInTheVersionItWasAskedIn(CwmpVersion version) throws Exception {
        byte[] bytes = codec.encode(CwmpEnvelope.of(version, "x", new GetRPCMethods()).withHoldRequests(true));
        String text = new String(bytes, StandardCharsets.UTF_8);

        assertThat(text).contains("xmlns:cwmp=\"" + version.namespace() + "\"").contains("<cwmp:GetRPCMethods>");
        CwmpEnvelope decoded = codec.decode(bytes);
        assertThat(decoded.version()).isEqualTo(version);
        assertThat(decoded.holdRequests()).isTrue();
    }

    @Test
    void readsAnyEnvelopePrefixDefaultNamespacesAndAHeaderlessEnvelope() throws Exception {
        String foreign = """
                <?xml version="1.0"?>
                <SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xs="http://www.w3.org/2001/XMLSchema">
                  <SOAP-ENV:Header><ID xmlns="urn:dslforum-org:cwmp-1-2" SOAP-ENV:mustUnderstand="1">42</ID>
                    <HoldRequests xmlns="urn:dslforum-org:cwmp-1-2">true</HoldRequests></SOAP-ENV:Header>
                  <SOAP-ENV:Body><SetParameterValuesResponse xmlns="urn:dslforum-org:cwmp-1-2">
                    <Status> 1 </Status></SetParameterValuesResponse></SOAP-ENV:Body>
                </SOAP-ENV:Envelope>""";
        CwmpEnvelope envelope = codec.decode(foreign.getBytes(StandardCharsets.UTF_8));

        assertThat(envelope.id()).isEqualTo("42");
        assertThat(envelope.version()).isEqualTo(CwmpVersion.V1_2);
        assertThat(envelope.holdRequests()).isTrue();
        assertThat(envelope.message()).isEqualTo(new SetParameterValuesResponse(1));

        String headerless = "<e:Envelope xmlns:e=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<e:Body><c:RebootResponse xmlns:c=\"urn:dslforum-org:cwmp-1-4\"/></e:Body></e:Envelope>";
        CwmpEnvelope bare = codec.decode(headerless.getBytes(StandardCharsets.UTF_8));
        assertThat(bare.id()).isNull();
        assertThat(bare.version()).isEqualTo(CwmpVersion.V1_4);
        assertThat(bare.message()).isEqualTo(new RebootResponse());
    }

    @Test
    void anEnvelopeWithAnEmptyBodyHasNoMessage() throws Exception {
        String empty = "<e:Envelope xmlns:e=\"http://schemas.xmlsoap.org/soap/envelope/\"><e:Body/></e:Envelope>";

        assertThat(codec.decode(empty.getBytes(StandardCharsets.UTF_8)).isEmpty()).isTrue();
    }

    @Test
    void xsdTypesAreValidatedByTheirLexicalRules() {
        assertThat(XsdValues.isValid(ParameterType.UNSIGNED_INT, "4294967295")).isTrue();
        assertThat(XsdValues.isValid(ParameterType.UNSIGNED_INT, "4294967296")).isFalse();
        assertThat(XsdValues.isValid(ParameterType.UNSIGNED_INT, "-1")).isFalse();
        assertThat(XsdValues.isValid(ParameterType.INT, "-2147483648")).isTrue();
        assertThat(XsdValues.isValid(ParameterType.INT, "2147483648")).isFalse();
        assertThat(XsdValues.isValid(ParameterType.LONG, "-9223372036854775808")).isTrue();
        assertThat(XsdValues.isValid(ParameterType.UNSIGNED_LONG, "18446744073709551615")).isTrue();
        assertThat(XsdValues.isValid(ParameterType.UNSIGNED_LONG, "18446744073709551616")).isFalse();
        assertThat(XsdValues.isValid(ParameterType.BOOLEAN, "1")).isTrue();
        assertThat(XsdValues.isValid(ParameterType.BOOLEAN, "yes")).isFalse();
        assertThat(XsdValues.isValid(ParameterType.DATE_TIME, "2026-11-25T14:56:07.067Z")).isTrue();
        assertThat(XsdValues.isValid(ParameterType.DATE_TIME, "0001-01-01T00:00:00Z")).isTrue();
        assertThat(XsdValues.isValid(ParameterType.DATE_TIME, "2026-11-25T14:56:07+02:00")).isTrue();
        assertThat(XsdValues.isValid(ParameterType.DATE_TIME, "yesterday")).isFalse();
        assertThat(XsdValues.isValid(ParameterType.BASE64, "AAECAw==")).isTrue();
        assertThat(XsdValues.isValid(ParameterType.BASE64, "not base64!")).isFalse();
        assertThat(XsdValues.isValid(ParameterType.HEX_BINARY, "0aFF")).isTrue();
        assertThat(XsdValues.isValid(ParameterType.HEX_BINARY, "0g")).isFalse();
        assertThat(XsdValues.parseBoolean("0")).contains(false);
    }
}
