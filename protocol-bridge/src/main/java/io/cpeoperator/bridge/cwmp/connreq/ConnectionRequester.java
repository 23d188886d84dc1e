package io.cpeoperator.bridge.cwmp.connreq;

import io.cpeoperator.bridge.cwmp.auth.CredentialStore;
import io.cpeoperator.bridge.cwmp.auth.Credentials;
import io.cpeoperator.bridge.cwmp.auth.DigestHeader;
import io.cpeoperator.bridge.device.DeviceId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends TR-069 Connection Requests: an HTTP GET to the device's ConnectionRequestURL, answering a 401 with Digest
 * (or Basic when that is all the device offers) using the device's credentials from the {@link CredentialStore}.
 * Rate-limited per device and overall; every outcome is counted.
 */
public final class ConnectionRequester implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionRequester.class);

    private final HttpClient client;
    private final CredentialStore credentials;
    private final ConnectionRequestPolicy policy;
    private final ConnectionRequestRateLimiter limiter;
    private final Map<ConnectionRequestOutcome, Counter> outcomes = new EnumMap<>(ConnectionRequestOutcome.class);
    private final SecureRandom random = new SecureRandom();

    public ConnectionRequester(CredentialStore credentials, ConnectionRequestPolicy policy,
                               ConnectionRequestRateLimiter limiter, MeterRegistry registry) {
        this.credentials = credentials;
        this.policy = policy;
        this.limiter = limiter;
        this.client = new HttpClient();
        client.setFollowRedirects(false);
        client.setConnectTimeout(policy.timeout().toMillis());
        client.setUserAgentField(null);
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the connection request HTTP client", e);
        }
        for (ConnectionRequestOutcome outcome : ConnectionRequestOutcome.values()) {
            outcomes.put(outcome, Counter.builder("cpe.cwmp.connection.requests")
                    .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)).register(registry));
        }
    }

    /** Asks the device at {@code url} to open a session; never fails, the outcome says what happened. */
    public CompletableFuture<ConnectionRequestOutcome> request(DeviceId deviceId, Optional<String> url) {
        return request(deviceId, url, false);
    }

    /**
     * As {@link #request(DeviceId, Optional)}; a {@code retry} of a request the limits held back is not counted again
     * when they hold it back once more (a waiting device is retried every few hundred milliseconds).
     */
    public CompletableFuture<ConnectionRequestOutcome> request(DeviceId deviceId, Optional<String> url, boolean retry) {
        if (url.isEmpty()) {
            return done(deviceId, ConnectionRequestOutcome.NO_URL);
        }
        ConnectionRequestOutcome refused = limiter.refusal(deviceId);
        if (refused != null) {
            return retry ? CompletableFuture.completedFuture(refused) : done(deviceId, refused);
        }
        URI uri;
        try {
            uri = URI.create(url.get());
            if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                return done(deviceId, ConnectionRequestOutcome.NO_URL);
            }
        } catch (IllegalArgumentException e) {
            return done(deviceId, ConnectionRequestOutcome.NO_URL);
        }
        return send(uri, null)
                .thenCompose(first -> first.getStatus() == 401
                        ? retryAuthenticated(deviceId, uri, first)
                        : CompletableFuture.completedFuture(first))
                .handle((response, failure) -> {
                    ConnectionRequestOutcome outcome = failure != null ? ConnectionRequestOutcome.UNREACHABLE
                            : response.getStatus() / 100 == 2 ? ConnectionRequestOutcome.ACCEPTED
                            : response.getStatus() == 401 ? ConnectionRequestOutcome.AUTH_FAILED
                            : ConnectionRequestOutcome.REFUSED;
                    if (failure != null) {
                        LOG.debug("{}: connection request to {} failed: {}", deviceId, uri, failure.toString());
                    }
                    return count(deviceId, outcome);
                });
    }

    private CompletableFuture<ContentResponse> retryAuthenticated(DeviceId deviceId, URI uri, ContentResponse first) {
        Optional<Credentials> creds = credentials.connectionRequestCredentials(deviceId);
        String challenge = first.getHeaders().get(HttpHeader.WWW_AUTHENTICATE);
        if (creds.isEmpty() || challenge == null) {
            return CompletableFuture.completedFuture(first);
        }
        String authorization = challenge.regionMatches(true, 0, "Digest", 0, 6)
                ? digest(creds.get(), challenge.substring(6).trim(), uri)
                : basic(creds.get());
        return send(uri, authorization);
    }

    private CompletableFuture<ContentResponse> send(URI uri, String authorization) {
        Request request = client.newRequest(uri).method(HttpMethod.GET)
                .timeout(policy.timeout().toMillis(), TimeUnit.MILLISECONDS);
        if (authorization != null) {
            request.headers(headers -> headers.put(HttpHeader.AUTHORIZATION, authorization));
        }
        // Content is tiny or absent; 4 KiB bounds what a hostile listener can make us buffer.
        return new CompletableResponseListener(request, 4096).send();
    }

    private String digest(Credentials creds, String challengeParameters, URI uri) {
        Map<String, String> challenge = DigestHeader.parse(challengeParameters);
        String realm = challenge.getOrDefault("realm", "");
        String nonce = challenge.getOrDefault("nonce", "");
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path = path + "?" + uri.getRawQuery();
        }
        String ha1 = DigestHeader.md5Hex(creds.username() + ":" + realm + ":" + creds.password());
        String ha2 = DigestHeader.md5Hex("GET:" + path);
        boolean qopAuth = challenge.getOrDefault("qop", "").contains("auth");
        String cnonce = HexFormat.of().formatHex(randomBytes(8));
        String nc = "00000001";
        String response = qopAuth
                ? DigestHeader.md5Hex(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2)
                : DigestHeader.md5Hex(ha1 + ":" + nonce + ":" + ha2);
        StringBuilder header = new StringBuilder("Digest username=\"").append(creds.username())
                .append("\", realm=\"").append(realm).append("\", nonce=\"").append(nonce)
                .append("\", uri=\"").append(path).append("\", response=\"").append(response).append('"');
        if (qopAuth) {
            header.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"');
        }
        if (challenge.containsKey("opaque")) {
            header.append(", opaque=\"").append(challenge.get("opaque")).append('"');
        }
        return header.append(", algorithm=MD5").toString();
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String basic(Credentials creds) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (creds.username() + ":" + creds.password()).getBytes(StandardCharsets.UTF_8));
    }

    private CompletableFuture<ConnectionRequestOutcome> done(DeviceId deviceId, ConnectionRequestOutcome outcome) {
        return CompletableFuture.completedFuture(count(deviceId, outcome));
    }

    private ConnectionRequestOutcome count(DeviceId deviceId, ConnectionRequestOutcome outcome) {
        outcomes.get(outcome).increment();
        LOG.debug("{}: connection request {}", deviceId, outcome);
        return outcome;
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            LOG.warn("stopping the connection request HTTP client failed", e);
        }
    }
}
