package io.cpeoperator.simulator.support;

import io.cpeoperator.bridge.cwmp.soap.CwmpCodec;
import io.cpeoperator.bridge.cwmp.soap.CwmpEnvelope;
import io.cpeoperator.bridge.cwmp.soap.CwmpMessage;
import io.cpeoperator.bridge.cwmp.soap.CwmpRequest;
import io.cpeoperator.bridge.cwmp.soap.CwmpVersion;
import io.cpeoperator.bridge.cwmp.soap.SoapLimits;
import io.cpeoperator.bridge.cwmp.soap.rpc.Inform;
import io.cpeoperator.bridge.cwmp.soap.rpc.InformResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.TransferComplete;
import io.cpeoperator.bridge.cwmp.soap.rpc.TransferCompleteResponse;
import io.cpeoperator.simulator.SimulatedDevice;
import io.cpeoperator.simulator.cwmp.DigestAuth;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A minimal scripted ACS for tests: answers Inform and TransferComplete, hands queued requests to the device after
 * its empty POST, completes each request's future with the device's answer, ends sessions with 204. Optionally
 * challenges with HTTP Digest.
 */
public final class TestAcs implements AutoCloseable {

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final CwmpCodec codec = new CwmpCodec(SoapLimits.defaults());
    private final String username;
    private final String password;
    private final List<CwmpMessage> fromCpe = new ArrayList<>();
    private final java.util.Map<String, Deque<Pending>> queues = new java.util.HashMap<>();
    private final java.util.Map<String, String> sessionDevice = new java.util.HashMap<>();
    private final java.util.Map<String, Pending> inFlight = new java.util.HashMap<>();
    private int ids;
    private int sessions;

    private record Pending(CwmpRequest<?> request, CompletableFuture<CwmpMessage> answer) {
    }

    /** {@code username} null: no authentication. */
    public TestAcs(String username, String password) throws Exception {
        this.username = username;
        this.password = password;
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                byte[] body = Content.Source.asInputStream(request).readAllBytes();
                byte[] answer = TestAcs.this.handle(request, response, body);
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.length);
                response.write(true, ByteBuffer.wrap(answer), callback);
                return true;
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + connector.getLocalPort() + "/acs";
    }

    private synchronized byte[] handle(Request request, Response response, byte[] body) throws Exception {
        if (username != null && !DigestAuth.verify(request.getHeaders().get(HttpHeader.AUTHORIZATION), "POST", username, password)) {
            response.setStatus(401);
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, DigestAuth.challenge("test-acs"));
            return new byte[0];
        }
        String cookie = request.getHeaders().get(HttpHeader.COOKIE);
        if (body.length > 0) {
            CwmpEnvelope envelope = codec.decode(body);
            CwmpMessage message = envelope.message();
            fromCpe.add(message);
            notifyAll();
            if (message instanceof Inform inform) {
                sessions++;
                sessionDevice.put("acssid=s" + sessions, inform.deviceId().serialNumber());
                response.getHeaders().put(HttpHeader.SET_COOKIE, "acssid=s" + sessions + "; Path=/");
                return codec.encode(CwmpEnvelope.of(envelope.version(), envelope.id(), new InformResponse(1)));
            }
            if (message instanceof TransferComplete) {
                return codec.encode(CwmpEnvelope.of(envelope.version(), envelope.id(), new TransferCompleteResponse()));
            }
            Pending answered = cookie == null ? null : inFlight.remove(cookie);
            if (answered != null) {
                answered.answer.complete(message);
            }
        }
        // requests go only to the device they were queued for, identified by the session cookie
        String serial = cookie == null ? null : sessionDevice.get(cookie);
        Deque<Pending> queue = serial == null ? null : queues.get(serial);
        Pending next = queue == null ? null : queue.poll();
        if (next == null) {
            response.setStatus(204);
            return new byte[0];
        }
        inFlight.put(cookie, next);
        return codec.encode(CwmpEnvelope.of(CwmpVersion.V1_0, "acs-" + ++ids, next.request));
    }

    /** Queues a request for the next session of the device with this serial number. */
    public synchronized CompletableFuture<CwmpMessage> enqueue(String serial, CwmpRequest<?> request) {
        Pending pending = new Pending(request, new CompletableFuture<>());
        queues.computeIfAbsent(serial, s -> new ArrayDeque<>()).add(pending);
        return pending.answer;
    }

    /** Waits for a message from the CPE, received at any time, matching the predicate. */
    public synchronized CwmpMessage await(Predicate<CwmpMessage> predicate, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (CwmpMessage message : fromCpe) {
                if (predicate.test(message)) {
                    return message;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching CWMP message within " + timeout + "; got " + fromCpe);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    public synchronized void clear() {
        fromCpe.clear();
    }

    public synchronized List<CwmpMessage> received() {
        return List.copyOf(fromCpe);
    }

    /** GET on a connection-request URL, answering a Digest challenge when credentials are given. */
    /**
     * Queues {@code request} for the device and wakes it with a Connection Request (user {@code cr-<serial>}),
     * retrying while it answers 503 (still rebooting); returns the device's answer.
     */
    public CwmpMessage call(SimulatedDevice device, CwmpRequest<?> request, String crPassword, Duration wait)
            throws Exception {
        CompletableFuture<CwmpMessage> answer = enqueue(device.state().serialNumber(), request);
        String url = device.state().connectionRequestUrl();
        long deadline = System.nanoTime() + wait.toNanos();
        int status;
        while ((status = connectionRequest(url, "cr-" + device.state().serialNumber(), crPassword)) == 503
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (status != 200) {
            throw new AssertionError(device.id() + " answered the Connection Request with " + status);
        }
        return answer.get(wait.toSeconds(), TimeUnit.SECONDS);
    }

    public static int connectionRequest(String url, String user, String pass) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<Void> first = client.send(java.net.http.HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        if (first.statusCode() != 401 || user == null) {
            return first.statusCode();
        }
        String challenge = first.headers().firstValue("WWW-Authenticate").orElseThrow();
        String authorization = DigestAuth.respond(challenge, "GET", URI.create(url).getRawPath(), user, pass, 1);
        return client.send(java.net.http.HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
                .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
