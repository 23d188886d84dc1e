package io.cpeoperator.simulator.cwmp;

import io.cpeoperator.bridge.cwmp.auth.DigestHeader;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * HTTP Digest (RFC 2617, MD5, qop=auth) in the CPE's two roles: answering the ACS's challenge, checking the ACS's
 * connection requests. Header parsing and hashing are the bridge's ({@link DigestHeader}).
 */
public final class DigestAuth {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_HEADER_LENGTH = 4096;

    private DigestAuth() {
    }

    /** A fresh server challenge: {@code Digest realm="...", qop="auth", nonce="..."}. */
    public static String challenge(String realm) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return "Digest realm=\"" + realm + "\", qop=\"auth\", nonce=\"" + HexFormat.of().formatHex(nonce) + "\", algorithm=MD5";
    }

    /** The Authorization header answering a {@code WWW-Authenticate: Digest ...} challenge. */
    public static String respond(String challenge, String method, String uri, String username, String password, int nc) {
        Map<String, String> c = parse(challenge.substring("Digest".length()));
        String realm = c.getOrDefault("realm", "");
        String nonce = c.getOrDefault("nonce", "");
        String qop = c.containsKey("qop") ? "auth" : null;
        String cnonce = HexFormat.of().formatHex(randomBytes(8));
        String ncText = String.format("%08x", nc);
        String ha1 = md5(username + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + uri);
        String response = qop == null ? md5(ha1 + ":" + nonce + ":" + ha2)
                : md5(ha1 + ":" + nonce + ":" + ncText + ":" + cnonce + ":" + qop + ":" + ha2);
        StringBuilder header = new StringBuilder("Digest username=\"").append(username)
                .append("\", realm=\"").append(realm).append("\", nonce=\"").append(nonce)
                .append("\", uri=\"").append(uri).append("\", response=\"").append(response).append('"');
        if (c.containsKey("opaque")) {
            header.append(", opaque=\"").append(c.get("opaque")).append('"');
        }
        if (qop != null) {
            header.append(", qop=").append(qop).append(", nc=").append(ncText).append(", cnonce=\"").append(cnonce).append('"');
        }
        return header.append(", algorithm=MD5").toString();
    }

    /** True when {@code authorization} is a valid Digest answer for these credentials (nonce freshness not tracked). */
    public static boolean verify(String authorization, String method, String username, String password) {
        if (authorization == null || authorization.length() > MAX_HEADER_LENGTH || !authorization.startsWith("Digest ")) {
            return false;
        }
        Map<String, String> a = parse(authorization.substring("Digest".length()));
        if (!username.equals(a.get("username")) || a.get("response") == null || a.get("uri") == null) {
            return false;
        }
        String ha1 = md5(username + ":" + a.getOrDefault("realm", "") + ":" + password);
        String ha2 = md5(method + ":" + a.get("uri"));
        String expected = a.containsKey("qop")
                ? md5(ha1 + ":" + a.getOrDefault("nonce", "") + ":" + a.getOrDefault("nc", "") + ":"
                        + a.getOrDefault("cnonce", "") + ":" + a.get("qop") + ":" + ha2)
                : md5(ha1 + ":" + a.getOrDefault("nonce", "") + ":" + ha2);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                a.get("response").getBytes(StandardCharsets.US_ASCII));
    }

    public static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static Map<String, String> parse(String text) {
        return DigestHeader.parse(text);
    }

    private static String md5(String text) {
        return DigestHeader.md5Hex(text);
    }
}
