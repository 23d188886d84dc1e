package io.cpeoperator.bridge.cwmp;

import io.cpeoperator.bridge.cwmp.auth.AuthMode;
import io.cpeoperator.bridge.cwmp.connreq.ConnectionRequestPolicy;
import io.cpeoperator.bridge.cwmp.soap.SoapLimits;
import io.cpeoperator.bridge.cwmp.sync.TwinSyncPolicy;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the ACS runs. {@link #defaults()} is what a production ACS starts with: port 7547 on all interfaces, path
 * {@code /}, 30 s session timeout, 1 MiB bodies, open discovery.
 *
 * @param host                      interface to bind the dedicated server to
 * @param port                      HTTP port of the dedicated server ({@code --acs-port}); 0 picks a free one,
 *                                  -1 disables plain HTTP
 * @param path                      the URL path CPEs POST to (ManagementServer.URL)
 * @param tls                       the HTTPS listener, if any
 * @param sessionTimeout            idle time after which a session is considered vanished
 * @param limits                    SOAP body size, depth and element limits
 * @param authMode                  how strictly CPEs authenticate
 * @param realm                     the HTTP authentication realm
 * @param holdRequestsWhenQueued    send HoldRequests on the InformResponse while operations wait, so they run
 *                                  before the CPE's own requests
 * @param maxQueuedRpcsPerDevice    bound of each device's request queue
 * @param connectedWindow           a device counts as connected at least this long after its last Inform; one
 *                                  with a longer periodic Inform interval for 2.5 of its intervals
 */
public record CwmpAcsConfig(String host, int port, String path, Optional<TlsConfig> tls, Duration sessionTimeout,
                            SoapLimits limits, AuthMode authMode, String realm, boolean holdRequestsWhenQueued,
                            int maxQueuedRpcsPerDevice, Duration connectedWindow, TwinSyncPolicy sync,
                            ConnectionRequestPolicy connectionRequests) {

    public static final int DEFAULT_PORT = 7547;

    public CwmpAcsConfig {
        Objects.requireNonNull(host, "host");
        path = path == null || path.isEmpty() ? "/" : (path.startsWith("/") ? path : "/" + path);
        tls = tls == null ? Optional.empty() : tls;
        Objects.requireNonNull(sessionTimeout, "sessionTimeout");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(authMode, "authMode");
        realm = realm == null || realm.isBlank() ? "cpe-operator" : realm;
        if (maxQueuedRpcsPerDevice <= 0) {
            throw new IllegalArgumentException("maxQueuedRpcsPerDevice must be positive");
        }
        Objects.requireNonNull(connectedWindow, "connectedWindow");
        Objects.requireNonNull(sync, "sync");
        Objects.requireNonNull(connectionRequests, "connectionRequests");
    }

    public static CwmpAcsConfig defaults() {
        return new CwmpAcsConfig("0.0.0.0", DEFAULT_PORT, "/", Optional.empty(), Duration.ofSeconds(30),
                SoapLimits.defaults(), AuthMode.OPEN, "cpe-operator", false, 256, Duration.ofMinutes(15),
                TwinSyncPolicy.defaults(), ConnectionRequestPolicy.defaults());
    }

    public CwmpAcsConfig withListener(String newHost, int newPort) {
        return new CwmpAcsConfig(newHost, newPort, path, tls, sessionTimeout, limits, authMode, realm,
                holdRequestsWhenQueued, maxQueuedRpcsPerDevice, connectedWindow, sync, connectionRequests);
    }

    public CwmpAcsConfig withPath(String newPath) {
        return new CwmpAcsConfig(host, port, newPath, tls, sessionTimeout, limits, authMode, realm,
                holdRequestsWhenQueued, maxQueuedRpcsPerDevice, connectedWindow, sync, connectionRequests);
    }

    public CwmpAcsConfig withTls(TlsConfig newTls) {
        return new CwmpAcsConfig(host, port, path, Optional.ofNullable(newTls), sessionTimeout, limits, authMode,
                realm, holdRequestsWhenQueued, maxQueuedRpcsPerDevice, connectedWindow, sync, connectionRequests);
    }

    public CwmpAcsConfig withSessionTimeout(Duration timeout) {
        return new CwmpAcsConfig(host, port, path, tls, timeout, limits, authMode, realm, holdRequestsWhenQueued,
                maxQueuedRpcsPerDevice, connectedWindow, sync, connectionRequests);
    }

    public CwmpAcsConfig withLimits(SoapLimits newLimits) {
        return new CwmpAcsConfig(host, port, path, tls, sessionTimeout, newLimits, authMode, realm,
                holdRequestsWhenQueued, maxQueuedRpcsPerDevice, connectedWindow, sync, connectionRequests);
    }

    public CwmpAcsConfig withAuthMode(AuthMode mode) {
        return new CwmpAcsConfig(host, port, path, tls, sessionTimeout, limits, mode, realm, holdRequestsWhenQueued,
                maxQueuedRpcsPerDevice, connectedWindow, sync, connectionRequests);
    }

    public CwmpAcsConfig withHoldRequestsWhenQueued(boolean hold) {
        return new CwmpAcsConfig(host, port, path, tls, sessionTimeout, limits, authMode, realm, hold,
                maxQueuedRpcsPerDevice, connectedWindow, sync, connectionRequests);
    }

    public CwmpAcsConfig withConnectedWindow(Duration window) {
        return new CwmpAcsConfig(host, port, path, tls, sessionTimeout, limits, authMode, realm,
                holdRequestsWhenQueued, maxQueuedRpcsPerDevice, window, sync, connectionRequests);
    }

    public CwmpAcsConfig withSync(TwinSyncPolicy newSync) {
        return new CwmpAcsConfig(host, port, path, tls, sessionTimeout, limits, authMode, realm,
                holdRequestsWhenQueued, maxQueuedRpcsPerDevice, connectedWindow, newSync, connectionRequests);
    }

    public CwmpAcsConfig withConnectionRequests(ConnectionRequestPolicy policy) {
        return new CwmpAcsConfig(host, port, path, tls, sessionTimeout, limits, authMode, realm,
                holdRequestsWhenQueued, maxQueuedRpcsPerDevice, connectedWindow, sync, policy);
    }
}
