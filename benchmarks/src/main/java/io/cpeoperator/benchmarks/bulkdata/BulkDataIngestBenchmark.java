package io.cpeoperator.benchmarks.bulkdata;

import io.cpeoperator.benchmarks.Benchmark;
import io.cpeoperator.benchmarks.BenchmarkReport;
import io.cpeoperator.benchmarks.twin.QuietLogging;
import io.cpeoperator.bridge.bulkdata.BulkDataCollector;
import io.cpeoperator.bridge.bulkdata.BulkDataCollectorConfig;
import io.cpeoperator.bridge.bulkdata.BulkDataTokens;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.twin.ParameterType;
import io.cpeoperator.bridge.twin.ParameterValue;
import io.cpeoperator.bridge.twin.ShardedTwinStore;
import io.cpeoperator.bridge.twin.TwinSchemaKey;
import io.cpeoperator.bridge.twin.TwinStoreConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code java -Xmx2g -jar benchmarks/target/cpe-benchmarks.jar bulkdata-ingest [devices] [seconds] [clients]}
 * (defaults 1000, 3, 8). Devices with twins POST JSON NameValuePair reports of 500 parameters over HTTP keep-alive
 * (Jetty client, {@code clients} concurrent requests) to the bulk-data collector on 127.0.0.1, which decodes them
 * and writes them into the twins. The same bodies also go to a Jetty server of the same make whose handler reads
 * and discards the body: the ceiling that HTTP alone allows on this machine. Rounds of the two alternate so both
 * see the same background load; the figures are totals over all rounds of each.
 */
public final class BulkDataIngestBenchmark implements Benchmark {

    private static final int PARAMETERS = 500;
    private static final int ROUNDS = 4;

    @Override
    public String name() {
        return "bulkdata-ingest";
    }

    @Override
    public String description() {
        return "bulk-data parameters/s over HTTP into twins (target >= 2,000,000) and the ratio to a read-and-discard "
                + "ceiling (target >= 0.5); -Xmx2g";
    }

    @Override
    public void run(String[] args, BenchmarkReport report) throws Exception {
        QuietLogging.apply();
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ShardedTwinStore twins = new ShardedTwinStore(TwinStoreConfig.defaults()
                .withMaxParameters(4L * devices * PARAMETERS), registry, Clock.systemUTC());
        long second = Instant.now().getEpochSecond() - 3_600;
        TwinSchemaKey schema = new TwinSchemaKey("00D09E", "BENCH", "1.0");
        List<byte[]> bodies = new ArrayList<>(devices);
        for (int d = 0; d < devices; d++) {
            DeviceId id = id(d);
            twins.applySnapshot(id, schema, snapshot(d), Instant.ofEpochSecond(second - 60));
            bodies.add(body(d, second));
        }
        BulkDataCollector collector = new BulkDataCollector(BulkDataCollectorConfig.defaults()
                .withListener("127.0.0.1", 0), twins, new BulkDataTokens(), null, registry, Clock.systemUTC());
        collector.start();
        Server ceiling = discardingServer();
        HttpClient client = new HttpClient();
        client.setMaxConnectionsPerDestination(clients);
        client.start();
        try {
            List<String> collectorUrls = new ArrayList<>(devices);
            List<String> ceilingUrls = new ArrayList<>(devices);
            int ceilingPort = ((ServerConnector) ceiling.getConnectors()[0]).getLocalPort();
            for (int d = 0; d < devices; d++) {
                String path = collector.profilePath(id(d));
                collectorUrls.add("http://127.0.0.1:" + collector.httpPort() + path);
                ceilingUrls.add("http://127.0.0.1:" + ceilingPort + path);
            }
            report.line("%d devices with twins; reports of %d parameters, %,d bytes each (JSON NameValuePair); "
                    + "%d concurrent keep-alive clients; %d alternating rounds of %d s", devices, PARAMETERS,
                    bodies.get(0).length, clients, ROUNDS, seconds);
            // warm-up of both paths
            round(client, collectorUrls, bodies, clients, seconds);
            round(client, ceilingUrls, bodies, clients, seconds);
            Totals ingest = new Totals();
            Totals discard = new Totals();
            for (int r = 0; r < ROUNDS; r++) {
                ingest.add(round(client, collectorUrls, bodies, clients, seconds));
                discard.add(round(client, ceilingUrls, bodies, clients, seconds));
            }
            double ingestRate = ingest.posts * PARAMETERS / ingest.seconds;
            double ceilingRate = discard.posts * PARAMETERS / discard.seconds;
            report.line("collector: %,d POSTs in %.1f s, %,.0f parameters/s (%,d failed)", ingest.posts,
                    ingest.seconds, ingestRate, ingest.failures);
            report.line("ceiling:   %,d POSTs in %.1f s, %,.0f parameters/s (%,d failed)", discard.posts,
                    discard.seconds, ceilingRate, discard.failures);
            report.line("written to twins: %,.0f parameters; rejections: %,.0f",
                    registry.find("cpe.bulkdata.parameters").counters().stream().mapToDouble(c -> c.count()).sum(),
                    registry.find("cpe.bulkdata.rejections").counters().stream().mapToDouble(c -> c.count()).sum());
            report.result("bulkdata.parametersPerSecond", Math.round(ingestRate));
            report.result("bulkdata.ceilingParametersPerSecond", Math.round(ceilingRate));
            report.result("bulkdata.ratioToCeiling", Math.round(1000.0 * ingestRate / ceilingRate) / 1000.0);
        } finally {
            client.stop();
            ceiling.stop();
            collector.close();
        }
    }

    private static DeviceId id(int d) {
        return DeviceId.cwmp("00D09E", "BENCH", String.format(Locale.ROOT, "SN%07d", d));
    }

    private static String path(int p) {
        int iface = 1 + p / 50;
        return switch (p % 5) {
            case 0 -> "Device.Ethernet.Interface." + iface + ".Stats.BytesSent" + p % 50;
            case 1 -> "Device.Ethernet.Interface." + iface + ".Stats.BytesReceived" + p % 50;
            case 2 -> "Device.WiFi.AccessPoint." + iface + ".AssociatedDevice." + p % 50 + ".SignalStrength";
            case 3 -> "Device.WiFi.Radio." + iface + ".Stats.Noise" + p % 50;
            default -> "Device.IP.Interface." + iface + ".Stats.PacketsSent" + p % 50;
        };
    }

    private static List<ParameterValue> snapshot(int d) {
        List<ParameterValue> values = new ArrayList<>(PARAMETERS);
        for (int p = 0; p < PARAMETERS; p++) {
            values.add(new ParameterValue(path(p), "0", ParameterType.UNSIGNED_LONG, false));
        }
        return values;
    }

    private static byte[] body(int d, long second) {
        StringBuilder json = new StringBuilder(32 * 1024);
        json.append("{\"Report\":[{\"CollectionTime\":").append(second);
        for (int p = 0; p < PARAMETERS; p++) {
            json.append(",\"").append(path(p)).append("\":");
            if (p % 5 == 2) {
                json.append(-40 - (d + p) % 50);
            } else {
                json.append(1_000_000L * d + 7919L * p);
            }
        }
        return json.append("}]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private record Round(long posts, long failures, double seconds) {
    }

    private static final class Totals {
        long posts;
        long failures;
        double seconds;

        void add(Round round) {
            posts += round.posts;
            failures += round.failures;
            seconds += round.seconds;
        }
    }

    private static Round round(HttpClient client, List<String> urls, List<byte[]> bodies, int clients, int seconds)
            throws InterruptedException {
        AtomicLong posts = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long started = System.nanoTime();
        long deadline = started + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int first = c;
            Thread thread = new Thread(() -> {
                int i = first;
                while (System.nanoTime() < deadline) {
                    int d = i % urls.size();
                    i += clients;
                    try {
                        ContentResponse response = client.POST(urls.get(d))
                                .headers(h -> h.put("BBF-Report-Format", "NameValuePair"))
                                .body(new BytesRequestContent("application/json; charset=UTF-8", bodies.get(d)))
                                .send();
                        if (response.getStatus() == HttpStatus.NO_CONTENT_204) {
                            posts.incrementAndGet();
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
            }, "bulkdata-bench-client-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Round(posts.get(), failures.get(), (System.nanoTime() - started) / 1e9);
    }

    /** A Jetty server like the collector's (same pool, same HTTP configuration) that reads the body and drops it. */
    private static Server discardingServer() throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("bulkdata-ceiling");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                long declared = request.getLength();
                byte[] body = new byte[declared > 0 ? (int) declared + 1 : 16 * 1024];
                int size = 0;
                try (InputStream in = Content.Source.asInputStream(request)) {
                    int n;
                    while ((n = in.read(body, size, body.length - size)) >= 0) {
                        size += n;
                        if (size == body.length) {
                            body = java.util.Arrays.copyOf(body, 2 * body.length);
                        }
                    }
                }
                response.setStatus(HttpStatus.NO_CONTENT_204);
                response.getHeaders().remove(HttpHeader.CONTENT_TYPE);
                response.write(true, null, callback);
                return true;
            }
        });
        server.start();
        return server;
    }
}
