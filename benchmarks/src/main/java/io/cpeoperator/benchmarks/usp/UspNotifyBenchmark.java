package io.cpeoperator.benchmarks.usp;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.cpeoperator.benchmarks.Benchmark;
import io.cpeoperator.benchmarks.BenchmarkReport;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;
import java.util.function.DoubleSupplier;

/**
 * Simulated agents publish ValueChange notifications (QoS 1) through the embedded HiveMQ broker into the controller
 * and the twin; then the same agents publish the same bytes to a plain subscriber that does nothing with them, which
 * is what the broker alone can carry on this machine. Both phases share the process, the cores and the broker.
 */
public final class UspNotifyBenchmark implements Benchmark {

    private static final int IN_FLIGHT = 4_000;
    /**
     * Publishes ahead of deliveries at most: the broker acknowledges a QoS 1 publish when it queued it, not when the
     * subscriber got it, so an open loop would overflow the subscriber's queue and measure discards.
     */
    private static final int WINDOW = 20_000;
    private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(5);

    @Override
    public String name() {
        return "usp-notify";
    }

    @Override
    public String description() {
        return "ValueChange notifies/s via embedded broker into the twin vs raw broker ceiling "
                + "(target >= 20,000/s and >= 50 % of ceiling); args: [agents=50] [notifies=200000] [qos=1]";
    }

    @Override
    public void run(String[] args, BenchmarkReport report) throws Exception {
        int agentCount = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int notifies = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        // QoS 1 by default: with QoS 0 (obuspa's default PublishQoS) a saturated broker drops messages instead of
        // slowing publishers down, and the figure would measure the loss, not the pipeline
        MqttQos qos = MqttQos.fromCode(args.length > 2 ? Integer.parseInt(args[2]) : 1);
        try (UspBenchSetup setup = new UspBenchSetup()) {
            setup.startAgents(agentCount);
            byte[][][] records = new byte[agentCount][64][];
            for (int a = 0; a < agentCount; a++) {
                for (int i = 0; i < records[a].length; i++) {
                    records[a][i] = setup.agents.get(a).valueChange("Device.WiFi.Radio.1.Stats.Noise",
                            Integer.toString(-90 + i % 30), i);
                }
            }
            report.line("agents=%d notifies=%d recordBytes=%d qos=%d", agentCount, notifies, records[0][0].length,
                    qos.getCode());

            BiFunction<Integer, Integer, java.util.concurrent.CompletableFuture<?>> toController =
                    (agent, i) -> setup.agents.get(agent).publish(records[agent][i % 64], qos);
            LongAdder received = new LongAdder();
            Mqtt5AsyncClient sink = MqttClient.builder().useMqttVersion5().identifier("bench-ceiling-sink")
                    .serverHost("127.0.0.1").serverPort(setup.port).buildAsync();
            sink.connectWith().cleanStart(true).send().get(10, TimeUnit.SECONDS);
            sink.publishes(MqttGlobalPublishFilter.SUBSCRIBED, publish -> received.increment());
            // the same subscription QoS the controller uses
            sink.subscribeWith().topicFilter("bench/ceiling/#").qos(MqttQos.AT_LEAST_ONCE).send()
                    .get(10, TimeUnit.SECONDS);
            BiFunction<Integer, Integer, java.util.concurrent.CompletableFuture<?>> toSink =
                    (agent, i) -> setup.agents.get(agent).publishRaw("bench/ceiling/" + agent, records[agent][i % 64],
                            qos);
            measure(setup, toController, Math.min(20_000, notifies), setup::notificationsApplied);
            measure(setup, toSink, Math.min(20_000, notifies), received::sum);

            // the phases alternate and the best of two counts, so that load from other processes on a shared
            // machine hits both figures alike
            double uspRate = 0;
            double ceiling = 0;
            for (int round = 1; round <= 2; round++) {
                double usp = measure(setup, toController, notifies / 2, setup::notificationsApplied);
                double raw = measure(setup, toSink, notifies / 2, received::sum);
                report.line("round %d: usp %.0f notifies/s (decoded, rate-checked, applied to the twin), "
                        + "broker ceiling %.0f publishes/s (same payloads, no decoding)", round, usp, raw);
                uspRate = Math.max(uspRate, usp);
                ceiling = Math.max(ceiling, raw);
            }
            sink.disconnect().get(5, TimeUnit.SECONDS);
            setup.registry.getMeters().stream()
                    .filter(meter -> meter.getId().getName().startsWith("cpe.usp.records"))
                    .forEach(meter -> report.line("  %s %s = %.0f", meter.getId().getName(), meter.getId().getTags(),
                            meter.measure().iterator().next().getValue()));

            report.result("usp.notifiesPerSecond", Math.round(uspRate));
            report.result("usp.brokerCeilingPerSecond", Math.round(ceiling));
            report.line("usp/ceiling = %.0f %% (target >= 50 %%); usp target >= 20,000/s", 100 * uspRate / ceiling);
        }
    }

    /** Publishes {@code count} records round-robin over the agents; the rate at which {@code delivered} grew. */
    private static double measure(UspBenchSetup setup,
                                  BiFunction<Integer, Integer, java.util.concurrent.CompletableFuture<?>> publish,
                                  int count, DoubleSupplier delivered) throws InterruptedException {
        int agents = setup.agents.size();
        double base = delivered.getAsDouble();
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (i % 1000 == 0) {
                while (i - (delivered.getAsDouble() - base) > WINDOW) {
                    Thread.sleep(1);
                }
            }
            inFlight.acquire();
            publish.apply(i % agents, i / agents).whenComplete((ok, failure) -> inFlight.release());
        }
        double last = base;
        long lastProgress = System.nanoTime();
        while (delivered.getAsDouble() - base < count && System.nanoTime() - lastProgress < STALL_NANOS) {
            Thread.sleep(5);
            double now = delivered.getAsDouble();
            if (now > last) {
                last = now;
                lastProgress = System.nanoTime();
            }
        }
        double got = delivered.getAsDouble() - base;
        double seconds = (lastProgress - start) / 1e9;
        System.out.printf("  delivered %.0f of %d in %.2f s%n", got, count, seconds);
        return got / seconds;
    }
}
