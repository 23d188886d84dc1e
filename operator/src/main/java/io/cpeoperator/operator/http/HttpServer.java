package io.cpeoperator.operator.http;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The operator's one HTTP port. GET routes only; 404 for unknown paths, 405 for other methods, the route's
 * {@link HttpProblem} status for bad input, and a logged 500 only for the operator's own faults.
 */
public final class HttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

    private final Server server;
    private final ServerConnector connector;

    public HttpServer(String host, int port, List<Route> routes) {
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("http");
        this.server = new Server(threads);
        this.connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Router(List.copyOf(routes)));
        server.setStopTimeout(2_000);
    }

    public void start() throws Exception {
        server.start();
        LOG.info("HTTP server on port {}", port());
    }

    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private static final class Router extends Handler.Abstract {
        private final List<Route> routes;

        Router(List<Route> routes) {
            this.routes = routes;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            HttpExchange exchange = new HttpExchange(request, response, callback);
            try {
                for (Route route : routes) {
                    List<String> variables = route.match(exchange.path());
                    if (variables != null) {
                        if (!"GET".equals(exchange.method()) && !"HEAD".equals(exchange.method())) {
                            response.getHeaders().put("Allow", "GET, HEAD");
                            exchange.error(405, exchange.method() + " is not allowed here; this API is read-only (GET)");
                        } else {
                            route.endpoint().serve(exchange, variables);
                        }
                        return true;
                    }
                }
                exchange.error(404, "no endpoint at " + exchange.path());
            } catch (HttpProblem problem) {
                exchange.error(problem.status(), problem.getMessage());
            } catch (Exception e) {
                LOG.error("HTTP {} {} failed", exchange.method(), exchange.path(), e);
                exchange.error(500, "internal error; see the operator log");
            }
            return true;
        }
    }
}
