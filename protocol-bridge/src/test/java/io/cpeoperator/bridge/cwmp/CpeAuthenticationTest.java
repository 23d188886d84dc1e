package io.cpeoperator.bridge.cwmp;

import io.cpeoperator.bridge.cwmp.auth.AuthMode;
import io.cpeoperator.bridge.cwmp.auth.DigestHeader;
import io.cpeoperator.bridge.cwmp.auth.InMemoryCredentialStore;
import io.cpeoperator.bridge.cwmp.testing.AcsFixture;
import io.cpeoperator.bridge.cwmp.testing.RawHttpConnection;
import io.cpeoperator.bridge.cwmp.testing.RawHttpConnection.Reply;
import io.cpeoperator.bridge.cwmp.testing.ScriptedCpe;
import io.cpeoperator.bridge.device.DeviceEvent;
import io.cpeoperator.bridge.device.DeviceId;
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
            .putCpe("cpe", "cpe-secret").putCpe("digest-user", "digest-pass")
            .putCpe("00D09E-bound-1", "bound-pass", DeviceId.cwmp("00D09E", "HGW", "bound-1"));
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

    @Test
    void aCapturedDigestAnswerCannotBeReplayed() throws Exception {
        start(AuthMode.STRICT);
        ScriptedCpe cpe = new ScriptedCpe(fixture.port(), "replay-1", "Device.");
        try (RawHttpConnection connection = fixture.connect()) {
            Map<String, String> params = challenge(connection, cpe);
            String first = digest("digest-user", "digest-pass", params.get("realm"), params.get("nonce"), 1);
            assertThat(inform(connection, cpe, first)).isEqualTo(200);

            Reply replayed = connection.post("/", cpe.informBytes("2 PERIODIC"), "Authorization", first);
            assertThat(replayed.status()).isEqualTo(401);
            // the device's own next answer is not lost: it is told the nonce is stale and gets a fresh one
            assertThat(replayed.header("www-authenticate")).contains("stale=true").doesNotContain(params.get("nonce"));
            assertThat(fixture.counter("cpe.cwmp.auth.failures", "reason", "replayed-nonce")).isEqualTo(1);

            // counting on with the same nonce is what RFC 7616 clients do, and is fine; counting back is not
            String third = digest("digest-user", "digest-pass", params.get("realm"), params.get("nonce"), 3);
            assertThat(inform(connection, cpe, third)).isEqualTo(200);
            String second = digest("digest-user", "digest-pass", params.get("realm"), params.get("nonce"), 2);
            assertThat(inform(connection, cpe, second)).isEqualTo(401);
            assertThat(fixture.counter("cpe.cwmp.auth.failures", "reason", "replayed-nonce")).isEqualTo(2);
        }
    }

    @Test
    void withoutQopANonceIsSingleUse() throws Exception {
        start(AuthMode.STRICT);
        ScriptedCpe cpe = new ScriptedCpe(fixture.port(), "replay-2", "Device.");
        try (RawHttpConnection connection = fixture.connect()) {
            Map<String, String> params = challenge(connection, cpe);
            String ha1 = DigestHeader.md5Hex("digest-user:" + params.get("realm") + ":digest-pass");
            String response = DigestHeader.md5Hex(ha1 + ":" + params.get("nonce") + ":"
                    + DigestHeader.md5Hex("POST:/"));
            String rfc2069 = "Digest username=\"digest-user\", realm=\"" + params.get("realm") + "\", nonce=\""
                    + params.get("nonce") + "\", uri=\"/\", response=\"" + response + "\"";
            assertThat(inform(connection, cpe, rfc2069)).isEqualTo(200);
            assertThat(inform(connection, cpe, rfc2069)).isEqualTo(401);
        }
        assertThat(fixture.counter("cpe.cwmp.auth.failures", "reason", "replayed-nonce")).isEqualTo(1);
    }

    @Test
    void aForgedAnswerDoesNotBurnTheDevicesNonceCount() throws Exception {
        start(AuthMode.STRICT);
        ScriptedCpe cpe = new ScriptedCpe(fixture.port(), "replay-3", "Device.");
        try (RawHttpConnection connection = fixture.connect()) {
            Map<String, String> params = challenge(connection, cpe);
            String forged = digest("digest-user", "guess", params.get("realm"), params.get("nonce"), 9);
            assertThat(inform(connection, cpe, forged)).isEqualTo(401);
            String genuine = digest("digest-user", "digest-pass", params.get("realm"), params.get("nonce"), 1);
            assertThat(inform(connection, cpe, genuine)).isEqualTo(200);
        }
    }

    @Test
    void aDeviceBoundCredentialOpensOnlyItsOwnDevicesSession() throws Exception {
        start(AuthMode.STRICT);
        ScriptedCpe owner = new ScriptedCpe(fixture.port(), "bound-1", "Device.");
        ScriptedCpe other = new ScriptedCpe(fixture.port(), "bound-2", "Device.");
        try (RawHttpConnection connection = fixture.connect()) {
            Reply impostor = connection.post("/", other.informBytes("2 PERIODIC"), "Authorization",
                    basic("00D09E-bound-1", "bound-pass"));
            assertThat(impostor.status()).isEqualTo(401);
            assertThat(impostor.header("www-authenticate")).startsWith("Digest realm=");
            assertThat(impostor.sessionCookie()).isNull();

            // Digest after the challenge is refused the same way
            Map<String, String> params = challenge(connection, other);
            Reply digestImpostor = connection.post("/", other.informBytes("2 PERIODIC"), "Authorization",
                    digest("00D09E-bound-1", "bound-pass", params.get("realm"), params.get("nonce"), 1));
            assertThat(digestImpostor.status()).isEqualTo(401);

            assertThat(inform(connection, owner, basic("00D09E-bound-1", "bound-pass"))).isEqualTo(200);
        }
        assertThat(fixture.counter("cpe.cwmp.auth.failures", "reason", "device-mismatch")).isEqualTo(2);
        // the impostor never reached the twin or the event stream
        assertThat(fixture.events(DeviceEvent.Connected.class)).extracting(DeviceEvent::deviceId)
                .containsExactly(DeviceId.cwmp("00D09E", "HGW", "bound-1"));
    }

    @Test
    void aBoundCredentialCannotSwitchDevicesInsideItsSession() throws Exception {
        start(AuthMode.STRICT);
        ScriptedCpe owner = new ScriptedCpe(fixture.port(), "bound-1", "Device.");
        ScriptedCpe other = new ScriptedCpe(fixture.port(), "bound-2", "Device.");
        try (RawHttpConnection connection = fixture.connect()) {
            String credentials = basic("00D09E-bound-1", "bound-pass");
            Reply own = connection.post("/", owner.informBytes("2 PERIODIC"), "Authorization", credentials);
            assertThat(own.status()).isEqualTo(200);
            assertThat(connection.post("/", other.informBytes("2 PERIODIC"), "Authorization", credentials,
                    "Cookie", "cwmpsid=" + own.sessionCookie()).status()).isEqualTo(401);
        }
        assertThat(fixture.counter("cpe.cwmp.auth.failures", "reason", "device-mismatch")).isEqualTo(1);
    }

    @Test
    void anUnboundCredentialServesAnyDevice() throws Exception {
        start(AuthMode.STRICT);
        for (String serial : new String[]{"fleet-1", "fleet-2"}) {
            ScriptedCpe cpe = new ScriptedCpe(fixture.port(), serial, "Device.");
            try (RawHttpConnection connection = fixture.connect()) {
                assertThat(inform(connection, cpe, basic("cpe", "cpe-secret"))).isEqualTo(200);
            }
        }
        assertThat(fixture.counter("cpe.cwmp.auth.failures", "reason", "device-mismatch")).isZero();
    }

    @Test
    void openModeStillHoldsAKnownBoundUsernameToItsDevice() throws Exception {
        start(AuthMode.OPEN);
        ScriptedCpe other = new ScriptedCpe(fixture.port(), "bound-2", "Device.");
        try (RawHttpConnection connection = fixture.connect()) {
            assertThat(inform(connection, other, basic("00D09E-bound-1", "bound-pass"))).isEqualTo(401);
            // without credentials it is just an unknown device being discovered
            assertThat(connection.post("/", other.informBytes("2 PERIODIC")).status()).isEqualTo(200);
        }
    }

    /** The status of a periodic Inform of {@code cpe} with this Authorization header. */
    private static int inform(RawHttpConnection connection, ScriptedCpe cpe, String authorization) throws Exception {
        return connection.post("/", cpe.informBytes("2 PERIODIC"), "Authorization", authorization).status();
    }

    private static Map<String, String> challenge(RawHttpConnection connection, ScriptedCpe cpe) throws Exception {
        Reply challenge = connection.post("/", cpe.informBytes("2 PERIODIC"));
        assertThat(challenge.status()).isEqualTo(401);
        return DigestHeader.parse(challenge.header("www-authenticate").substring(7));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** What a CPE computes for a Digest challenge (RFC 7616, MD5, qop=auth). */
    static String digest(String user, String password, String realm, String nonce) {
        return digest(user, password, realm, nonce, 1);
    }

    static String digest(String user, String password, String realm, String nonce, int nonceCount) {
        String nc = String.format("%08x", nonceCount);
        String ha1 = DigestHeader.md5Hex(user + ":" + realm + ":" + password);
        String ha2 = DigestHeader.md5Hex("POST:/");
        String response = DigestHeader.md5Hex(ha1 + ":" + nonce + ":" + nc + ":c0ffee:auth:" + ha2);
        return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce
                + "\", uri=\"/\", qop=auth, nc=" + nc + ", cnonce=\"c0ffee\", response=\"" + response + "\"";
    }
}
