package io.cpeoperator.bridge.cwmp.testing;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A CPE's Connection Request listener on 127.0.0.1 and a free port, without authentication: it answers 200,
 * remembers when each request came, and then, like a real CPE, opens the session it was asked for.
 */
public final class ConnectionRequestListener implements AutoCloseable {

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final ExecutorService sessions = Executors.newSingleThreadExecutor();
    private final List<Long> receivedNanos = new CopyOnWriteArrayList<>();
    private volatile Callable<?> session;

    public ConnectionRequestListener() throws Exception {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                receivedNanos.add(System.nanoTime());
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
                callback.succeeded();
                java.util.concurrent.Callable<?> opens = session;
                if (opens != null) {
                    sessions.submit(opens);
                }
                return true;
            }
        });
        server.start();
    }

    /** What the device does when asked: typically {@code () -> cpe.runSession("6 CONNECTION REQUEST")}. */
    public ConnectionRequestListener onRequest(Callable<?> opensSession) {
        session = opensSession;
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + connector.getLocalPort() + "/cr";
    }

    public int count() {
        return receivedNanos.size();
    }

    /** {@link System#nanoTime()} of each request, in arrival order. */
    public List<Long> receivedNanos() {
        return List.copyOf(receivedNanos);
    }

    @Override
    public void close() throws Exception {
        sessions.shutdownNow();
        server.stop();
    }
}
