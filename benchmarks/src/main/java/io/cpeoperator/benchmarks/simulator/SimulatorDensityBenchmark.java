package io.cpeoperator.benchmarks.simulator;

import io.cpeoperator.benchmarks.Benchmark;
import io.cpeoperator.benchmarks.BenchmarkReport;
import io.cpeoperator.bridge.mqtt.EmbeddedMqttBroker;
import io.cpeoperator.simulator.Simulator;
import io.cpeoperator.simulator.SimulatorConfig;
import io.cpeoperator.simulator.engine.Timing;
import io.cpeoperator.simulator.load.SinkAcs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Devices per GiB of heap at steady state: a fleet (default 10,000 devices, CWMP and USP over MQTT 5) runs against an
 * in-process sink ACS and an embedded broker; heap after GC with the fleet online minus heap with only the servers
 * running, divided among the devices. The broker's per-connection state is counted against the devices, so the
 * figure is conservative. Arguments: {@code [devices] [mix] [settle-seconds]}.
 */
public final class SimulatorDensityBenchmark implements Benchmark {

    private static final double GIB = 1024.0 * 1024 * 1024;

    @Override
    public String name() {
        return "simulator-density";
    }

    @Override
    public String description() {
        return "simulated devices per GiB of heap at steady state (target >= 10,000 devices in 2 GB)";
    }

    @Override
    public void run(String[] args, BenchmarkReport report) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        String mix = args.length > 1 ? args[1] : "cwmp=80,usp=20";
        int settleSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        try (SinkAcs acs = new SinkAcs(0);
             EmbeddedMqttBroker broker = new EmbeddedMqttBroker("127.0.0.1", EmbeddedMqttBroker.freePort(), 4 * 1024 * 1024)) {
            broker.start();
            long baseline = usedHeapAfterGc();
            report.line("baseline heap with sink ACS and broker: %.1f MiB", baseline / 1048576.0);
            SimulatorConfig config = SimulatorConfig.builder()
                    .acsUrl(acs.url())
                    .mqttUrl(broker.url())
                    .devices(devices)
                    .mix(mix)
                    .scenarios("interference=10%,weak-signal=5%,memory-leak=3%,reboot-loop=1%")
                    .informInterval(Duration.ofSeconds(60))
                    .timing(new Timing(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMinutes(8),
                            Duration.ofMillis(Math.max(2_000, devices * 2L))))
                    .build();
            long started = System.nanoTime();
            try (Simulator simulator = new Simulator(config, new SimpleMeterRegistry())) {
                simulator.start();
                boolean online = simulator.awaitOnline(Duration.ofSeconds(120));
                double startSeconds = (System.nanoTime() - started) / 1e9;
                long onlineCount = simulator.devices().stream().filter(d -> d.agent().isOnline()).count();
                report.line("%d/%d devices online after %.1f s (all online: %s); settling %d s", onlineCount, devices,
                        startSeconds, online, settleSeconds);
                Thread.sleep(settleSeconds * 1000L);
                long used = usedHeapAfterGc();
                double perDevice = (double) (used - baseline) / devices;
                report.line("heap with fleet: %.1f MiB; %.0f bytes per device; sink ACS saw %d informs", used / 1048576.0,
                        perDevice, acs.informs());
                report.result("simulator.bytesPerDevice", Math.round(perDevice));
                report.result("simulator.devicesPerGiB", Math.round(GIB / perDevice));
                report.result("simulator.startSeconds", startSeconds);
            }
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(300);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
