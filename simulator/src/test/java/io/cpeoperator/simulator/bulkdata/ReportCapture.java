package io.cpeoperator.simulator.bulkdata;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/** A bulk-data collector on 127.0.0.1 that keeps every report it receives; answers 200, or 503 while refusing. */
final class ReportCapture implements AutoCloseable {

    record Report(String path, String query, Headers headers, String body) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final HttpServer server;
    private final List<Report> reports = new CopyOnWriteArrayList<>();
    private volatile boolean refusing;

    ReportCapture() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            InputStream in = new ByteArrayInputStream(raw);
            if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                in = new GZIPInputStream(in);
            }
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!refusing) {
                reports.add(new Report(exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
                        exchange.getRequestHeaders(), body));
            }
            exchange.sendResponseHeaders(refusing ? 503 : 200, -1);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void refuse(boolean value) {
        refusing = value;
    }

    List<Report> reports() {
        return List.copyOf(reports);
    }

    Report await(Predicate<Report> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Report report : reports) {
                if (wanted.test(report)) {
                    return report;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no matching report within " + timeout + "; got " + reports.size());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
