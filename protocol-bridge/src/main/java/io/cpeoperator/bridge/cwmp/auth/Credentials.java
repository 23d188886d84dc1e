package io.cpeoperator.bridge.cwmp.auth;

import io.cpeoperator.bridge.device.DeviceId;

import java.util.Objects;
import java.util.Optional;

/**
 * A username and password, optionally bound to the one device allowed to use them; {@link #toString()} never shows
 * the password.
 *
 * @param device the device these credentials belong to, or null for a credential any device may present (a shared
 *               fleet credential)
 */
public record Credentials(String username, String password, DeviceId device) {

    public Credentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /** Credentials not bound to a device. */
    public Credentials(String username, String password) {
        this(username, password, null);
    }

    public Optional<DeviceId> boundDevice() {
        return Optional.ofNullable(device);
    }

    /** True when a session of {@code deviceId} may use these credentials. */
    public boolean permits(DeviceId deviceId) {
        return device == null || device.equals(deviceId);
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=***" + (device == null ? "" : ", device=" + device)
                + "]";
    }
}
