package io.cpeoperator.benchmarks.usp;

import io.cpeoperator.benchmarks.Benchmark;
import io.cpeoperator.benchmarks.BenchmarkReport;
import io.cpeoperator.bridge.usp.controller.AgentSession;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Round trip of a Get of {@code Device.DeviceInfo.} from the controller to an agent and back, via the broker. */
public final class UspGetRttBenchmark implements Benchmark {

    @Override
    public String name() {
        return "usp-get-rtt";
    }

    @Override
    public String description() {
        return "Get Device.DeviceInfo. round trip through the embedded broker, p50/p99 ms; args: [gets=5000]";
    }

    @Override
    public void run(String[] args, BenchmarkReport report) throws Exception {
        int gets = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        try (UspBenchSetup setup = new UspBenchSetup()) {
            setup.startAgents(1);
            AgentSession session = setup.controller.sessions().find(setup.agents.get(0).endpointId()).orElseThrow();
            List<String> paths = List.of("Device.DeviceInfo.");
            for (int i = 0; i < 500; i++) {
                setup.controller.operations().get(session, paths, 0).get(10, TimeUnit.SECONDS);
            }
            long[] nanos = new long[gets];
            for (int i = 0; i < gets; i++) {
                long start = System.nanoTime();
                var response = setup.controller.operations().get(session, paths, 0).get(10, TimeUnit.SECONDS);
                nanos[i] = System.nanoTime() - start;
                if (response.getReqPathResults(0).getResolvedPathResultsCount() == 0) {
                    throw new IllegalStateException("empty GetResp");
                }
            }
            Arrays.sort(nanos);
            report.line("gets=%d p50=%.3f ms p90=%.3f ms max=%.3f ms", gets, nanos[gets / 2] / 1e6,
                    nanos[(int) (gets * 0.9)] / 1e6, nanos[gets - 1] / 1e6);
            report.result("usp.getRttP99Millis", nanos[(int) Math.min(gets - 1, Math.ceil(gets * 0.99) - 1)] / 1e6);
        }
    }
}
