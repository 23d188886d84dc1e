package io.cpeoperator.bridge.cwmp.soap;

import io.cpeoperator.bridge.cwmp.soap.CwmpDecodeException.Reason;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Hostile and broken bodies end in a reasoned {@link CwmpDecodeException}, never in work done for the attacker. */
class HostileEnvelopeTest {

    private static final String ENVELOPE_START = "<soap-env:Envelope xmlns:soap-env=\"http://schemas.xmlsoap.org/soap/envelope/\""
            + " xmlns:cwmp=\"urn:dslforum-org:cwmp-1-0\"><soap-env:Header><cwmp:ID>7</cwmp:ID></soap-env:Header>"
            + "<soap-env:Body>";
    private static final String ENVELOPE_END = "</soap-env:Body></soap-env:Envelope>";

    private final CwmpCodec codec = new CwmpCodec(SoapLimits.defaults());

    @Test
    void externalEntitiesAreNeverResolved() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + ENVELOPE_START + "<cwmp:Reboot><CommandKey>&xxe;</CommandKey></cwmp:Reboot>" + ENVELOPE_END;

        assertThat(failure(xxe).reason()).isEqualTo(Reason.FORBIDDEN_DTD);
    }

    @Test
    void entityExpansionIsNeverAttempted() {
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                laughs.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            laughs.append("\">");
        }
        laughs.append("]>").append(ENVELOPE_START).append("<cwmp:Reboot><CommandKey>&lol9;</CommandKey></cwmp:Reboot>")
                .append(ENVELOPE_END);

        assertThat(failure(laughs.toString()).reason()).isEqualTo(Reason.FORBIDDEN_DTD);
    }

    @Test
    void oversizedBodiesAreRefusedBeforeParsing() {
        byte[] big = new byte[SoapLimits.DEFAULT_MAX_BODY_BYTES + 1];

        assertThat(catchThrowableOfType(() -> codec.decode(big), CwmpDecodeException.class).reason())
                .isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void deeplyNestedBodiesAreCutOff() {
        String deep = ENVELOPE_START + "<a>".repeat(10_000) + "</a>".repeat(10_000) + ENVELOPE_END;

        assertThat(failure(deep).reason()).isEqualTo(Reason.TOO_DEEP);
    }

    @Test
    void elementFloodsAreCutOff() {
        CwmpCodec tight = new CwmpCodec(new SoapLimits(1024 * 1024, 32, 1000, 1024));
        String flood = ENVELOPE_START + "<cwmp:GetParameterValues><ParameterNames>"
                + "<string>x</string>".repeat(2000) + "</ParameterNames></cwmp:GetParameterValues>" + ENVELOPE_END;

        assertThat(catchThrowableOfType(() -> tight.decode(bytes(flood)), CwmpDecodeException.class).reason())
                .isEqualTo(Reason.TOO_MANY_ELEMENTS);
    }

    @Test
    void overlongTextIsCutOff() {
        CwmpCodec tight = new CwmpCodec(new SoapLimits(1024 * 1024, 32, 1000, 100));
        String longText = ENVELOPE_START + "<cwmp:Reboot><CommandKey>" + "x".repeat(500) + "</CommandKey></cwmp:Reboot>"
                + ENVELOPE_END;

        assertThat(catchThrowableOfType(() -> tight.decode(bytes(longText)), CwmpDecodeException.class).reason())
                .isEqualTo(Reason.TEXT_TOO_LONG);
    }

    @Test
    void malformedXmlIsReportedAsSuch() {
        assertThat(failure("<soap-env:Envelope><unclosed>").reason()).isEqualTo(Reason.MALFORMED_XML);
        assertThat(failure("not xml at all").reason()).isEqualTo(Reason.MALFORMED_XML);
        assertThat(catchThrowableOfType(() -> codec.decode(new byte[]{(byte) 0xff, (byte) 0xfe, 0, 1}),
                CwmpDecodeException.class).reason()).isEqualTo(Reason.MALFORMED_XML);
    }

    @Test
    void wellFormedNonSoapIsNotSoap() {
        assertThat(failure("<html><body>hi</body></html>").reason()).isEqualTo(Reason.NOT_SOAP);
        assertThat(failure("<e:Envelope xmlns:e=\"http://schemas.xmlsoap.org/soap/envelope/\"/>").reason())
                .isEqualTo(Reason.NOT_SOAP);
    }

    @Test
    void unknownMethodsAndBadArgumentsKeepTheEnvelopeIdForAFault() {
        CwmpDecodeException unknown = failure(ENVELOPE_START + "<cwmp:Upload2/>" + ENVELOPE_END);
        assertThat(unknown.reason()).isEqualTo(Reason.UNKNOWN_METHOD);
        assertThat(unknown.reason().answerableWithFault()).isTrue();
        assertThat(unknown.cwmpId()).isEqualTo("7");
        assertThat(unknown.version()).isEqualTo(CwmpVersion.V1_0);

        CwmpDecodeException invalid = failure(ENVELOPE_START
                + "<cwmp:SetParameterValuesResponse><Status>zero</Status></cwmp:SetParameterValuesResponse>"
                + ENVELOPE_END);
        assertThat(invalid.reason()).isEqualTo(Reason.INVALID_ARGUMENTS);
        assertThat(invalid.cwmpId()).isEqualTo("7");

        CwmpDecodeException missing = failure(ENVELOPE_START + "<cwmp:Inform><Event/></cwmp:Inform>" + ENVELOPE_END);
        assertThat(missing.reason()).isEqualTo(Reason.INVALID_ARGUMENTS);
    }

    private CwmpDecodeException failure(String body) {
        CwmpDecodeException failure = catchThrowableOfType(() -> codec.decode(bytes(body)), CwmpDecodeException.class);
        assertThat(failure).as("decoding must fail").isNotNull();
        return failure;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
