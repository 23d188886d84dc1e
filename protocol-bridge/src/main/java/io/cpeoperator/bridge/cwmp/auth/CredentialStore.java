package io.cpeoperator.bridge.cwmp.auth;

import io.cpeoperator.bridge.device.DeviceId;

import java.util.Optional;

/**
 * Where the ACS finds secrets: what a CPE must present to the ACS, and what the ACS presents to a CPE's Connection
 * Request listener. Implementations must be thread-safe and fast (called on every session start); a Kubernetes
 * Secret implementation lives in the operator.
 */
public interface CredentialStore {

    /** The credentials a CPE authenticating as {@code username} must present, if that username is known. */
    Optional<Credentials> cpeCredentials(String username);

    /** What the ACS sends to the device's ConnectionRequestURL, if anything is configured for it. */
    Optional<Credentials> connectionRequestCredentials(DeviceId deviceId);
}
