package io.cpeoperator.simulator.cwmp;

import io.cpeoperator.simulator.device.VirtualDevice;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One HTTP listener for the connection requests of every simulated CWMP device: {@code GET /cr/<serial>} with
 * Digest credentials (the device's ConnectionRequestUsername/Password) triggers a "6 CONNECTION REQUEST"
 * session. Unknown paths get 404, missing or wrong credentials 401 with a fresh challenge, an offline device 503.
 */
public final class ConnectionRequestServer implements AutoCloseable {

    static final String PATH_PREFIX = "/cr/";
    private static final String REALM = "cpe-simulator";

    private final Server server;
    private final ServerConnector connector;
    private final Map<String, Target> targets = new ConcurrentHashMap<>();
    private final Counter accepted;
    private final Counter refused;

    public ConnectionRequestServer(String bindHost, int port, MeterRegistry registry) {
        QueuedThreadPool threads = new QueuedThreadPool(8, 2);
        threads.setName("sim-connection-request");
        threads.setDaemon(true);
        this.server = new Server(threads);
        this.connector = new ServerConnector(server, 1, 1);
        connector.setHost(bindHost);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                respond(request, response);
                callback.succeeded();
                return true;
            }
        });
        this.accepted = registry.counter("cpe.sim.cwmp.connection.requests", "result", "accepted");
        this.refused = registry.counter("cpe.sim.cwmp.connection.requests", "result", "refused");
    }

    public void start() throws Exception {
        server.start();
    }

    public int port() {
        return connector.getLocalPort();
    }

    public void register(VirtualDevice device, CwmpCpe cpe) {
        targets.put(device.crPath(), new Target(device, cpe));
    }

    private void respond(Request request, Response response) {
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
        String path = Request.getPathInContext(request);
        Target target = path.startsWith(PATH_PREFIX) ? targets.get(path.substring(PATH_PREFIX.length())) : null;
        if (target == null) {
            refused.increment();
            response.setStatus(404);
            return;
        }
        VirtualDevice device = target.device;
        String root = device.schema().root();
        String username = device.valueOf(root + "ManagementServer.ConnectionRequestUsername");
        String password = device.valueOf(root + "ManagementServer.ConnectionRequestPassword");
        if (!password.isEmpty() && !DigestAuth.verify(request.getHeaders().get(HttpHeader.AUTHORIZATION),
                request.getMethod(), username, password)) {
            refused.increment();
            response.setStatus(401);
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, DigestAuth.challenge(REALM));
            return;
        }
        if (!target.cpe.isOnline()) {
            refused.increment();
            response.setStatus(503);
            return;
        }
        accepted.increment();
        response.setStatus(200);
        target.cpe.connectionRequest();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private record Target(VirtualDevice device, CwmpCpe cpe) {
    }
}
