package io.cpeoperator.bridge.usp.mtp.websocket;

import io.cpeoperator.bridge.usp.mtp.InboundRecordSink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The USP WebSocket MTP on the controller side (TR-369 R-WS-...): agents connect with subprotocol {@code v1.usp} and
 * name themselves with {@code ?eid=} or the {@code bbf-usp-protocol} extension's {@code eid} parameter; each binary
 * frame is one record; the controller pings idle connections so NATs keep them open and dead ones are noticed.
 *
 * <p>Mount {@link #handler(Server)} on a Jetty server the operator owns, or let {@link #startServer(int)} start one.
 */
public final class WebSocketMtp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketMtp.class);
    public static final String TAG = "websocket";
    public static final String SUBPROTOCOL = "v1.usp";
    static final String EXTENSION = "bbf-usp-protocol";
    static final Duration PING_INTERVAL = Duration.ofSeconds(30);

    private final String path;
    private final int maxRecordBytes;
    private final InboundRecordSink sink;
    private final Counter refused;
    private final AtomicLong connectionIds = new AtomicLong();
    private final ScheduledExecutorService pinger;
    private Server ownServer;

    public WebSocketMtp(String path, int maxRecordBytes, InboundRecordSink sink, MeterRegistry registry) {
        this.path = path;
        this.maxRecordBytes = maxRecordBytes;
        this.sink = sink;
        this.refused = registry.counter("cpe.usp.websocket.refused");
        this.pinger = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "usp-ws-ping");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A handler that upgrades USP WebSocket requests on the configured path. */
    public Handler handler(Server server) {
        return WebSocketUpgradeHandler.from(server, this::configure);
    }

    /** Starts an own Jetty server on the port (0 picks a free one, see {@link #port()}). */
    public synchronized void startServer(int port) {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(handler(server));
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the USP WebSocket server on port " + port, e);
        }
        ownServer = server;
    }

    public synchronized int port() {
        return ownServer == null ? -1 : ((ServerConnector) ownServer.getConnectors()[0]).getLocalPort();
    }

    public synchronized void stop() {
        if (ownServer != null) {
            try {
                ownServer.stop();
            } catch (Exception e) {
                LOG.debug("WebSocket server did not stop cleanly", e);
            }
            ownServer = null;
        }
        pinger.shutdownNow();
    }

    @Override
    public void close() {
        stop();
    }

    private void configure(ServerWebSocketContainer container) {
        container.setMaxBinaryMessageSize(maxRecordBytes);
        container.setMaxTextMessageSize(1024);
        container.setIdleTimeout(PING_INTERVAL.multipliedBy(3));
        container.addMapping(path, this::create);
    }

    private Object create(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        if (!request.hasSubProtocol(SUBPROTOCOL)) {
            refuse(request, response, callback, "subprotocol " + SUBPROTOCOL + " required");
            return null;
        }
        Optional<String> eid = endpointId(request);
        if (eid.isEmpty()) {
            refuse(request, response, callback, "endpoint ID missing (?eid= or " + EXTENSION + "; eid=...)");
            return null;
        }
        response.setAcceptedSubProtocol(SUBPROTOCOL);
        return new UspWebSocketEndpoint(eid.get(), "ws:" + eid.get() + "#" + connectionIds.incrementAndGet(), sink,
                pinger, PING_INTERVAL);
    }

    private void refuse(Request request, Response response, Callback callback, String why) {
        refused.increment();
        LOG.warn("refused USP WebSocket from {}: {}", Request.getRemoteAddr(request), why);
        Response.writeError(request, response, callback, 400, why);
    }

    static Optional<String> endpointId(ServerUpgradeRequest request) {
        String fromQuery = Request.extractQueryParameters(request).getValue("eid");
        if (fromQuery != null && validEid(fromQuery)) {
            return Optional.of(fromQuery);
        }
        // parsed from the raw header: Jetty only lists extensions it has an implementation for
        for (String header : request.getHeaders().getValuesList("Sec-WebSocket-Extensions")) {
            for (String offer : header.split(",")) {
                Optional<String> eid = eidParameter(offer);
                if (eid.isPresent()) {
                    return eid;
                }
            }
        }
        return Optional.empty();
    }

    /** {@code bbf-usp-protocol; eid="os::..."} → the eid, if valid. */
    static Optional<String> eidParameter(String offer) {
        String[] parts = offer.split(";");
        if (!EXTENSION.equalsIgnoreCase(parts[0].trim())) {
            return Optional.empty();
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.startsWith("eid=")) {
                String value = parameter.substring(4).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return validEid(value) ? Optional.of(value) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean validEid(String eid) {
        return io.cpeoperator.bridge.usp.wire.UspRecordCodec.validEndpointId(eid);
    }
}
