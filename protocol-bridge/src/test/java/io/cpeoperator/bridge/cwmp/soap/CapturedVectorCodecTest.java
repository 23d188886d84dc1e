package io.cpeoperator.bridge.cwmp.soap;

import io.cpeoperator.bridge.cwmp.CapturedVectors;
import io.cpeoperator.bridge.cwmp.CapturedVectors.Message;
import io.cpeoperator.bridge.cwmp.soap.rpc.CwmpFault;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetParameterValuesResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.Inform;
import io.cpeoperator.bridge.cwmp.soap.rpc.TransferComplete;
import io.cpeoperator.bridge.twin.ParameterType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every captured envelope, from both data models, decodes to the message the manifest says it is. */
class CapturedVectorCodecTest {

    private final CwmpCodec codec = new CwmpCodec(SoapLimits.defaults());

    static Stream<Message> envelopes() {
        return Stream.concat(CapturedVectors.manifest(CapturedVectors.TR098).stream(),
                        CapturedVectors.manifest(CapturedVectors.TR181).stream())
                .filter(m -> m.cwmpId() != null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("envelopes")
    void everyCapturedEnvelopeDecodesToItsManifestEntry(Message message) throws Exception {
        byte[] body = CapturedVectors.http(message.folder() + message.file()).body();
        assertThat(body).isNotEmpty();

        CwmpEnvelope envelope = codec.decode(body);

        assertThat(envelope.id()).isEqualTo(message.cwmpId());
        assertThat(envelope.version()).isEqualTo(CwmpVersion.V1_0);
        String expected = message.rpc().equals("Fault") ? "Fault" : camelCase(message.rpc());
        assertThat(envelope.message().name()).isEqualTo(expected);
        if (message.faultCode() != null) {
            assertThat(((CwmpFault) envelope.message()).faultCode()).isEqualTo(Integer.parseInt(message.faultCode()));
        }
        // the .xml twin of the .http file holds the same envelope
        CwmpEnvelope fromXml = codec.decode(CapturedVectors.bytes(message.folder() + message.baseName() + ".xml"));
        assertThat(fromXml).isEqualTo(envelope);
        // what the codec writes reads back to the same envelope
        assertThat(codec.decode(codec.encode(envelope))).isEqualTo(envelope);
    }

    @Test
    void informCarriesIdentityEventsAndTypedParameters() throws Exception {
        Inform inform = (Inform) codec.decode(xml(CapturedVectors.TR098 + "01-cpe-inform-2-periodic")).message();

        assertThat(inform.deviceId().oui()).isEqualTo("202BC1");
        assertThat(inform.deviceId().productClass()).isEqualTo("BM632w");
        assertThat(inform.deviceId().serialNumber()).isEqualTo("000000");
        assertThat(inform.hasEvent("2 PERIODIC")).isTrue();
        assertThat(inform.currentTime()).isEqualTo("2026-11-25T14:56:07.067Z");
        // arrayType says [16]; the list holds what is actually there
        assertThat(inform.parameters()).hasSize(7);
        assertThat(inform.parameter("InternetGatewayDevice.ManagementServer.ConnectionRequestURL"))
                .contains("http://127.0.0.1:54021/");
        assertThat(inform.parameter("InternetGatewayDevice.DeviceInfo.ProvisioningCode")).contains("");
        assertThat(inform.dataModelRoot()).isEqualTo("InternetGatewayDevice.");

        Inform tr181 = (Inform) codec.decode(xml(CapturedVectors.TR181 + "01-cpe-inform-2-periodic")).message();
        assertThat(tr181.dataModelRoot()).isEqualTo("Device.");
    }

    @Test
    void typedValuesKeepTheirXsdType() throws Exception {
        var response = (GetParameterValuesResponse) codec.decode(
                xml(CapturedVectors.TR098 + "09-cpe-get-parameter-values-response")).message();

        assertThat(response.parameters().get(1).type()).isEqualTo(ParameterType.UNSIGNED_INT);
        assertThat(response.parameters().get(1).value()).isEqualTo("213138");
        assertThat(response.parameters().get(2).value()).isEmpty();
    }

    @Test
    void transferCompleteCarriesCommandKeyAndSuccess() throws Exception {
        var complete = (TransferComplete) codec.decode(xml(CapturedVectors.TR098 + "32-cpe-transfer-complete"))
                .message();

        assertThat(complete.commandKey()).isEqualTo("dl-ck-1");
        assertThat(complete.fault().faultCode()).isZero();
        assertThat(XsdValues.parseDateTime(complete.completeTime())).isPresent();
    }

    private static byte[] xml(String base) {
        return CapturedVectors.bytes(base + ".xml");
    }

    /** "get-parameter-values-after-set" -> "GetParameterValues"; names already in CamelCase are kept. */
    private static String camelCase(String rpc) {
        if (Character.isUpperCase(rpc.charAt(0))) {
            return rpc;
        }
        StringBuilder name = new StringBuilder();
        for (String word : rpc.split("-")) {
            if (word.equals("after") || word.equals("new")) {
                break;
            }
            name.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
        }
        return name.toString().replace("Rpc", "RPC");
    }
}
