package io.cpeoperator.bridge.cwmp.auth;

import io.cpeoperator.bridge.device.DeviceId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a CPE's HTTP credentials (Basic and Digest, RFC 7616 with MD5 and qop=auth, which is what CPEs implement)
 * against the {@link CredentialStore}. A request with correct pre-emptive Basic credentials is accepted without a
 * challenge; refused requests get a Digest challenge. A Digest answer is accepted once: a captured Authorization
 * header replayed later is refused ({@link DigestReplayGuard}). Credentials bound to a device authorise sessions of
 * that device only ({@link #permitsDevice}).
 */
public final class CpeAuthenticator {

    private static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);

    private final CredentialStore store;
    private final AuthMode mode;
    private final String realm;
    private final DigestNonces nonces;
    private final DigestReplayGuard replays;
    private final DeviceBinding binding;

    public CpeAuthenticator(CredentialStore store, AuthMode mode, String realm, Clock clock) {
        this(store, mode, realm, clock, new SimpleMeterRegistry());
    }

    public CpeAuthenticator(CredentialStore store, AuthMode mode, String realm, Clock clock, MeterRegistry registry) {
        this.store = store;
        this.mode = mode;
        this.realm = realm;
        this.nonces = new DigestNonces(clock, NONCE_LIFETIME);
        this.replays = new DigestReplayGuard(clock, NONCE_LIFETIME, DigestReplayGuard.DEFAULT_MAX_NONCES, registry);
        this.binding = new DeviceBinding(clock);
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

    /**
     * Whether a session authenticated as {@code auth} may act as {@code deviceId} (the identity its Inform claims);
     * the refusal carries a fresh challenge and reason {@code device-mismatch}.
     */
    public AuthResult permitsDevice(AuthResult auth, DeviceId deviceId) {
        return binding.permits(auth, deviceId) ? auth : refuse("device-mismatch");
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
        return MessageDigest.isEqual(expected, actual) ? AuthResult.authenticated(known.get())
                : refuse("bad-password");
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
        String qop = header.get("qop");
        long nonceCount = DigestReplayGuard.nonceCount(qop, header.get("nc"));
        if (nonceCount < 0 || (qop != null && header.get("cnonce") == null)) {
            return refuse("malformed");
        }
        String ha1 = md5(username + ":" + realm + ":" + known.get().password());
        String ha2 = md5(method + ":" + uri);
        String expected = qop == null
                ? md5(ha1 + ":" + nonce + ":" + ha2)
                : md5(ha1 + ":" + nonce + ":" + header.get("nc") + ":" + header.get("cnonce") + ":" + qop + ":" + ha2);
        boolean matches = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                response.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        if (!matches) {
            return refuse("bad-password");
        }
        // only after the hash matched: a forged header must not burn a genuine device's counts
        if (!replays.firstUse(nonce, nonceCount)) {
            return refuse("replayed-nonce");
        }
        return AuthResult.authenticated(known.get());
    }

    private AuthResult refuse(String reason) {
        // stale: the answer was (or may have been) right for an old nonce; the device may answer the new one
        // without asking anybody for a password (RFC 7616 §3.3)
        boolean stale = reason.equals("stale-nonce") || reason.equals("replayed-nonce");
        return AuthResult.refused("Digest realm=\"" + realm + "\", qop=\"auth\", nonce=\"" + nonces.issue()
                + "\", algorithm=MD5" + (stale ? ", stale=true" : ""), reason);
    }

    private static String md5(String text) {
        return DigestHeader.md5Hex(text);
    }
}
