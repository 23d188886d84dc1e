package io.cpeoperator.benchmarks.usp;

import io.cpeoperator.benchmarks.Benchmark;
import io.cpeoperator.benchmarks.BenchmarkReport;
import io.cpeoperator.bridge.device.DeviceEvent;
import io.cpeoperator.simulator.Simulator;
import io.cpeoperator.simulator.SimulatorConfig;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The simulator's USP agents (TR-181 data models, MQTT 5 and 3.1.1) connect to the controller through the embedded
 * broker; measured is how fast they are onboarded and fully synced into the twin, end to end.
 */
public final class UspOnboardBenchmark implements Benchmark {

    @Override
    public String name() {
        return "usp-onboard";
    }

    @Override
    public String description() {
        return "simulated USP agents (MQTT 5 + 3.1.1) onboarded and fully synced into the twin, devices/s; "
                + "args: [devices=200]";
    }

    @Override
    public void run(String[] args, BenchmarkReport report) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        try (UspBenchSetup setup = new UspBenchSetup()) {
            Map<String, Integer> synced = new ConcurrentHashMap<>();
            Map<String, String> failed = new ConcurrentHashMap<>();
            setup.controller.gateway().subscribe(event -> {
                if (event instanceof DeviceEvent.Synced done) {
                    synced.put(done.deviceId().key(), done.parameterCount());
                } else if (event instanceof DeviceEvent.SyncFailed failure) {
                    failed.put(failure.deviceId().key(), failure.reason());
                }
            });
            long start = System.nanoTime();
            try (Simulator simulator = new Simulator(SimulatorConfig.builder()
                    .mqttUrl("tcp://127.0.0.1:" + setup.port)
                    .devices(devices)
                    .mix("usp=50,usp-mqtt3=50")
                    .build())) {
                simulator.start();
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
                while (synced.size() + failed.size() < devices && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double parameters = synced.values().stream().mapToInt(Integer::intValue).average().orElse(0);
                report.line("devices=%d synced=%d failed=%d in %.1f s, %.0f parameters per device", devices,
                        synced.size(), failed.size(), seconds, parameters);
                failed.entrySet().stream().limit(3).forEach(entry ->
                        report.line("  sync failed for %s: %s", entry.getKey(), entry.getValue()));
                report.result("usp.onboardedPerSecond", Math.round(10 * synced.size() / seconds) / 10.0);
                report.result("usp.syncedParametersPerDevice", Math.round(parameters));
            }
        }
    }
}
