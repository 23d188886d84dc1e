package io.cpeoperator.benchmarks.cwmp;

import io.cpeoperator.benchmarks.Benchmark;
import io.cpeoperator.benchmarks.BenchmarkReport;
import io.cpeoperator.bridge.cwmp.CwmpAcs;
import io.cpeoperator.bridge.cwmp.CwmpAcsConfig;
import io.cpeoperator.bridge.cwmp.auth.InMemoryCredentialStore;
import io.cpeoperator.bridge.cwmp.soap.CwmpCodec;
import io.cpeoperator.bridge.cwmp.soap.CwmpEnvelope;
import io.cpeoperator.bridge.cwmp.soap.CwmpVersion;
import io.cpeoperator.bridge.cwmp.soap.SoapLimits;
import io.cpeoperator.bridge.cwmp.soap.rpc.DeviceIdStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.EventStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.Inform;
import io.cpeoperator.bridge.cwmp.soap.rpc.InformResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.ParameterValueStruct;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.twin.ParameterType;
import io.cpeoperator.bridge.twin.ParameterValue;
import io.cpeoperator.bridge.twin.ShardedTwinStore;
import io.cpeoperator.bridge.twin.TwinSchemaKey;
import io.cpeoperator.bridge.twin.TwinStoreConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cwmp-sessions}: periodic-Inform sessions (an Inform of 25 parameters, InformResponse, empty POST, 204,
 * keep-alive) against the real ACS with the real twin store, the load generator in the same process on the same
 * cores; then the same exchange against a bare Jetty handler with canned bytes, the ceiling.
 *
 * <p>Arguments: {@code [seconds=15] [connections=16] [devices=10000]}.
 */
public final class CwmpSessionsBenchmark implements Benchmark {

    private static final CwmpCodec CODEC = new CwmpCodec(SoapLimits.defaults());
    private static final int ROUNDS = 3;

    @Override
    public String name() {
        return "cwmp-sessions";
    }

    @Override
    public String description() {
        return "periodic Inform sessions/s and p99 against the ACS, vs a canned-bytes Jetty ceiling "
                + "(target >= 3000/s and >= 50% of ceiling)";
    }

    @Override
    public void run(String[] args, BenchmarkReport report) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 15;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int devices = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        double warmup = Math.max(3, seconds / 3);
        List<byte[]> informs = informs(devices);
        report.line("# %d devices, %d keep-alive connections, warm-up %.0f s, measured %.0f s per server in %d rounds",
                devices, connections, warmup, seconds, ROUNDS);

        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ShardedTwinStore twins = new ShardedTwinStore(TwinStoreConfig.defaults(), registry, Clock.systemUTC());
        for (int i = 0; i < devices; i++) {
            // already synced twins: these are the everyday periodic sessions, not first contacts
            DeviceId id = DeviceId.cwmp("00D09E", "HGW", serial(i));
            twins.applySnapshot(id, new TwinSchemaKey("00D09E", "HGW", "1.0"), twinOf(), Instant.now());
        }
        // The ACS and the ceiling take turns in short rounds, so both see the same background load on a shared
        // machine; each figure sums its rounds.
        PeriodicInformLoad.Result acs = PeriodicInformLoad.Result.empty();
        PeriodicInformLoad.Result ceiling = PeriodicInformLoad.Result.empty();
        Server canned = cannedServer();
        try (CwmpAcs server = new CwmpAcs(CwmpAcsConfig.defaults().withListener("127.0.0.1", 0), twins,
                new InMemoryCredentialStore(), registry, Clock.systemUTC())) {
            server.start();
            PeriodicInformLoad acsLoad = new PeriodicInformLoad(server.httpPort(), informs, connections);
            PeriodicInformLoad cannedLoad = new PeriodicInformLoad(
                    ((ServerConnector) canned.getConnectors()[0]).getLocalPort(), informs, connections);
            for (int round = 0; round < ROUNDS; round++) {
                double roundWarmup = round == 0 ? warmup : 1;
                acs = acs.plus(acsLoad.run(roundWarmup, seconds / ROUNDS));
                ceiling = ceiling.plus(cannedLoad.run(roundWarmup, seconds / ROUNDS));
            }
        } finally {
            canned.stop();
        }
        report.line("# ACS: %d sessions in %.1f s, p50 %.2f ms, p99 %.2f ms, %d errors", acs.sessions(),
                acs.seconds(), acs.p50Millis(), acs.p99Millis(), acs.errors());
        report.line("# ceiling: %d sessions in %.1f s, p50 %.2f ms, p99 %.2f ms, %d errors", ceiling.sessions(),
                ceiling.seconds(), ceiling.p50Millis(), ceiling.p99Millis(), ceiling.errors());
        report.line("# ACS reaches %.0f %% of the ceiling", 100 * acs.sessionsPerSecond() / ceiling.sessionsPerSecond());

        report.result("cwmp.sessionsPerSecond", Math.round(acs.sessionsPerSecond()));
        report.result("cwmp.sessionP99Millis", acs.p99Millis());
        report.result("cwmp.ceilingSessionsPerSecond", Math.round(ceiling.sessionsPerSecond()));
    }

    private static Server cannedServer() throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new CannedCwmpHandler(CODEC.encode(CwmpEnvelope.of(CwmpVersion.V1_0, "cpe-1",
                InformResponse.standard()))));
        server.start();
        return server;
    }

    private static List<byte[]> informs(int devices) {
        List<byte[]> bodies = new ArrayList<>(devices);
        for (int i = 0; i < devices; i++) {
            Inform inform = new Inform(new DeviceIdStruct("Bench Networks", "00D09E", "HGW", serial(i)),
                    List.of(EventStruct.of(EventStruct.PERIODIC)), 1, "2026-11-25T14:56:07.067Z", 0,
                    informParameters(i));
            bodies.add(CODEC.encode(CwmpEnvelope.of(CwmpVersion.V1_0, "cpe-" + i, inform)));
        }
        return bodies;
    }

    /** 25 parameters, the size of a typical periodic Inform with a few telemetry values. */
    private static List<ParameterValueStruct> informParameters(int device) {
        List<ParameterValueStruct> parameters = new ArrayList<>();
        parameters.add(ParameterValueStruct.string("Device.DeviceInfo.SoftwareVersion", "1.0"));
        parameters.add(ParameterValueStruct.string("Device.DeviceInfo.HardwareVersion", "HW-1"));
        parameters.add(ParameterValueStruct.string("Device.DeviceInfo.ProvisioningCode", ""));
        parameters.add(new ParameterValueStruct("Device.DeviceInfo.UpTime", Integer.toString(1000 + device),
                ParameterType.UNSIGNED_INT));
        parameters.add(ParameterValueStruct.string("Device.ManagementServer.ParameterKey", "pk-1"));
        parameters.add(ParameterValueStruct.string("Device.ManagementServer.ConnectionRequestURL",
                "http://10.0." + (device / 250 % 250) + "." + (device % 250) + ":7547/cr"));
        parameters.add(ParameterValueStruct.string("Device.IP.Interface.1.IPv4Address.1.IPAddress",
                "100.64." + (device / 250 % 250) + "." + (device % 250)));
        for (int radio = 1; radio <= 2; radio++) {
            String prefix = "Device.WiFi.Radio." + radio + ".";
            parameters.add(new ParameterValueStruct(prefix + "Channel", radio == 1 ? "6" : "36",
                    ParameterType.UNSIGNED_INT));
            parameters.add(new ParameterValueStruct(prefix + "Stats.Noise", "-92", ParameterType.INT));
            parameters.add(new ParameterValueStruct(prefix + "Stats.BytesSent", Long.toString(123456789L * radio),
                    ParameterType.UNSIGNED_LONG));
            parameters.add(new ParameterValueStruct(prefix + "Stats.BytesReceived", Long.toString(98765432L * radio),
                    ParameterType.UNSIGNED_LONG));
            parameters.add(new ParameterValueStruct(prefix + "Enable", "true", ParameterType.BOOLEAN));
        }
        for (int ssid = 1; ssid <= 4; ssid++) {
            parameters.add(ParameterValueStruct.string("Device.WiFi.SSID." + ssid + ".SSID", "net-" + ssid));
            parameters.add(new ParameterValueStruct("Device.WiFi.AccessPoint." + ssid + ".AssociatedDeviceNumberOfEntries",
                    Integer.toString(ssid), ParameterType.UNSIGNED_INT));
        }
        return parameters;
    }

    private static List<ParameterValue> twinOf() {
        List<ParameterValue> twin = new ArrayList<>();
        for (ParameterValueStruct parameter : informParameters(0)) {
            twin.add(new ParameterValue(parameter.name(), parameter.value(), parameter.type(), false));
        }
        return twin;
    }

    private static String serial(int device) {
        return String.format("B%07d", device);
    }
}
