package io.cpeoperator.benchmarks.usp;

import io.cpeoperator.bridge.device.DeviceEvent;
import io.cpeoperator.bridge.mqtt.EmbeddedMqttBroker;
import io.cpeoperator.bridge.twin.ShardedTwinStore;
import io.cpeoperator.bridge.twin.TwinStoreConfig;
import io.cpeoperator.bridge.usp.controller.UspController;
import io.cpeoperator.bridge.usp.controller.UspControllerConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The controller with its embedded broker, the real twin store, and agents that are onboarded and synced. */
final class UspBenchSetup implements AutoCloseable {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ShardedTwinStore twin = new ShardedTwinStore(TwinStoreConfig.defaults(), registry, Clock.systemUTC());
    final UspController controller;
    final int port = EmbeddedMqttBroker.freePort();
    final List<BenchAgent> agents = new ArrayList<>();
    private final Set<String> synced = ConcurrentHashMap.newKeySet();

    UspBenchSetup() {
        quietLogging();
        controller = new UspController(UspControllerConfig.defaults()
                .withEmbeddedBroker("127.0.0.1", port)
                .withRequestTimeout(Duration.ofSeconds(30))
                // the benchmark floods on purpose: no per-agent rate limit, deep lanes
                .withLimits(4 * 1024 * 1024, 1e9, 1_000_000, 1_000_000),
                twin, registry, Clock.systemUTC());
        controller.gateway().subscribe(event -> {
            if (event instanceof DeviceEvent.Synced) {
                synced.add(event.deviceId().key());
            }
        });
        controller.start();
    }

    void startAgents(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            BenchAgent agent = new BenchAgent("os::00D09E-BENCH" + i, port);
            agent.connect();
            agents.add(agent);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (synced.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + synced.size() + " of " + count + " agents synced");
            }
            Thread.sleep(20);
        }
    }

    double notificationsApplied() {
        var counter = registry.find("cpe.usp.notifications").tag("type", "value_change").counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() {
        agents.forEach(BenchAgent::close);
        controller.stop();
    }

    /** Without a logback configuration in the jar everything logs at DEBUG; the broker and client are chatty. */
    private static void quietLogging() {
        Logger root = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        try {
            Class<?> level = Class.forName("ch.qos.logback.classic.Level");
            root.getClass().getMethod("setLevel", level).invoke(root, level.getField("WARN").get(null));
        } catch (ReflectiveOperationException | RuntimeException otherBackend) {
            // its own configuration decides
        }
    }
}
