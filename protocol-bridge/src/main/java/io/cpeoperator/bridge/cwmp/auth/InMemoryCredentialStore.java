package io.cpeoperator.bridge.cwmp.auth;

import io.cpeoperator.bridge.device.DeviceId;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link CredentialStore} held in memory: for the embedded mode, tests and benchmarks. */
public final class InMemoryCredentialStore implements CredentialStore {

    private final Map<String, Credentials> cpe = new ConcurrentHashMap<>();
    private final Map<DeviceId, Credentials> connectionRequest = new ConcurrentHashMap<>();
    private volatile Credentials defaultConnectionRequest;

    public InMemoryCredentialStore putCpe(String username, String password) {
        cpe.put(username, new Credentials(username, password));
        return this;
    }

    /** Credentials only {@code device} may use. */
    public InMemoryCredentialStore putCpe(String username, String password, DeviceId device) {
        cpe.put(username, new Credentials(username, password, device));
        return this;
    }

    public InMemoryCredentialStore putConnectionRequest(DeviceId deviceId, String username, String password) {
        connectionRequest.put(deviceId, new Credentials(username, password));
        return this;
    }

    /** Credentials used for devices without their own entry (many fleets share one). */
    public InMemoryCredentialStore defaultConnectionRequest(String username, String password) {
        defaultConnectionRequest = new Credentials(username, password);
        return this;
    }

    @Override
    public Optional<Credentials> cpeCredentials(String username) {
        return Optional.ofNullable(cpe.get(username));
    }

    @Override
    public Optional<Credentials> connectionRequestCredentials(DeviceId deviceId) {
        Credentials own = connectionRequest.get(deviceId);
        return Optional.ofNullable(own != null ? own : defaultConnectionRequest);
    }
}
