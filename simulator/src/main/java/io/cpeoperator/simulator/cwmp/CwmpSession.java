package io.cpeoperator.simulator.cwmp;

import io.cpeoperator.bridge.cwmp.soap.CwmpCodec;
import io.cpeoperator.bridge.cwmp.soap.CwmpDecodeException;
import io.cpeoperator.bridge.cwmp.soap.CwmpEnvelope;
import io.cpeoperator.bridge.cwmp.soap.CwmpMessage;
import io.cpeoperator.bridge.cwmp.soap.CwmpRequest;
import io.cpeoperator.bridge.cwmp.soap.CwmpVersion;
import io.cpeoperator.bridge.cwmp.soap.rpc.CwmpFault;
import io.cpeoperator.bridge.cwmp.soap.rpc.EventStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.FaultStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.InformResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.ParameterValueStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.TransferComplete;
import io.cpeoperator.bridge.cwmp.soap.rpc.TransferCompleteResponse;
import io.cpeoperator.simulator.device.TransferResult;
import io.cpeoperator.simulator.device.VirtualDevice;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.Connection;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One CWMP session, asynchronous end to end: Inform, TransferComplete if one is pending, the empty POST, then ACS
 * requests answered until the ACS sends an empty response. Handles HTTP Basic and Digest challenges and keeps the
 * ACS's session cookie for the session only. Like a real CPE, a session has its own TCP connection (opened again only
 * if the ACS closes it), never one pooled with other devices: ACSs may tie a session to its connection.
 */
final class CwmpSession {

    private static final String CONTENT_TYPE = "text/xml; charset=\"utf-8\"";
    private static final int MAX_EXCHANGES = 2_000;

    private final VirtualDevice device;
    private final HttpClient http;
    private final CwmpCodec codec;
    private final CwmpSettings settings;
    private final CwmpRpcHandler handler;
    private final List<EventStruct> events;
    private final List<ParameterValueStruct> changed;
    private final int retryCount;
    private final List<Runnable> afterSession = new ArrayList<>();
    private final List<String> cookies = new ArrayList<>();
    private String authorization;
    private String digestChallenge;
    private int nonceCount;
    private int exchanges;
    private CompletableFuture<Connection> connection;

    CwmpSession(VirtualDevice device, HttpClient http, CwmpCodec codec, CwmpSettings settings, CwmpRpcHandler handler,
                List<EventStruct> events, List<ParameterValueStruct> changed, int retryCount) {
        this.device = device;
        this.http = http;
        this.codec = codec;
        this.settings = settings;
        this.handler = handler;
        this.events = List.copyOf(events);
        this.changed = List.copyOf(changed);
        this.retryCount = retryCount;
    }

    /** Runs the session; completes with the actions to run after it, or exceptionally when it failed. */
    CompletableFuture<List<Runnable>> run() {
        CwmpEnvelope inform = CwmpEnvelope.of(CwmpVersion.V1_0, "cpe-" + device.bootCount() + "-" + retryCount,
                InformBuilder.build(device, events, retryCount, changed));
        return exchange(codec.encode(inform))
                .thenCompose(response -> expect(response, InformResponse.class))
                .thenCompose(ignored -> sendTransferComplete())
                .thenCompose(ignored -> exchange(new byte[0]))
                .thenCompose(this::serveAcs)
                .thenApply(ignored -> afterSession)
                .whenComplete((ignored, error) -> closeConnection());
    }

    private synchronized CompletableFuture<Connection> connection(Request request) {
        boolean usable = connection != null && !connection.isCompletedExceptionally()
                && (!connection.isDone() || !connection.join().isClosed());
        if (!usable) {
            connection = http.resolveDestination(request).newConnection();
        }
        return connection;
    }

    private synchronized void closeConnection() {
        if (connection != null) {
            connection.thenAccept(Connection::close);
            connection = null;
        }
    }

    private CompletableFuture<Void> sendTransferComplete() {
        TransferResult result = device.pendingTransfer();
        if (result == null) {
            return CompletableFuture.completedFuture(null);
        }
        TransferComplete complete = new TransferComplete(result.commandKey(),
                new FaultStruct(result.faultCode(), result.faultString()),
                Instant.ofEpochMilli(result.startMillis()).toString(), Instant.ofEpochMilli(result.completeMillis()).toString());
        return exchange(codec.encode(CwmpEnvelope.of(CwmpVersion.V1_0, "tc-" + device.bootCount(), complete)))
                .thenCompose(response -> expect(response, TransferCompleteResponse.class))
                .thenAccept(ignored -> device.transferReported(result));
    }

    /** Answers ACS requests until the ACS ends the session with an empty response. */
    private CompletableFuture<Void> serveAcs(ContentResponse response) {
        if (isEnd(response)) {
            return CompletableFuture.completedFuture(null);
        }
        if (++exchanges > MAX_EXCHANGES) {
            return CompletableFuture.failedFuture(new IllegalStateException("session exceeded " + MAX_EXCHANGES + " exchanges"));
        }
        CwmpEnvelope request;
        CwmpMessage answer;
        try {
            request = codec.decode(response.getContent());
            CwmpMessage message = request.message();
            if (message instanceof CwmpRequest<?>) {
                CwmpRpcHandler.Answer result = handler.answer(message);
                if (result.afterSession() != null) {
                    afterSession.add(result.afterSession());
                }
                answer = result.message();
            } else {
                // a response or fault from the ACS where a request was expected: nothing to answer
                return exchange(new byte[0]).thenCompose(this::serveAcs);
            }
        } catch (CwmpDecodeException e) {
            int code = e.reason() == CwmpDecodeException.Reason.UNKNOWN_METHOD ? 9000 : 9003;
            CwmpEnvelope fault = CwmpEnvelope.of(e.version() == null ? CwmpVersion.V1_0 : e.version(), e.cwmpId(),
                    CwmpFault.of(code, code == 9000 ? "Method not supported" : "Invalid arguments"));
            return exchange(codec.encode(fault)).thenCompose(this::serveAcs);
        }
        CwmpEnvelope reply = CwmpEnvelope.of(request.version(), request.id(), answer);
        return exchange(codec.encode(reply)).thenCompose(this::serveAcs);
    }

    private static boolean isEnd(ContentResponse response) {
        return response.getStatus() == 204 || response.getContent().length == 0;
    }

    private <T> CompletableFuture<T> expect(ContentResponse response, Class<T> type) {
        try {
            CwmpEnvelope envelope = codec.decode(response.getContent());
            if (type.isInstance(envelope.message())) {
                return CompletableFuture.completedFuture(type.cast(envelope.message()));
            }
            return CompletableFuture.failedFuture(new IllegalStateException("expected " + type.getSimpleName()
                    + " but the ACS sent " + (envelope.message() == null ? "an empty envelope" : envelope.message().name())));
        } catch (CwmpDecodeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** One POST; answers an authentication challenge once. */
    private CompletableFuture<ContentResponse> exchange(byte[] body) {
        return post(body).thenCompose(response -> {
            if (response.getStatus() == 401 && authorization == null) {
                String challenge = response.getHeaders().get(HttpHeader.WWW_AUTHENTICATE);
                if (challenge == null) {
                    return CompletableFuture.failedFuture(new IllegalStateException("401 without a challenge"));
                }
                String username = device.valueOf(device.schema().root() + "ManagementServer.Username");
                String password = device.valueOf(device.schema().root() + "ManagementServer.Password");
                if (challenge.regionMatches(true, 0, "Digest", 0, 6)) {
                    digestChallenge = challenge;
                } else {
                    authorization = DigestAuth.basic(username, password);
                }
                if (digestChallenge != null) {
                    authorization = "digest";
                }
                return post(body);
            }
            return CompletableFuture.completedFuture(response);
        }).thenCompose(response -> {
            if (response.getStatus() != 200 && response.getStatus() != 204) {
                return CompletableFuture.failedFuture(new IllegalStateException("ACS answered HTTP " + response.getStatus()));
            }
            for (HttpField field : response.getHeaders().getFields(HttpHeader.SET_COOKIE)) {
                String value = field.getValue();
                int semicolon = value.indexOf(';');
                String pair = semicolon < 0 ? value : value.substring(0, semicolon);
                String name = pair.substring(0, Math.max(0, pair.indexOf('=')));
                cookies.removeIf(c -> c.startsWith(name + "="));
                cookies.add(pair.trim());
            }
            return CompletableFuture.completedFuture(response);
        });
    }

    private CompletableFuture<ContentResponse> post(byte[] body) {
        URI url = settings.acsUrl();
        Request request = http.newRequest(url).method(HttpMethod.POST)
                .timeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .body(new BytesRequestContent(CONTENT_TYPE, body));
        request.headers(headers -> {
            if (body.length > 0) {
                headers.put("SOAPAction", "");
            }
            if (!cookies.isEmpty()) {
                headers.put(HttpHeader.COOKIE, String.join("; ", cookies));
            }
            if (digestChallenge != null) {
                String username = device.valueOf(device.schema().root() + "ManagementServer.Username");
                String password = device.valueOf(device.schema().root() + "ManagementServer.Password");
                String uri = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
                headers.put(HttpHeader.AUTHORIZATION, DigestAuth.respond(digestChallenge, "POST", uri, username, password,
                        ++nonceCount));
            } else if (authorization != null) {
                headers.put(HttpHeader.AUTHORIZATION, authorization);
            }
        });
        return connection(request).thenCompose(c -> new CompletableResponseListener(request, settings.maxResponseBytes()).send(c));
    }

}
