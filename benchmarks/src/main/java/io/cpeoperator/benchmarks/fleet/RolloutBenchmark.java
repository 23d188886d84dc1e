package io.cpeoperator.benchmarks.fleet;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.CpeFleet;
import io.cpeoperator.api.v1alpha1.CpeFleetSpec;
import io.cpeoperator.api.v1alpha1.FirmwareSpec;
import io.cpeoperator.api.v1alpha1.QoeGuardSpec;
import io.cpeoperator.api.v1alpha1.RolloutSpec;
import io.cpeoperator.api.v1alpha1.RolloutStatus;
import io.cpeoperator.benchmarks.Benchmark;
import io.cpeoperator.benchmarks.BenchmarkReport;
import io.cpeoperator.benchmarks.operator.SimulatedOperatorRig;
import io.cpeoperator.benchmarks.twin.QuietLogging;
import io.cpeoperator.operator.conditions.Conditions;
import io.cpeoperator.simulator.Simulator;
import io.cpeoperator.simulator.scenario.FirmwareDefect;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A staged rollout against simulated devices through the whole operator: first a version that makes devices reboot in
 * a loop (the failure budget must stop it inside its first wave), then a good version over the same fleet to the end.
 */
public final class RolloutBenchmark implements Benchmark {

    static final String BAD = "9.0.0";
    static final String GOOD = "9.5.0";
    private static final String FLEET = "bench-rollout";

    @Override
    public String name() {
        return "rollout";
    }

    @Override
    public String description() {
        return "fleet rollout over simulated devices, waves [2, 20, 100]: a reboot-looping version (paused inside "
                + "wave 1 by the failure budget; upgraded devices are watched a loop period + 15 s) then a good one to the end; args: [devices=500] "
                + "[rebootLoopSeconds=30] [timeoutSeconds=600]";
    }

    @Override
    public void run(String[] args, BenchmarkReport report) throws Exception {
        QuietLogging.level("io.cpeoperator", "WARN");
        QuietLogging.level("io.javaoperatorsdk", "WARN");
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        Duration loop = Duration.ofSeconds(args.length > 1 ? Integer.parseInt(args[1]) : 30);
        Duration timeout = Duration.ofSeconds(args.length > 2 ? Integer.parseInt(args[2]) : 600);
        try (SimulatedOperatorRig rig = new SimulatedOperatorRig("--status-write-interval", "1s",
                "--qoe-interval", "2s", "--qoe-telemetry-interval", "20s", "--last-contact-interval", "5s")) {
            Simulator simulator = rig.startSimulator(rig.simulatorConfig().devices(devices).mix("cwmp=50,usp=50")
                    .seed(11).serialOffset(1).informInterval(Duration.ofSeconds(20))
                    .timing(SimulatedOperatorRig.timing(loop, Duration.ofSeconds(10))).build());
            simulator.declareFirmwareDefect(BAD, FirmwareDefect.rebootLoop());
            long start = System.nanoTime();
            awaitSynced(rig, devices, timeout);
            report.line("%d devices discovered, synchronised and judged after %.0f s", devices, seconds(start));

            long badStart = System.nanoTime();
            rig.client.resource(fleet(BAD, loop.plusSeconds(15))).create();
            RolloutStatus paused = await(rig, r -> BAD.equals(r.getTargetVersion())
                    && ("Paused".equals(r.getState()) || "Failed".equals(r.getState())), timeout);
            double secondsToPause = seconds(badStart);
            report.line("bad version %s: %s (%s) after %.1f s in wave %d of %d (wave target %d): %s", BAD,
                    paused.getState(), paused.getReason(), secondsToPause, paused.getWave(), paused.getWaves(),
                    paused.getWaveTarget(), paused.getMessage());
            // give a runaway rollout the time to show itself before counting the damage
            Thread.sleep(Math.max(10_000, loop.toMillis()));
            long hurt = simulator.devices().stream().filter(d -> BAD.equals(d.state().softwareVersion())).count();
            report.line("devices on %s %d s after the pause: %d (wave 1 holds %d)", BAD,
                    Math.max(10, loop.toSeconds()), hurt, paused.getWaveTarget());
            report.line("the paused fleet's status:%n%s", Serialization.asYaml(rig.client.resources(CpeFleet.class)
                    .inNamespace(SimulatedOperatorRig.NAMESPACE).withName(FLEET).get().getStatus()));

            long goodStart = System.nanoTime();
            rig.client.resources(CpeFleet.class).inNamespace(SimulatedOperatorRig.NAMESPACE).withName(FLEET)
                    .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(Map.of("spec",
                            Map.of("firmware", firmwareSpec(GOOD)))));
            RolloutStatus completed = await(rig, r -> GOOD.equals(r.getTargetVersion())
                    && "Completed".equals(r.getState()), timeout);
            double secondsToComplete = seconds(goodStart);
            long onGood = simulator.devices().stream().filter(d -> GOOD.equals(d.state().softwareVersion())).count();
            int mostDownloads = simulator.devices().stream().mapToInt(d -> d.state().downloadRequests()).max()
                    .orElse(0);
            report.line("good version %s: Completed after %.1f s; %d of %d devices run it, %d failed; at most %d "
                    + "download request(s) to one device over both versions", GOOD, secondsToComplete, onGood,
                    devices, completed.getFailed(), mostDownloads);
            CpeFleet fleet = rig.client.resources(CpeFleet.class).inNamespace(SimulatedOperatorRig.NAMESPACE)
                    .withName(FLEET).get();
            report.line("fleet conditions: %s", fleet.getStatus().getConditions().stream()
                    .map(c -> c.getType() + "=" + c.getStatus() + "/" + c.getReason()).toList());
            report.result("rollout.secondsToPauseOnBadVersion", round(secondsToPause));
            report.result("rollout.devicesHurtByBadVersion", hurt);
            report.result("rollout.firstWaveDevices", paused.getWaveTarget());
            report.result("rollout.secondsToCompleteGoodVersion", round(secondsToComplete));
            report.result("rollout.rebootLoopSeconds", loop.toSeconds());
        }
    }

    /** @param settle how long upgraded devices are watched before their wave may end: longer than a loop's period */
    private static CpeFleet fleet(String version, Duration settle) {
        CpeFleet fleet = new CpeFleet();
        fleet.setMetadata(new ObjectMetaBuilder().withName(FLEET).withNamespace(SimulatedOperatorRig.NAMESPACE)
                .build());
        CpeFleetSpec spec = new CpeFleetSpec();
        spec.setSelector(new LabelSelectorBuilder().addNewMatchExpression().withKey("cpeoperator.io/protocol")
                .withOperator("Exists").endMatchExpression().build());
        spec.setFirmware(firmwareSpec(version));
        RolloutSpec rollout = new RolloutSpec();
        rollout.setWaves(List.of(2, 20, 100));
        rollout.setPauseBetweenWaves("PT10S");
        QoeGuardSpec guard = new QoeGuardSpec();
        guard.setSettleTime(settle.toString());
        rollout.setQoeGuard(guard);
        spec.setRollout(rollout);
        fleet.setSpec(spec);
        return fleet;
    }

    private static FirmwareSpec firmwareSpec(String version) {
        FirmwareSpec firmware = new FirmwareSpec();
        firmware.setVersion(version);
        firmware.setUrl("http://fw.example.net/images/cpe-" + version + ".bin");
        return firmware;
    }

    private static void awaitSynced(SimulatedOperatorRig rig, int devices, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<CpeDevice> listed = rig.client.resources(CpeDevice.class).inNamespace(SimulatedOperatorRig.NAMESPACE)
                    .list().getItems();
            long ready = listed.stream().filter(d -> d.getStatus() != null && d.getStatus().getQoe() != null
                    && Conditions.isTrue(d.getStatus().getConditions(), "Synced")).count();
            if (ready >= devices) {
                return;
            }
            Thread.sleep(1_000);
        }
        throw new IllegalStateException("not every device was synchronised within " + timeout);
    }

    private static RolloutStatus await(SimulatedOperatorRig rig, Predicate<RolloutStatus> condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        RolloutStatus last = null;
        while (System.nanoTime() < deadline) {
            CpeFleet fleet = rig.client.resources(CpeFleet.class).inNamespace(SimulatedOperatorRig.NAMESPACE)
                    .withName(FLEET).get();
            last = fleet == null || fleet.getStatus() == null ? null : fleet.getStatus().getRollout();
            if (last != null && condition.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the rollout did not get there within " + timeout + "; last status.rollout: "
                + Serialization.asJson(last));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
