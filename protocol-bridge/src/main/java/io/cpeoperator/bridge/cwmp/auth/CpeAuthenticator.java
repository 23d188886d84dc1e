package io.cpeoperator.bridge.cwmp.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a CPE's HTTP credentials (Basic and Digest, RFC 7616 with MD5 and qop=auth, which is what CPEs implement)
 * against the {@link CredentialStore}. A request with correct pre-emptive Basic credentials is accepted without a
 * challenge; refused requests get a Digest challenge.
 */
public final class CpeAuthenticator {

    private final CredentialStore store;
    private final AuthMode mode;
    private final String realm;
    private final DigestNonces nonces;

    public CpeAuthenticator(CredentialStore store, AuthMode mode, String realm, Clock clock) {
        this.store = store;
        this.mode = mode;
        this.realm = realm;
        this.nonces = new DigestNonces(clock, Duration.ofMinutes(5));
    }

    public AuthMode mode() {
        return mode;
    }

    /**
     * @param authorization the {@code Authorization} header, or null
     * @param method        the HTTP method (part of the Digest hash)
     */
    public AuthResult authenticate(String authorization, String method) {
        if (authorization == null || authorization.isBlank()) {
            return mode == AuthMode.OPEN ? AuthResult.anonymous() : refuse("missing");
        }
        String trimmed = authorization.trim();
        int space = trimmed.indexOf(' ');
        String scheme = space < 0 ? trimmed : trimmed.substring(0, space);
        String parameters = space < 0 ? "" : trimmed.substring(space + 1).trim();
        if (scheme.equalsIgnoreCase("Basic")) {
            return basic(parameters);
        }
        if (scheme.equalsIgnoreCase("Digest")) {
            return digest(DigestHeader.parse(parameters), method);
        }
        return refuse("unsupported-scheme");
    }

    private AuthResult basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return refuse("malformed");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return refuse("malformed");
        }
        String username = decoded.substring(0, colon);
        Optional<Credentials> known = store.cpeCredentials(username);
        if (known.isEmpty()) {
            return mode == AuthMode.OPEN ? AuthResult.anonymous() : refuse("unknown-user");
        }
        byte[] expected = known.get().password().getBytes(StandardCharsets.UTF_8);
        byte[] actual = decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, actual) ? AuthResult.authenticated(username) : refuse("bad-password");
    }

    private AuthResult digest(Map<String, String> header, String method) {
        String username = header.get("username");
        String nonce = header.get("nonce");
        String uri = header.get("uri");
        String response = header.get("response");
        if (username == null || nonce == null || uri == null || response == null) {
            return refuse("malformed");
        }
        Optional<Credentials> known = store.cpeCredentials(username);
        if (known.isEmpty()) {
            return mode == AuthMode.OPEN ? AuthResult.anonymous() : refuse("unknown-user");
        }
        if (!nonces.isValid(nonce) || !realm.equals(header.get("realm"))) {
            return refuse("stale-nonce");
        }
        String ha1 = md5(username + ":" + realm + ":" + known.get().password());
        String ha2 = md5(method + ":" + uri);
        String qop = header.get("qop");
        String expected = qop == null
                ? md5(ha1 + ":" + nonce + ":" + ha2)
                : md5(ha1 + ":" + nonce + ":" + header.getOrDefault("nc", "") + ":"
                        + header.getOrDefault("cnonce", "") + ":" + qop + ":" + ha2);
        boolean matches = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                response.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        return matches ? AuthResult.authenticated(username) : refuse("bad-password");
    }

    private AuthResult refuse(String reason) {
        return AuthResult.refused("Digest realm=\"" + realm + "\", qop=\"auth\", nonce=\"" + nonces.issue()
                + "\", algorithm=MD5", reason);
    }

    private static String md5(String text) {
        return DigestHeader.md5Hex(text);
    }
}
