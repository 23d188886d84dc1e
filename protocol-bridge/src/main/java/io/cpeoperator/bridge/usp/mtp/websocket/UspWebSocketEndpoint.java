package io.cpeoperator.bridge.usp.mtp.websocket;

import io.cpeoperator.bridge.usp.mtp.InboundRecordSink;
import io.cpeoperator.bridge.usp.mtp.MtpRoute;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One agent's WebSocket: binary frames in as records, records out as binary frames, periodic pings. Public only
 * because Jetty invokes the listener methods reflectively.
 */
public final class UspWebSocketEndpoint implements Session.Listener.AutoDemanding, MtpRoute {

    private static final Logger LOG = LoggerFactory.getLogger(UspWebSocketEndpoint.class);

    private final String endpointId;
    private final String address;
    private final InboundRecordSink sink;
    private final ScheduledExecutorService pinger;
    private final Duration pingInterval;
    private volatile Session session;
    private ScheduledFuture<?> pings;

    UspWebSocketEndpoint(String endpointId, String address, InboundRecordSink sink, ScheduledExecutorService pinger,
                         Duration pingInterval) {
        this.endpointId = endpointId;
        this.address = address;
        this.sink = sink;
        this.pinger = pinger;
        this.pingInterval = pingInterval;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        LOG.info("usp:{} opened a WebSocket from {}", endpointId, session.getRemoteSocketAddress());
        try {
            pings = pinger.scheduleAtFixedRate(this::ping, pingInterval.toMillis(), pingInterval.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            session.close(StatusCode.SHUTDOWN, "controller stopping", Callback.NOOP);
        }
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        try {
            sink.onRecord(payload, WebSocketMtp.TAG, record -> Optional.of(this));
        } finally {
            callback.succeed();
        }
    }

    @Override
    public void onWebSocketText(String message) {
        LOG.warn("usp:{} sent a text frame; USP records travel in binary frames, closing", endpointId);
        session.close(StatusCode.BAD_DATA, "USP records must be binary frames", Callback.NOOP);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        if (pings != null) {
            pings.cancel(false);
        }
        sink.onDisconnected(endpointId, address, "WebSocket closed: " + statusCode + " " + reason);
        callback.succeed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.debug("usp:{} WebSocket error", endpointId, cause);
    }

    private void ping() {
        Session current = session;
        if (current != null && current.isOpen()) {
            current.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
        }
    }

    @Override
    public void send(byte[] record) {
        Session current = session;
        if (current != null && current.isOpen()) {
            current.sendBinary(ByteBuffer.wrap(record), Callback.from(() -> { },
                    failure -> LOG.debug("send to usp:{} failed", endpointId, failure)));
        }
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public Optional<String> transportEndpointId() {
        return Optional.of(endpointId);
    }

    @Override
    public boolean isOpen() {
        Session current = session;
        return current != null && current.isOpen();
    }

    @Override
    public String toString() {
        return address;
    }
}
