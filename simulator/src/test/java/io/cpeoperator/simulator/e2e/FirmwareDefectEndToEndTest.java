package io.cpeoperator.simulator.e2e;

import io.cpeoperator.bridge.cwmp.soap.CwmpMessage;
import io.cpeoperator.bridge.cwmp.soap.CwmpRequest;
import io.cpeoperator.bridge.cwmp.soap.rpc.Download;
import io.cpeoperator.bridge.cwmp.soap.rpc.DownloadResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetParameterValues;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetParameterValuesResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.Inform;
import io.cpeoperator.bridge.cwmp.soap.rpc.ParameterValueStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.TransferComplete;
import io.cpeoperator.bridge.mqtt.EmbeddedMqttBroker;
import io.cpeoperator.bridge.usp.proto.UspMsg;
import io.cpeoperator.simulator.SimulatedDevice;
import io.cpeoperator.simulator.Simulator;
import io.cpeoperator.simulator.SimulatorConfig;
import io.cpeoperator.simulator.engine.Timing;
import io.cpeoperator.simulator.scenario.FirmwareDefect;
import io.cpeoperator.simulator.scenario.GroundTruth;
import io.cpeoperator.simulator.support.QoeProbe;
import io.cpeoperator.simulator.support.TestAcs;
import io.cpeoperator.simulator.support.TestController;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad firmware versions as a rollout meets them, on CWMP devices (a scripted ACS) and USP agents (a broker and a
 * scripted controller): each test installs versions on its own devices through the protocol and watches what the
 * management side gets to see.
 */
class FirmwareDefectEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CR_PASSWORD = "cr-secret";
    /** A crash every 800 ms of uptime (time compression 1); a reboot takes 200 ms. */
    private static final Timing TIMING = new Timing(Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofMillis(800),
            Duration.ZERO);

    static TestAcs acs;
    static EmbeddedMqttBroker broker;
    static TestController controller;
    static Simulator simulator;
    /** In creation order; index 0 is the reboot-loop test's, 1 the Wi-Fi test's, 2.. the download test's. */
    static final List<SimulatedDevice> cwmp = new ArrayList<>();
    static final List<SimulatedDevice> usp = new ArrayList<>();
    static final Map<SimulatedDevice, Integer> bootsBeforeDownload = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        acs = new TestAcs(null, null);
        broker = new EmbeddedMqttBroker("127.0.0.1", EmbeddedMqttBroker.freePort(), 4 * 1024 * 1024);
        broker.start();
        controller = new TestController(broker.port());
        simulator = new Simulator(SimulatorConfig.builder()
                .acsUrl(acs.url())
                .mqttUrl(broker.url())
                .devices(12)
                .mix("cwmp=50,usp=50")
                .models(List.of("NL-AX3000"))
                .seed(11)
                .connectionRequestCredentials("", CR_PASSWORD)
                .timing(TIMING)
                .build());
        simulator.start();
        assertThat(simulator.awaitOnline(WAIT)).isTrue();
        for (SimulatedDevice device : simulator.devices()) {
            (isUsp(device) ? usp : cwmp).add(device);
        }
        for (SimulatedDevice agent : usp) {
            String ep = agent.state().endpointId();
            controller.request(ep, "usp/agent/" + ep, UspMsg.Header.MsgType.ADD, UspMsg.Request.newBuilder()
                    .setAdd(UspMsg.Add.newBuilder().addCreateObjs(TestController.subscription("fw-done", "OperationComplete",
                            "Device.DeviceInfo.FirmwareImage.2.Download()"))).build());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        simulator.close();
        controller.close();
        broker.close();
        acs.close();
    }

    @Test
    void aRebootLoopVersionRebootsTheDeviceAgainAndAgainAfterInstallWhileAGoodVersionDoesNot() throws Exception {
        simulator.declareFirmwareDefect("9.0.0", FirmwareDefect.rebootLoop());
        List<SimulatedDevice> devices = List.of(cwmp.get(0), usp.get(0));
        for (SimulatedDevice device : devices) {
            download(device, "8.8.0", "good");
        }
        Map<SimulatedDevice, Integer> boots = new HashMap<>();
        for (SimulatedDevice device : devices) {
            awaitBootInto(device, "8.8.0");
            boots.put(device, device.state().bootCount());
        }
        Thread.sleep(2_000);
        for (SimulatedDevice device : devices) {
            assertThat(device.state().bootCount()).as(device.id() + " on a good version").isEqualTo(boots.get(device));
            assertThat(crashBootsReported(device)).as(device.id() + " on a good version").isZero();
            download(device, "9.0.0", "bad");
        }
        for (SimulatedDevice device : devices) {
            awaitBootInto(device, "9.0.0");
            await(() -> crashBootsReported(device) >= 3, device.id() + ": three crash boots reported");
            assertThat(device.state().bootCount()).as(device.id().toString()).isGreaterThanOrEqualTo(boots.get(device) + 4);
            assertThat(QoeProbe.num(device.state(), "Device.DeviceInfo.Reboots.WatchdogBootCount")).isGreaterThanOrEqualTo(3);
            assertThat(QoeProbe.findings(device.state())).as(device.id().toString()).contains("RebootLoop");
            GroundTruth truth = simulator.groundTruth().get(device.id().toString());
            assertThat(truth.firmware()).isEqualTo("9.0.0");
            assertThat(truth.firmwareDefect()).isEqualTo("reboot-loop");
            assertThat(truth.firmwareDefectFindings()).containsExactly("RebootLoop");
            assertThat(truth.healthy()).isFalse();
        }
        assertThat(simulator.firmwareDefects()).containsEntry("9.0.0", FirmwareDefect.rebootLoop());
    }

    @Test
    void aWifiDegradedVersionDegradesTheWifiUntilAGoodVersionIsInstalled() throws Exception {
        simulator.declareFirmwareDefect("9.1.0", FirmwareDefect.wifiDegraded());
        List<SimulatedDevice> devices = List.of(cwmp.get(1), usp.get(1));
        for (SimulatedDevice device : devices) {
            assertNormalWifi(device);
            download(device, "9.1.0", "degraded");
        }
        Map<SimulatedDevice, Integer> boots = new HashMap<>();
        for (SimulatedDevice device : devices) {
            awaitBootInto(device, "9.1.0");
            boots.put(device, device.state().bootCount());
            Map<String, Long> wifi = wifiThroughTheProtocol(device);
            // the interference signature on 2.4 GHz, the high-noise one on 5 GHz
            assertThat(wifi.get("2.4GHz.Noise")).as(device.id().toString()).isBetween(-88L, -82L);
            assertThat(wifi.get("2.4GHz.ChannelUtilization")).as(device.id().toString()).isBetween(75L, 95L);
            assertThat(wifi.get("5GHz.Noise")).as(device.id().toString()).isBetween(-72L, -65L);
            GroundTruth truth = simulator.groundTruth().get(device.id().toString());
            assertThat(truth.firmwareDefect()).isEqualTo("wifi-degraded");
            assertThat(truth.firmwareDefectFindings()).containsExactly("WifiChannelCongested", "WifiHighNoise");
            assertThat(QoeProbe.findings(device.state())).containsExactlyElementsOf(truth.firmwareDefectFindings());
        }
        Thread.sleep(1_000);
        for (SimulatedDevice device : devices) {
            assertThat(device.state().bootCount()).as(device.id() + ": degraded, not rebooting").isEqualTo(boots.get(device));
            download(device, "9.1.1", "fixed");
        }
        for (SimulatedDevice device : devices) {
            awaitBootInto(device, "9.1.1");
            assertNormalWifi(device);
        }
    }

    @Test
    void aDownloadFailsVersionFailsWith9010OnThePickedDevicesWhichKeepTheirVersion() throws Exception {
        FirmwareDefect defect = FirmwareDefect.downloadFails(50);
        simulator.declareFirmwareDefect("9.2.0", defect);
        List<SimulatedDevice> devices = new ArrayList<>();
        for (List<SimulatedDevice> protocol : List.of(cwmp, usp)) {
            List<SimulatedDevice> candidates = protocol.subList(2, protocol.size());
            devices.add(candidates.stream().filter(d -> defect.failsDownloadFor(d.id().toString())).findFirst()
                    .orElseThrow(() -> new AssertionError("no device picked to fail among " + candidates)));
            devices.add(candidates.stream().filter(d -> !defect.failsDownloadFor(d.id().toString())).findFirst()
                    .orElseThrow(() -> new AssertionError("every device picked to fail among " + candidates)));
        }
        Map<SimulatedDevice, String> versions = new HashMap<>();
        Map<SimulatedDevice, Integer> boots = new HashMap<>();
        Map<SimulatedDevice, Integer> requests = new HashMap<>();
        for (SimulatedDevice device : devices) {
            versions.put(device, device.state().softwareVersion());
            boots.put(device, device.state().bootCount());
            requests.put(device, device.state().downloadRequests());
            download(device, "9.2.0", "rollout");
        }
        for (SimulatedDevice device : devices) {
            boolean picked = defect.failsDownloadFor(device.id().toString());
            String key = "rollout-" + device.state().serialNumber();
            if (isUsp(device)) {
                String ep = device.state().endpointId();
                UspMsg.Notify.OperationComplete done = controller.await(r -> r.from().equals(ep) && r.isNotify("fw-done")
                        && r.notify0().getOperComplete().getCommandKey().equals(key), WAIT).notify0().getOperComplete();
                assertThat(done.hasCmdFailure()).as(device.id() + " picked: " + picked).isEqualTo(picked);
                if (picked) {
                    assertThat(done.getCmdFailure().getErrCode()).isEqualTo(7022);
                    assertThat(done.getCmdFailure().getErrMsg()).isEqualTo("Download failure");
                }
            } else {
                TransferComplete complete = (TransferComplete) acs.await(m -> m instanceof TransferComplete t
                        && t.commandKey().equals(key), WAIT);
                assertThat(complete.fault().faultCode()).as(device.id() + " picked: " + picked).isEqualTo(picked ? 9010 : 0);
                if (picked) {
                    assertThat(complete.fault().faultString()).isEqualTo("Download failure");
                }
            }
            if (picked) {
                Thread.sleep(TIMING.rebootDowntime().toMillis());
                assertThat(device.state().softwareVersion()).as(device.id() + " keeps its version").isEqualTo(versions.get(device));
                assertThat(device.state().bootCount()).as(device.id() + " does not reboot").isEqualTo(boots.get(device));
            } else {
                awaitBootInto(device, "9.2.0");
            }
            assertThat(device.state().downloadRequests()).as(device.id() + " asked once").isEqualTo(requests.get(device) + 1);
            assertThat(simulator.groundTruth().get(device.id().toString()).firmwareDefect())
                    .isEqualTo(picked ? "" : "download-fails:50");
        }
    }

    // ----- protocol helpers ------------------------------------------------------------------------------------

    private static boolean isUsp(SimulatedDevice device) {
        return device.state().profile().transport().isUsp();
    }

    /**
     * Asks for a firmware download of {@code .../nl-ax3000-VERSION.bin}, command key {@code PREFIX-<serial>}; the
     * boot into it is one more than the boots counted now.
     */
    private static void download(SimulatedDevice device, String version, String keyPrefix) throws Exception {
        bootsBeforeDownload.put(device, device.state().bootCount());
        String url = "http://fw.example/nl-ax3000-" + version + ".bin";
        String key = keyPrefix + "-" + device.state().serialNumber();
        if (isUsp(device)) {
            UspMsg.Msg resp = uspRequest(device, UspMsg.Header.MsgType.OPERATE, UspMsg.Request.newBuilder()
                    .setOperate(UspMsg.Operate.newBuilder().setCommand("Device.DeviceInfo.FirmwareImage.2.Download()")
                            .setCommandKey(key).setSendResp(true)
                            .addInputArgs(UspMsg.Operate.InputArgsEntry.newBuilder().setKey("URL").setValue(url))
                            .addInputArgs(UspMsg.Operate.InputArgsEntry.newBuilder().setKey("AutoActivate").setValue("true")))
                    .build());
            assertThat(resp.getBody().getResponse().getOperateResp().getOperationResults(0).getReqObjPath()).isNotEmpty();
        } else {
            CwmpMessage answer = cwmpCall(device, new Download(key, "1 Firmware Upgrade Image", url, "", "", 0, "", 0, "", ""));
            assertThat(answer).isInstanceOf(DownloadResponse.class);
        }
    }

    /** Boots the device reported after a crash: CWMP 1 BOOT Informs, USP Boot! with Cause LocalReboot. */
    private static long crashBootsReported(SimulatedDevice device) {
        if (isUsp(device)) {
            String ep = device.state().endpointId();
            return controller.all().stream().filter(r -> r.from().equals(ep) && r.isNotify("boot-1"))
                    .filter(r -> r.notify0().getEvent().getParamsList().stream()
                            .anyMatch(p -> p.getKey().equals("Cause") && p.getValue().equals("LocalReboot")))
                    .count();
        }
        return acs.received().stream().filter(m -> m instanceof Inform i
                && i.deviceId().serialNumber().equals(device.state().serialNumber()) && i.hasEvent("1 BOOT")
                && !i.hasEvent("M Download") && !i.hasEvent("0 BOOTSTRAP")).count();
    }

    /**
     * The Wi-Fi radios as the management side reads them (CWMP GetParameterValues, USP Get), by band:
     * {@code 2.4GHz.Noise}, {@code 2.4GHz.ChannelUtilization}, {@code 5GHz.Noise}, ...
     */
    private static Map<String, Long> wifiThroughTheProtocol(SimulatedDevice device) throws Exception {
        Map<String, String> values = new HashMap<>();
        if (isUsp(device)) {
            UspMsg.Msg resp = uspRequest(device, UspMsg.Header.MsgType.GET, UspMsg.Request.newBuilder()
                    .setGet(UspMsg.Get.newBuilder().addParamPaths("Device.WiFi.Radio.")).build());
            for (UspMsg.GetResp.ResolvedPathResult result : resp.getBody().getResponse().getGetResp().getReqPathResults(0)
                    .getResolvedPathResultsList()) {
                result.getResultParamsList().forEach(p -> values.put(result.getResolvedPath() + p.getKey(), p.getValue()));
            }
        } else {
            var resp = (GetParameterValuesResponse) cwmpCall(device, new GetParameterValues(List.of("Device.WiFi.Radio.")));
            for (ParameterValueStruct p : resp.parameters()) {
                values.put(p.name(), p.value());
            }
        }
        Map<String, Long> byBand = new HashMap<>();
        for (int r = 1; values.containsKey("Device.WiFi.Radio." + r + ".OperatingFrequencyBand"); r++) {
            String radio = "Device.WiFi.Radio." + r + ".";
            String band = values.get(radio + "OperatingFrequencyBand");
            byBand.putIfAbsent(band + ".Noise", Long.parseLong(values.get(radio + "Stats.Noise")));
            byBand.putIfAbsent(band + ".ChannelUtilization", Long.parseLong(values.get(radio + "ChannelUtilization")));
        }
        assertThat(byBand).as(device.id() + " radios").containsKeys("2.4GHz.Noise", "5GHz.Noise");
        return byBand;
    }

    private static void assertNormalWifi(SimulatedDevice device) throws Exception {
        Map<String, Long> wifi = wifiThroughTheProtocol(device);
        assertThat(wifi.get("2.4GHz.Noise")).as(device.id().toString()).isBetween(-97L, -92L);
        assertThat(wifi.get("2.4GHz.ChannelUtilization")).as(device.id().toString()).isBetween(10L, 45L);
        assertThat(wifi.get("5GHz.Noise")).as(device.id().toString()).isBetween(-97L, -92L);
        assertThat(QoeProbe.findings(device.state())).as(device.id().toString()).isEmpty();
        GroundTruth truth = simulator.groundTruth().get(device.id().toString());
        assertThat(truth.firmwareDefect()).isEmpty();
        assertThat(truth.healthy()).isTrue();
    }

    private static UspMsg.Msg uspRequest(SimulatedDevice device, UspMsg.Header.MsgType type, UspMsg.Request request)
            throws Exception {
        String ep = device.state().endpointId();
        return controller.request(ep, "usp/agent/" + ep, type, request);
    }

    /** A rebooting device does not answer (503) until it is back. */
    private static CwmpMessage cwmpCall(SimulatedDevice device, CwmpRequest<?> request) throws Exception {
        return acs.call(device, request, CR_PASSWORD, WAIT);
    }

    /** Waits until the device booted into {@code version} (downloaded last) and its agent is back online. */
    private static void awaitBootInto(SimulatedDevice device, String version) throws InterruptedException {
        int before = bootsBeforeDownload.get(device);
        await(() -> device.state().softwareVersion().equals(version) && device.state().bootCount() > before
                && device.state().isOnline() && device.agent().isOnline(), device.id() + ": the boot into " + version);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + WAIT);
            }
            Thread.sleep(20);
        }
    }
}
