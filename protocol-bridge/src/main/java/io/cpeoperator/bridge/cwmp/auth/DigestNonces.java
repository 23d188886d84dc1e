package io.cpeoperator.bridge.cwmp.auth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * Stateless Digest nonces: the issue time signed with a per-process secret, so a million devices need no nonce
 * table and a forged or expired nonce is recognised without lookup.
 */
final class DigestNonces {

    private final byte[] secret = new byte[32];
    private final Clock clock;
    private final Duration lifetime;

    DigestNonces(Clock clock, Duration lifetime) {
        new SecureRandom().nextBytes(secret);
        this.clock = clock;
        this.lifetime = lifetime;
    }

    String issue() {
        String issued = Long.toString(clock.millis());
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((issued + ":" + sign(issued)).getBytes(StandardCharsets.US_ASCII));
    }

    /** True when the nonce was issued here and is younger than its lifetime. */
    boolean isValid(String nonce) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(nonce), StandardCharsets.US_ASCII);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return false;
            }
            String issued = decoded.substring(0, colon);
            byte[] expected = sign(issued).getBytes(StandardCharsets.US_ASCII);
            byte[] actual = decoded.substring(colon + 1).getBytes(StandardCharsets.US_ASCII);
            if (!MessageDigest.isEqual(expected, actual)) {
                return false;
            }
            long age = clock.millis() - Long.parseLong(issued);
            return age >= 0 && age <= lifetime.toMillis();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private String sign(String issued) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(issued.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
