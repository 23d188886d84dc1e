package io.cpeoperator.bridge.bulkdata;

import io.cpeoperator.bridge.device.DeviceId;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secrets in bulk-data profile URLs ({@code .../bulkdata/<token>}): 256 random bits per device, so the URL
 * alone names and authenticates one device. A device keeps its token until it is revoked; the registry is in
 * memory, so whoever provisions profiles keeps the tokens it handed out and {@link #restore}s them after a restart.
 * Thread-safe.
 */
public final class BulkDataTokens {

    /** 32 bytes in unpadded base64url. */
    static final int TOKEN_LENGTH = 43;

    private final SecureRandom random;
    private final Map<String, DeviceId> devices = new ConcurrentHashMap<>();
    private final Map<DeviceId, String> tokens = new ConcurrentHashMap<>();
    private final Object writes = new Object();

    public BulkDataTokens() {
        this(new SecureRandom());
    }

    BulkDataTokens(SecureRandom random) {
        this.random = random;
    }

    /** The device's token, issued on first use and the same afterwards until revoked. */
    public String tokenFor(DeviceId device) {
        Objects.requireNonNull(device, "device");
        String token = tokens.get(device);
        if (token != null) {
            return token;
        }
        synchronized (writes) {
            token = tokens.get(device);
            if (token == null) {
                do {
                    byte[] bytes = new byte[32];
                    random.nextBytes(bytes);
                    token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                } while (devices.containsKey(token));
                devices.put(token, device);
                tokens.put(device, token);
            }
            return token;
        }
    }

    /** The device a token was issued to; empty for unknown, revoked or malformed tokens. */
    public Optional<DeviceId> deviceFor(String token) {
        return wellFormed(token) ? Optional.ofNullable(devices.get(token)) : Optional.empty();
    }

    /** Makes the device's token unusable; its next {@link #tokenFor} issues a new one. */
    public boolean revoke(DeviceId device) {
        synchronized (writes) {
            String token = tokens.remove(device);
            if (token == null) {
                return false;
            }
            devices.remove(token);
            return true;
        }
    }

    /**
     * Registers a token issued before a restart. Refuses a malformed token and one that belongs to another device;
     * replaces the device's current token, if it has another.
     */
    public void restore(DeviceId device, String token) {
        Objects.requireNonNull(device, "device");
        if (!wellFormed(token)) {
            throw new IllegalArgumentException("not a bulk-data token");
        }
        synchronized (writes) {
            DeviceId holder = devices.get(token);
            if (holder != null && !holder.equals(device)) {
                throw new IllegalArgumentException("the token belongs to another device");
            }
            String previous = tokens.put(device, token);
            if (previous != null && !previous.equals(token)) {
                devices.remove(previous);
            }
            devices.put(token, device);
        }
    }

    static boolean wellFormed(String token) {
        if (token == null || token.length() != TOKEN_LENGTH) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
