package io.cpeoperator.bridge.cwmp;

import io.cpeoperator.bridge.cwmp.soap.CwmpCodec;
import io.cpeoperator.bridge.cwmp.soap.CwmpEnvelope;
import io.cpeoperator.bridge.cwmp.soap.SoapLimits;
import io.cpeoperator.bridge.cwmp.soap.rpc.CwmpFault;
import io.cpeoperator.bridge.cwmp.testing.AcsFixture;
import io.cpeoperator.bridge.cwmp.testing.RawHttpConnection;
import io.cpeoperator.bridge.cwmp.testing.ScriptedCpe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and broken bodies over HTTP: each ends in HTTP 400/413 or a SOAP Fault 8000/8003, is counted, and leaves
 * the ACS serving other devices.
 */
class HostileInputTest {

    private static final String START = "<soap-env:Envelope xmlns:soap-env=\"http://schemas.xmlsoap.org/soap/envelope/\""
            + " xmlns:cwmp=\"urn:dslforum-org:cwmp-1-0\"><soap-env:Header><cwmp:ID>h-1</cwmp:ID></soap-env:Header>"
            + "<soap-env:Body>";
    private static final String END = "</soap-env:Body></soap-env:Envelope>";

    private static AcsFixture fixture;
    private final CwmpCodec codec = new CwmpCodec(SoapLimits.defaults());

    @BeforeAll
    static void start() throws Exception {
        fixture = new AcsFixture(CwmpAcsConfig.defaults());
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void xxeIsRefusedAndCounted() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" + START
                + "<cwmp:Inform><DeviceId><OUI>&xxe;</OUI></DeviceId></cwmp:Inform>" + END;

        assertThat(post(xxe).status()).isEqualTo(400);
        assertThat(rejected("forbidden_dtd")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void billionLaughsIsRefused() throws Exception {
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"lol\">");
        char previous = 'a';
        for (char name = 'b'; name <= 'k'; name++) {
            laughs.append("<!ENTITY ").append(name).append(" \"").append(("&" + previous + ";").repeat(10)).append("\">");
            previous = name;
        }
        laughs.append("]>").append(START).append("<cwmp:Reboot><CommandKey>&k;</CommandKey></cwmp:Reboot>").append(END);

        assertThat(post(laughs.toString()).status()).isEqualTo(400);
    }

    @Test
    void oversizedBodiesAreRefusedWithOrWithoutContentLength() throws Exception {
        // a Content-Length over the limit is refused before a byte of the body is read
        try (RawHttpConnection connection = fixture.connect()) {
            String head = "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\nContent-Length: "
                    + (SoapLimits.DEFAULT_MAX_BODY_BYTES + 10) + "\r\n\r\n";
            assertThat(connection.exchange(head.getBytes(StandardCharsets.US_ASCII)).status()).isEqualTo(413);
        }
        // without one, reading stops as soon as the limit is passed
        try (RawHttpConnection connection = fixture.connect()) {
            int size = SoapLimits.DEFAULT_MAX_BODY_BYTES + 16;
            String chunked = "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: text/xml\r\n\r\n"
                    + Integer.toHexString(size) + "\r\n" + "x".repeat(size) + "\r\n";
            assertThat(connection.exchange(chunked.getBytes(StandardCharsets.US_ASCII)).status()).isEqualTo(413);
        }
        assertThat(rejected("too_large")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void deeplyNestedBodiesAreRefused() throws Exception {
        assertThat(post(START + "<a>".repeat(50_000) + "</a>".repeat(50_000) + END).status()).isEqualTo(400);
        assertThat(rejected("too_deep")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void malformedAndNonSoapBodiesAreRefused() throws Exception {
        assertThat(post(START + "<cwmp:Inform>").status()).isEqualTo(400);
        assertThat(post("\u0000\u0001garbage").status()).isEqualTo(400);
        assertThat(post("<html><body/></html>").status()).isEqualTo(400);
        assertThat(rejected("malformed_xml")).isGreaterThanOrEqualTo(2);
        assertThat(rejected("not_soap")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void readableEnvelopesWithBadContentGetSoapFaults() throws Exception {
        CwmpEnvelope unknown = codec.decode(post(START + "<cwmp:SelfDestruct/>" + END).body());
        assertThat(unknown.id()).isEqualTo("h-1");
        assertThat(((CwmpFault) unknown.message()).faultCode()).isEqualTo(8000);

        CwmpEnvelope invalid = codec.decode(post(START + "<cwmp:Inform><Event/></cwmp:Inform>" + END).body());
        assertThat(((CwmpFault) invalid.message()).faultCode()).isEqualTo(8003);

        CwmpEnvelope badIdentity = codec.decode(post(START + "<cwmp:Inform><DeviceId><OUI>x</OUI>"
                + "<SerialNumber>" + "9".repeat(300) + "</SerialNumber></DeviceId></cwmp:Inform>" + END).body());
        assertThat(((CwmpFault) badIdentity.message()).faultCode()).isEqualTo(8003);
    }

    @Test
    void otherMethodsThanPostAreNotAllowed() throws Exception {
        try (RawHttpConnection connection = fixture.connect()) {
            var reply = connection.exchange("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(reply.status()).isEqualTo(405);
        }
    }

    @Test
    void theAcsKeepsServingAfterHostileInput() throws Exception {
        post("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"e\">]><x>&e;</x>");
        ScriptedCpe cpe = new ScriptedCpe(fixture.port(), "survivor", "Device.");

        assertThat(cpe.runSession("0 BOOTSTRAP")).isNotEmpty();
    }

    private static RawHttpConnection.Reply post(String body) throws Exception {
        try (RawHttpConnection connection = fixture.connect()) {
            return connection.post("/", body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static double rejected(String reason) {
        return fixture.counter("cpe.cwmp.requests.rejected", "reason", reason);
    }
}
