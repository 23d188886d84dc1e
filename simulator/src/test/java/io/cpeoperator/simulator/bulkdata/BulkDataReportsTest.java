package io.cpeoperator.simulator.bulkdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cpeoperator.bridge.mqtt.EmbeddedMqttBroker;
import io.cpeoperator.bridge.usp.proto.UspMsg;
import io.cpeoperator.simulator.SimulatedDevice;
import io.cpeoperator.simulator.Simulator;
import io.cpeoperator.simulator.SimulatorConfig;
import io.cpeoperator.simulator.device.DataModelException;
import io.cpeoperator.simulator.device.DataModelWriter;
import io.cpeoperator.simulator.device.Write;
import io.cpeoperator.simulator.engine.Timing;
import io.cpeoperator.simulator.support.TestController;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * BulkData profiles created the way an ACS (AddObject + SetParameterValues) and a controller (USP Add with Alias,
 * then Set) create them, reporting to a local collector; USP Push! over a real broker. At 120x a 60 s interval is
 * half a second of real time.
 */
class BulkDataReportsTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    static EmbeddedMqttBroker broker;
    static TestController controller;
    static Simulator simulator;
    static ReportCapture collector;
    static SimulatedDevice cwmp;
    static SimulatedDevice usp;

    @BeforeAll
    static void start() throws Exception {
        broker = new EmbeddedMqttBroker("127.0.0.1", EmbeddedMqttBroker.freePort(), 4 * 1024 * 1024);
        broker.start();
        controller = new TestController(broker.port());
        collector = new ReportCapture();
        simulator = new Simulator(SimulatorConfig.builder()
                .mqttUrl(broker.url())
                .acsUrl("http://127.0.0.1:9/")
                .devices(2)
                .mix("cwmp=50,usp=50")
                .models(List.of("NL-AX3000"))
                .timeCompression(120)
                .timing(new Timing(Duration.ofMillis(500), Duration.ofMillis(300), Duration.ofMinutes(8), Duration.ZERO))
                .build());
        simulator.start();
        assertThat(simulator.awaitOnline(WAIT)).isTrue();
        for (SimulatedDevice device : simulator.devices()) {
            if (device.state().profile().transport().isUsp()) {
                usp = device;
            } else {
                cwmp = device;
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        simulator.close();
        controller.close();
        broker.close();
        collector.close();
    }

    /** What CwmpRpcHandler does for AddObject then SetParameterValues. */
    private static String cwmpProfile(String alias, Map<String, String> values, String... references) throws DataModelException {
        String table = "Device.BulkData.Profile.";
        String profile = table + DataModelWriter.addObject(cwmp.state(), table, Map.of(), "add-" + alias) + ".";
        DataModelWriter.set(cwmp.state(), List.of(Write.of(profile + "Alias", alias)), "alias-" + alias);
        for (String reference : references) {
            int row = DataModelWriter.addObject(cwmp.state(), profile + "Parameter.", Map.of(), "p");
            DataModelWriter.set(cwmp.state(), List.of(Write.of(profile + "Parameter." + row + ".Reference", reference)), "r");
        }
        List<Write> writes = new java.util.ArrayList<>();
        values.forEach((name, value) -> writes.add(Write.of(profile + name, value)));
        writes.add(Write.of(profile + "Enable", "true"));
        DataModelWriter.set(cwmp.state(), writes, "configure-" + alias);
        return profile;
    }

    @Test
    void cwmpProfileReportsJsonNameValuePairWithAuthGzipAndQuery() throws Exception {
        String profile = cwmpProfile("nvp", Map.of("ReportingInterval", "60", "HTTP.URL", collector.url("/nvp"),
                "HTTP.Username", "collector", "HTTP.Password", "s3cret", "HTTP.Compression", "GZIP"),
                "Device.DeviceInfo.UpTime", "Device.WiFi.Radio.*.Stats.Noise");
        int row = DataModelWriter.addObject(cwmp.state(), profile + "HTTP.RequestURIParameter.", Map.of(), "q");
        DataModelWriter.set(cwmp.state(), List.of(Write.of(profile + "HTTP.RequestURIParameter." + row + ".Name", "sn"),
                Write.of(profile + "HTTP.RequestURIParameter." + row + ".Reference", "Device.DeviceInfo.SerialNumber")), "q");

        ReportCapture.Report report = collector.await(r -> r.path().equals("/nvp"), WAIT);

        assertThat(report.header("Content-Type")).startsWith("application/json");
        assertThat(report.header("BBF-Report-Format")).isEqualTo("NameValuePair");
        assertThat(report.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(report.header("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("collector:s3cret".getBytes(StandardCharsets.UTF_8)));
        assertThat(report.query()).isEqualTo("sn=" + cwmp.state().serialNumber());
        JsonNode first = JSON.readTree(report.body()).get("Report").get(0);
        long collected = first.get("CollectionTime").asLong();
        assertThat(collected).isBetween(simulator.clock().millis() / 1000 - 3600, simulator.clock().millis() / 1000);
        assertThat(first.get("Device.DeviceInfo.UpTime").isNumber()).isTrue();
        // the wildcard expands to every radio the model has, each with the value the data model shows
        List<String> radios = new java.util.ArrayList<>();
        first.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("Device.WiFi.Radio.")) {
                radios.add(name);
            }
        });
        assertThat(radios).isNotEmpty().allMatch(name -> name.matches("Device\\.WiFi\\.Radio\\.\\d+\\.Stats\\.Noise"));
        assertThat(radios.size()).isEqualTo(
                io.cpeoperator.simulator.device.DataModelReader.instanceNumbers(cwmp.state(), "Device.WiFi.Radio.").size());
        assertThat(first.get(radios.get(0)).asInt()).isBetween(-100, -60);
        assertThat(cwmp.bulkData().reports("nvp")).hasValueSatisfying(r -> assertThat(r.delivered()).isPositive());
    }

    @Test
    void cwmpProfileReportsObjectHierarchyAndCsv() throws Exception {
        cwmpProfile("tree", Map.of("ReportingInterval", "60", "HTTP.URL", collector.url("/tree"),
                "JSONEncoding.ReportFormat", "ObjectHierarchy", "JSONEncoding.ReportTimestamp", "ISO-8601"),
                "Device.DeviceInfo.MemoryStatus.");
        cwmpProfile("rows", Map.of("ReportingInterval", "60", "HTTP.URL", collector.url("/rows"), "EncodingType", "CSV",
                "CSVEncoding.ReportFormat", "ParameterPerRow"), "Device.DeviceInfo.UpTime", "Device.DeviceInfo.SerialNumber");
        cwmpProfile("cols", Map.of("ReportingInterval", "60", "HTTP.URL", collector.url("/cols"), "EncodingType", "CSV",
                "CSVEncoding.ReportTimestamp", "None"), "Device.DeviceInfo.SerialNumber", "Device.DeviceInfo.Manufacturer");

        JsonNode tree = JSON.readTree(collector.await(r -> r.path().equals("/tree"), WAIT).body()).get("Report").get(0);
        assertThat(tree.get("CollectionTime").asText()).endsWith("Z").contains("T");
        assertThat(tree.at("/Device/DeviceInfo/MemoryStatus/Total").asLong())
                .isEqualTo(Long.parseLong(cwmp.value("Device.DeviceInfo.MemoryStatus.Total")));
        assertThat(tree.at("/Device/DeviceInfo/MemoryStatus/Free").isNumber()).isTrue();

        ReportCapture.Report rows = collector.await(r -> r.path().equals("/rows"), WAIT);
        assertThat(rows.header("Content-Type")).startsWith("text/csv");
        assertThat(rows.header("BBF-Report-Format")).isEqualTo("ParameterPerRow");
        String[] lines = rows.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("ReportTimestamp,ParameterName,ParameterValue,ParameterType");
        assertThat(lines[1]).matches("\\d+,Device\\.DeviceInfo\\.UpTime,\\d+,unsignedInt");
        assertThat(lines[2]).endsWith(",Device.DeviceInfo.SerialNumber," + cwmp.state().serialNumber() + ",string");

        ReportCapture.Report cols = collector.await(r -> r.path().equals("/cols"), WAIT);
        assertThat(cols.header("BBF-Report-Format")).isEqualTo("ParameterPerColumn");
        assertThat(cols.body()).isEqualTo("Device.DeviceInfo.SerialNumber,Device.DeviceInfo.Manufacturer\r\n"
                + cwmp.state().serialNumber() + "," + cwmp.state().manufacturer() + "\r\n");
    }

    @Test
    void disablingOrDeletingAProfileStopsItsReports() throws Exception {
        String profile = cwmpProfile("stop", Map.of("ReportingInterval", "60", "HTTP.URL", collector.url("/stop")),
                "Device.DeviceInfo.UpTime");
        collector.await(r -> r.path().equals("/stop"), WAIT);
        DataModelWriter.set(cwmp.state(), List.of(Write.of(profile + "Enable", "false")), "off");
        Thread.sleep(BulkDataCollector.TICK_MILLIS * 2);
        long afterDisable = collector.reports().stream().filter(r -> r.path().equals("/stop")).count();
        Thread.sleep(2_000);
        assertThat(collector.reports().stream().filter(r -> r.path().equals("/stop")).count()).isEqualTo(afterDisable);

        DataModelWriter.set(cwmp.state(), List.of(Write.of(profile + "Enable", "true")), "on");
        collector.await(r -> r.path().equals("/stop") && collector.reports().stream()
                .filter(x -> x.path().equals("/stop")).count() > afterDisable, WAIT);
        DataModelWriter.deleteObject(cwmp.state(), profile, "delete");
        Thread.sleep(BulkDataCollector.TICK_MILLIS * 2);
        long afterDelete = collector.reports().stream().filter(r -> r.path().equals("/stop")).count();
        Thread.sleep(2_000);
        assertThat(collector.reports().stream().filter(r -> r.path().equals("/stop")).count()).isEqualTo(afterDelete);
        assertThat(cwmp.value(profile + "Enable")).isNull();
        assertThat(cwmp.value(profile + "Parameter.1.Reference")).isNull();
    }

    @Test
    void failedReportsAreCarriedByTheNextOne() throws Exception {
        collector.refuse(true);
        try {
            cwmpProfile("retry", Map.of("ReportingInterval", "60", "HTTP.URL", collector.url("/retry")),
                    "Device.DeviceInfo.UpTime");
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (cwmp.bulkData().reports("retry").map(ProfileReports::failed).orElse(0) < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } finally {
            collector.refuse(false);
        }
        JsonNode report = JSON.readTree(collector.await(r -> r.path().equals("/retry"), WAIT).body()).get("Report");
        assertThat(report.size()).isGreaterThanOrEqualTo(3);
        assertThat(report.get(0).get("CollectionTime").asLong()).isLessThan(report.get(report.size() - 1).get("CollectionTime").asLong());
    }

    private UspMsg.Msg request(UspMsg.Header.MsgType type, UspMsg.Request request) throws Exception {
        return controller.request(usp.state().endpointId(), "usp/agent/" + usp.state().endpointId(), type, request);
    }

    private UspMsg.Msg addProfile(String alias) throws Exception {
        return request(UspMsg.Header.MsgType.ADD, UspMsg.Request.newBuilder().setAdd(UspMsg.Add.newBuilder()
                .setAllowPartial(false).addCreateObjs(UspMsg.Add.CreateObject.newBuilder()
                        .setObjPath("Device.BulkData.Profile.")
                        .addParamSettings(param("Alias", alias)))).build());
    }

    private static UspMsg.Add.CreateParamSetting param(String name, String value) {
        return UspMsg.Add.CreateParamSetting.newBuilder().setParam(name).setValue(value).setRequired(true).build();
    }

    private UspMsg.Msg set(String object, Map<String, String> values) throws Exception {
        UspMsg.Set.UpdateObject.Builder update = UspMsg.Set.UpdateObject.newBuilder().setObjPath(object);
        values.forEach((k, v) -> update.addParamSettings(UspMsg.Set.UpdateParamSetting.newBuilder().setParam(k).setValue(v)
                .setRequired(true)));
        return request(UspMsg.Header.MsgType.SET, UspMsg.Request.newBuilder()
                .setSet(UspMsg.Set.newBuilder().setAllowPartial(false).addUpdateObjs(update)).build());
    }

    private String addRow(String table, String reference) throws Exception {
        UspMsg.Msg added = request(UspMsg.Header.MsgType.ADD, UspMsg.Request.newBuilder().setAdd(UspMsg.Add.newBuilder()
                .setAllowPartial(false).addCreateObjs(UspMsg.Add.CreateObject.newBuilder().setObjPath(table)
                        .addParamSettings(param("Reference", reference)))).build());
        return added.getBody().getResponse().getAddResp().getCreatedObjResults(0).getOperStatus().getOperSuccess()
                .getInstantiatedPath();
    }

    @Test
    void uspAddWithAliasThenSetReportsOverHttpAndASecondAddWithTheSameAliasIsRefused() throws Exception {
        UspMsg.Msg added = addProfile("usp-http");
        String instance = added.getBody().getResponse().getAddResp().getCreatedObjResults(0).getOperStatus()
                .getOperSuccess().getInstantiatedPath();
        assertThat(instance).matches("Device\\.BulkData\\.Profile\\.\\d+\\.");

        UspMsg.Msg duplicate = addProfile("usp-http");
        assertThat(duplicate.getBody().hasError()).isTrue();
        assertThat(duplicate.getBody().getError().getErrCode()).isEqualTo(7025);

        String byAlias = "Device.BulkData.Profile.[Alias==\"usp-http\"].";
        assertThat(addRow(instance + "Parameter.", "Device.DeviceInfo.SoftwareVersion")).startsWith(instance + "Parameter.");
        UspMsg.Msg setResp = set(byAlias, Map.of("Protocol", "HTTP", "ReportingInterval", "60",
                "HTTP.URL", collector.url("/usp"), "Enable", "true"));
        assertThat(setResp.getBody().getResponse().hasSetResp()).isTrue();

        JsonNode first = JSON.readTree(collector.await(r -> r.path().equals("/usp"), WAIT).body()).get("Report").get(0);
        assertThat(first.get("Device.DeviceInfo.SoftwareVersion").asText()).isEqualTo(usp.state().softwareVersion());
        // the controller's "update, don't duplicate": still exactly one profile with the alias
        assertThat(usp.read("Device.BulkData.Profile.").stream()
                .filter(p -> p.path().endsWith(".Alias") && p.value().equals("usp-http"))).hasSize(1);
    }

    @Test
    void uspEventNotifProfilePushesOnlyWhenSubscribed() throws Exception {
        String instance = addProfile("push").getBody().getResponse().getAddResp().getCreatedObjResults(0).getOperStatus()
                .getOperSuccess().getInstantiatedPath();
        addRow(instance + "Parameter.", "Device.DeviceInfo.UpTime");
        set(instance, Map.of("Protocol", "USPEventNotif", "ReportingInterval", "60", "Enable", "true"));
        Thread.sleep(1_500);
        assertThat(controller.all()).noneMatch(r -> r.from().equals(usp.state().endpointId()) && r.isNotify("push-1"));
        assertThat(usp.bulkData().reports("push")).hasValueSatisfying(r -> assertThat(r.delivered()).isZero());

        request(UspMsg.Header.MsgType.ADD, UspMsg.Request.newBuilder().setAdd(UspMsg.Add.newBuilder()
                .setAllowPartial(false).addCreateObjs(UspMsg.Add.CreateObject.newBuilder()
                        .setObjPath("Device.LocalAgent.Subscription.")
                        .addParamSettings(param("ID", "push-1")).addParamSettings(param("Enable", "true"))
                        .addParamSettings(param("NotifType", "Event"))
                        .addParamSettings(param("ReferenceList", "Device.BulkData.Profile.*.Push!")))).build());

        TestController.Received push = controller.await(r -> r.from().equals(usp.state().endpointId()) && r.isNotify("push-1")
                && r.notify0().getEvent().getObjPath().equals(instance), WAIT);
        UspMsg.Notify.Event event = push.notify0().getEvent();
        assertThat(event.getEventName()).isEqualTo("Push!");
        JsonNode report = JSON.readTree(event.getParamsList().stream()
                .filter(p -> p.getKey().equals("Data")).findFirst().orElseThrow().getValue()).get("Report").get(0);
        assertThat(report.get("Device.DeviceInfo.UpTime").asLong()).isPositive();
        assertThat(report.has("CollectionTime")).isTrue();
    }

    @Test
    void aSecondCwmpAliasIsRefusedToo() throws Exception {
        cwmpProfile("once", Map.of("ReportingInterval", "600"));
        assertThatThrownBy(() -> DataModelWriter.addObject(cwmp.state(), "Device.BulkData.Profile.", Map.of("Alias", "once"), "x"))
                .isInstanceOf(DataModelException.class);
    }
}
