package io.cpeoperator.bridge.cwmp;

import io.cpeoperator.bridge.cwmp.auth.AuthMode;
import io.cpeoperator.bridge.cwmp.auth.DigestHeader;
import io.cpeoperator.bridge.cwmp.auth.InMemoryCredentialStore;
import io.cpeoperator.bridge.cwmp.testing.AcsFixture;
import io.cpeoperator.bridge.cwmp.testing.RawHttpConnection;
import io.cpeoperator.bridge.cwmp.testing.RawHttpConnection.Reply;
import io.cpeoperator.bridge.cwmp.testing.ScriptedCpe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** CPE authentication: open discovery and strict mode, Basic up front and Digest after a challenge. */
class CpeAuthenticationTest {

    private final InMemoryCredentialStore credentials = new InMemoryCredentialStore()
            .putCpe("cpe", "cpe-secret").putCpe("digest-user", "digest-pass");
    private AcsFixture fixture;

    @AfterEach
    void stop() {
        fixture.close();
    }

    private void start(AuthMode mode) throws Exception {
        fixture = new AcsFixture(CwmpAcsConfig.defaults().withAuthMode(mode), credentials, Clock.systemUTC());
    }

    @Test
    void openModeLetsUnknownDevicesInButNotWrongPasswords() throws Exception {
        start(AuthMode.OPEN);
        ScriptedCpe cpe = new ScriptedCpe(fixture.port(), "auth-1", "Device.");
        try (RawHttpConnection connection = fixture.connect()) {
            assertThat(connection.post("/", cpe.informBytes("0 BOOTSTRAP")).status()).isEqualTo(200);
            assertThat(connection.post("/", cpe.informBytes("2 PERIODIC"), "Authorization", basic("stranger", "x"))
                    .status()).isEqualTo(200);
            Reply wrong = connection.post("/", cpe.informBytes("2 PERIODIC"), "Authorization", basic("cpe", "nope"));
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.header("www-authenticate")).startsWith("Digest realm=\"cpe-operator\"");
        }
        assertThat(fixture.counter("cpe.cwmp.auth.failures", "reason", "bad-password")).isEqualTo(1);
    }

    @Test
    void strictModeAcceptsCorrectBasicUpFrontWithoutAChallenge() throws Exception {
        start(AuthMode.STRICT);
        // the captured TR-181 device sends Basic cpe:cpe-secret with its very first request
        byte[] captured = CapturedVectors.bytes(CapturedVectors.TR181 + "01-cpe-inform-2-periodic.http");
        try (RawHttpConnection connection = fixture.connect()) {
            Reply reply = connection.exchange(captured);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("www-authenticate")).isNull();
            // the rest of the session rides on the authenticated connection
            assertThat(connection.post("/", new byte[0], "Cookie", "cwmpsid=" + reply.sessionCookie()).status())
                    .isIn(200, 204);
        }
    }

    @Test
    void strictModeChallengesMissingAndWrongCredentials() throws Exception {
        start(AuthMode.STRICT);
        ScriptedCpe cpe = new ScriptedCpe(fixture.port(), "auth-3", "Device.");
        try (RawHttpConnection connection = fixture.connect()) {
            Reply missing = connection.post("/", cpe.informBytes("2 PERIODIC"));
            assertThat(missing.status()).isEqualTo(401);
            assertThat(missing.header("www-authenticate")).contains("qop=\"auth\"").contains("nonce=");
            assertThat(connection.post("/", cpe.informBytes("2 PERIODIC"), "Authorization",
                    basic("stranger", "x")).status()).isEqualTo(401);
            // no session, no credentials: not even an empty POST is let through
            assertThat(connection.post("/", new byte[0]).status()).isEqualTo(401);
        }
    }

    @Test
    void strictModeAcceptsDigestAfterTheChallenge() throws Exception {
        start(AuthMode.STRICT);
        ScriptedCpe cpe = new ScriptedCpe(fixture.port(), "auth-4", "Device.");
        try (RawHttpConnection connection = fixture.connect()) {
            Reply challenge = connection.post("/", cpe.informBytes("2 PERIODIC"));
            Map<String, String> params = DigestHeader.parse(challenge.header("www-authenticate").substring(7));

            String good = digest("digest-user", "digest-pass", params.get("realm"), params.get("nonce"));
            Reply accepted = connection.post("/", cpe.informBytes("2 PERIODIC"), "Authorization", good);
            assertThat(accepted.status()).isEqualTo(200);

            String forged = digest("digest-user", "digest-pass", params.get("realm"), "Zm9yZ2Vk");
            assertThat(connection.post("/", cpe.informBytes("2 PERIODIC"), "Authorization", forged).status())
                    .isEqualTo(401);
            String wrong = digest("digest-user", "guess", params.get("realm"), params.get("nonce"));
            assertThat(connection.post("/", cpe.informBytes("2 PERIODIC"), "Authorization", wrong).status())
                    .isEqualTo(401);
        }
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** What a CPE computes for a Digest challenge (RFC 7616, MD5, qop=auth). */
    static String digest(String user, String password, String realm, String nonce) {
        String ha1 = DigestHeader.md5Hex(user + ":" + realm + ":" + password);
        String ha2 = DigestHeader.md5Hex("POST:/");
        String response = DigestHeader.md5Hex(ha1 + ":" + nonce + ":00000001:c0ffee:auth:" + ha2);
        return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce
                + "\", uri=\"/\", qop=auth, nc=00000001, cnonce=\"c0ffee\", response=\"" + response + "\"";
    }
}
