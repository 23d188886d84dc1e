package io.cpeoperator.bridge.cwmp.session;

import io.cpeoperator.bridge.cwmp.CwmpAcsConfig;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;

/**
 * The ACS endpoint as a Jetty 12 core handler: mount it on any server (the operator's own, or the dedicated one
 * {@link io.cpeoperator.bridge.cwmp.CwmpAcs} starts). It answers POSTs to the configured path and declines
 * everything else, so it can share a server with other handlers. HTTP concerns only: bounded body reading,
 * cookie and connection tracking, writing the reply; the protocol lives in {@link CwmpSessionEngine}.
 *
 * <p>A blocking handler on purpose, although it never blocks: Jetty then hands requests to pool threads instead of
 * running them on the selector thread, which spreads sessions over all cores (measured: +30 % sessions/s on two
 * cores against the non-blocking variant).
 */
public final class CwmpSessionHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(CwmpSessionHandler.class);
    static final String COOKIE_NAME = "cwmpsid";
    private static final String CONTENT_TYPE = "text/xml; charset=\"utf-8\"";
    private static final String TRACKED = CwmpSessionHandler.class.getName() + ".tracked";

    private final CwmpSessionEngine engine;
    private final CwmpMetrics metrics;
    private final String path;
    private final int maxBodyBytes;

    public CwmpSessionHandler(CwmpAcsConfig config, CwmpSessionEngine engine, CwmpMetrics metrics) {
        this.engine = engine;
        this.metrics = metrics;
        this.path = config.path();
        this.maxBodyBytes = config.limits().maxBodyBytes();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!path.equals(Request.getPathInContext(request))) {
            return false;
        }
        if (!HttpMethod.POST.is(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "POST");
            write(response, SessionReply.status(HttpStatus.METHOD_NOT_ALLOWED_405), callback);
            return true;
        }
        if (request.getLength() > maxBodyBytes) {
            metrics.rejected("too_large");
            write(response, SessionReply.status(HttpStatus.PAYLOAD_TOO_LARGE_413), callback);
            return true;
        }
        String connectionId = trackConnection(request.getConnectionMetaData());
        String cookie = sessionCookie(request);
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        BoundedBodyReader.read(request, maxBodyBytes, request.getLength(), (body, failure) -> {
            if (failure instanceof BoundedBodyReader.TooLarge) {
                // bigger than allowed without (or despite) a Content-Length
                metrics.rejected("too_large");
                write(response, SessionReply.status(HttpStatus.PAYLOAD_TOO_LARGE_413), callback);
                return;
            }
            if (failure != null) {
                // the device hung up mid-body: nobody to answer
                metrics.rejected("aborted");
                callback.failed(failure);
                return;
            }
            SessionReply reply;
            try {
                reply = engine.handle(new IncomingPost(connectionId, cookie, authorization, body));
            } catch (RuntimeException e) {
                LOG.error("session engine failed on a request from {}", request.getConnectionMetaData()
                        .getRemoteSocketAddress(), e);
                metrics.rejected("internal_error");
                reply = SessionReply.status(HttpStatus.INTERNAL_SERVER_ERROR_500);
            }
            write(response, reply, callback);
        });
        return true;
    }

    private String trackConnection(ConnectionMetaData connection) {
        String id = connection.getId();
        if (connection.getAttribute(TRACKED) == null) {
            connection.setAttribute(TRACKED, Boolean.TRUE);
            connection.getConnection().addEventListener(new Connection.Listener() {
                @Override
                public void onClosed(Connection closed) {
                    engine.connectionClosed(id);
                }
            });
        }
        return id;
    }

    /**
     * The session id from the {@code Cookie} header. Parsed by hand: devices echo the whole Set-Cookie value
     * ({@code cwmpsid=...; Path=/}), which strict cookie parsers reject.
     */
    static String sessionCookie(Request request) {
        for (HttpField field : request.getHeaders()) {
            if (field.getHeader() != HttpHeader.COOKIE) {
                continue;
            }
            for (String part : field.getValue().split(";")) {
                String trimmed = part.trim();
                if (trimmed.startsWith(COOKIE_NAME + "=")) {
                    String value = trimmed.substring(COOKIE_NAME.length() + 1);
                    return value.length() > 2 && value.startsWith("\"") && value.endsWith("\"")
                            ? value.substring(1, value.length() - 1) : value;
                }
            }
        }
        return null;
    }

    private void write(Response response, SessionReply reply, Callback callback) {
        response.setStatus(reply.status());
        if (reply.sessionCookie() != null) {
            response.getHeaders().put(HttpHeader.SET_COOKIE, COOKIE_NAME + "=" + reply.sessionCookie() + "; Path=" + path);
        }
        if (reply.wwwAuthenticate() != null) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, reply.wwwAuthenticate());
        }
        if (reply.body() == null) {
            if (reply.status() != HttpStatus.NO_CONTENT_204) {
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
            }
            response.write(true, null, callback);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.body().length);
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }
}
