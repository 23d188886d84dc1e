package io.cpeoperator.simulator.usp;

import io.cpeoperator.bridge.usp.proto.UspMsg;
import io.cpeoperator.bridge.usp.proto.UspRecord;
import io.cpeoperator.simulator.SimulatedDevice;
import io.cpeoperator.simulator.Simulator;
import io.cpeoperator.simulator.SimulatorConfig;
import io.cpeoperator.simulator.device.DeviceProfile;
import io.cpeoperator.simulator.engine.Timing;
import io.cpeoperator.bridge.mqtt.EmbeddedMqttBroker;
import io.cpeoperator.simulator.support.TestController;
import io.cpeoperator.simulator.support.TestController.Received;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** USP agents over a real broker (embedded HiveMQ CE), driven by a minimal in-test controller. */
class UspAgentTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    static EmbeddedMqttBroker broker;
    static TestController controller;
    static Simulator simulator;
    static SimulatedDevice mqtt5;
    static SimulatedDevice mqtt3;

    @BeforeAll
    static void start() throws Exception {
        broker = new EmbeddedMqttBroker("127.0.0.1", EmbeddedMqttBroker.freePort(), 4 * 1024 * 1024);
        broker.start();
        controller = new TestController(broker.port());
        simulator = new Simulator(SimulatorConfig.builder()
                .mqttUrl(broker.url())
                .devices(2)
                .mix("usp=50,usp-mqtt3=50")
                .timing(new Timing(Duration.ofMillis(500), Duration.ofMillis(300), Duration.ofMinutes(8), Duration.ZERO))
                .build());
        simulator.start();
        assertThat(simulator.awaitOnline(WAIT)).isTrue();
        for (SimulatedDevice device : simulator.devices()) {
            if (device.state().profile().transport() == DeviceProfile.Transport.USP_MQTT5) {
                mqtt5 = device;
            } else {
                mqtt3 = device;
            }
        }
        // both agents announce themselves, then Boot!
        controller.await(r -> r.from().equals(mqtt5.state().endpointId()) && r.isNotify("boot-1"), WAIT);
        controller.await(r -> r.from().equals(mqtt3.state().endpointId()) && r.isNotify("boot-1"), WAIT);
    }

    @AfterAll
    static void stop() throws Exception {
        simulator.close();
        controller.close();
        broker.close();
    }

    private String ep() {
        return mqtt5.state().endpointId();
    }

    private String topic() {
        return "usp/agent/" + ep();
    }

    private UspMsg.Msg request(UspMsg.Header.MsgType type, UspMsg.Request request) throws Exception {
        return controller.request(ep(), topic(), type, request);
    }

    @BeforeEach
    void acknowledgeBoots() throws Exception {
        for (Received r : controller.all()) {
            if (r.msg() != null && r.msg().getBody().hasRequest() && r.msg().getBody().getRequest().hasNotify()
                    && r.notify0().getSendResp()) {
                controller.notifyResp(r.from(), "usp/agent/" + r.from(), r.msg());
            }
        }
    }

    @Test
    void connectRecordAndBootFollowObuspaConventions() throws Exception {
        Received connect = controller.await(r -> r.from().equals(ep()) && r.record().hasMqttConnect(), WAIT);
        assertThat(connect.record().getMqttConnect().getVersion()).isEqualTo(UspRecord.MQTTConnectRecord.MQTTVersion.V5);
        assertThat(connect.record().getMqttConnect().getSubscribedTopic()).isEqualTo(topic());
        assertThat(connect.topic()).isEqualTo(TestController.TOPIC);
        assertThat(connect.responseTopic()).isEqualTo(topic());
        Received boot = controller.await(r -> r.from().equals(ep()) && r.isNotify("boot-1"), WAIT);
        UspMsg.Notify.Event event = boot.notify0().getEvent();
        assertThat(boot.notify0().getSendResp()).isTrue();
        assertThat(event.getEventName()).isEqualTo("Boot!");
        assertThat(event.getParamsList()).anyMatch(p -> p.getKey().equals("Cause") && p.getValue().equals("LocalFactoryReset"));
        assertThat(event.getParamsList()).anyMatch(p -> p.getKey().equals("ParameterMap")
                && p.getValue().contains("\"Device.DeviceInfo.SerialNumber\":\"" + mqtt5.state().serialNumber() + "\""));

        Received connect3 = controller.await(r -> r.from().equals(mqtt3.state().endpointId()) && r.record().hasMqttConnect(), WAIT);
        assertThat(connect3.record().getMqttConnect().getVersion()).isEqualTo(UspRecord.MQTTConnectRecord.MQTTVersion.V3_1_1);
        assertThat(connect3.topic()).isEqualTo(TestController.TOPIC + "/reply-to=usp%2Fagent%2F" + mqtt3.state().endpointId());
    }

    @Test
    void periodicIsSentAtTheControllersIntervalOnceSubscribedAndReArmedWhenTheIntervalChanges() throws Exception {
        // the controller finds its own entry by a search on its EndpointID and writes the interval there
        UspMsg.Msg set = request(UspMsg.Header.MsgType.SET, UspMsg.Request.newBuilder().setSet(UspMsg.Set.newBuilder()
                .addUpdateObjs(UspMsg.Set.UpdateObject.newBuilder()
                        .setObjPath("Device.LocalAgent.Controller.[EndpointID==\"" + TestController.ENDPOINT + "\"].")
                        .addParamSettings(UspMsg.Set.UpdateParamSetting.newBuilder().setParam("PeriodicNotifInterval")
                                .setValue("1").setRequired(true)))).build());
        assertThat(set.getBody().getResponse().getSetResp().getUpdatedObjResults(0).getOperStatus().getOperSuccess()
                .getUpdatedInstResults(0).getAffectedPath()).isEqualTo("Device.LocalAgent.Controller.1.");
        assertThat(mqtt5.value("Device.LocalAgent.Controller.1.PeriodicNotifInterval")).isEqualTo("1");

        // not subscribed: no heartbeat, whatever the interval
        Thread.sleep(2_500); // an absence can only be shown by waiting past the interval
        assertThat(controller.all()).noneMatch(r -> r.from().equals(ep()) && isPeriodic(r));
        assertThat(((UspAgent) mqtt5.agent()).isSendingPeriodic()).isFalse();

        request(UspMsg.Header.MsgType.ADD, UspMsg.Request.newBuilder().setAdd(UspMsg.Add.newBuilder()
                .addCreateObjs(TestController.subscription("periodic-1", "Event", "Device.LocalAgent.Periodic!"))).build());
        long subscribed = System.nanoTime();
        Received first = controller.await(r -> r.from().equals(ep()) && r.isNotify("periodic-1"), WAIT);
        long firstMillis = (System.nanoTime() - subscribed) / 1_000_000;
        assertThat(first.notify0().getEvent().getObjPath()).isEqualTo("Device.LocalAgent.");
        assertThat(first.notify0().getEvent().getEventName()).isEqualTo("Periodic!");
        assertThat(first.notify0().getSendResp()).isFalse();
        assertThat(firstMillis).as("first Periodic! one interval after subscribing").isBetween(800L, 5_000L);
        controller.await(r -> r.from().equals(ep()) && r.isNotify("periodic-1") && r != first, WAIT);

        // a long interval re-arms the beat: the 1 s heartbeats stop
        request(UspMsg.Header.MsgType.SET, UspMsg.Request.newBuilder().setSet(UspMsg.Set.newBuilder()
                .addUpdateObjs(UspMsg.Set.UpdateObject.newBuilder().setObjPath("Device.LocalAgent.Controller.1.")
                        .addParamSettings(UspMsg.Set.UpdateParamSetting.newBuilder().setParam("PeriodicNotifInterval")
                                .setValue("3600")))).build());
        long periodicsBefore = periodics();
        Thread.sleep(2_500);
        assertThat(periodics()).isEqualTo(periodicsBefore);
        assertThat(((UspAgent) mqtt5.agent()).isSendingPeriodic()).isTrue();

        request(UspMsg.Header.MsgType.DELETE, UspMsg.Request.newBuilder().setDelete(UspMsg.Delete.newBuilder()
                .addObjPaths("Device.LocalAgent.Subscription.[ID==\"periodic-1\"].")).build());
        assertThat(((UspAgent) mqtt5.agent()).isSendingPeriodic()).isFalse();
    }

    private long periodics() {
        return controller.all().stream().filter(r -> r.from().equals(ep()) && isPeriodic(r)).count();
    }

    private static boolean isPeriodic(Received r) {
        return r.msg() != null && r.msg().getBody().hasRequest() && r.msg().getBody().getRequest().hasNotify()
                && r.notify0().getEvent().getEventName().equals("Periodic!");
    }

    @Test
    void getReturnsObjectsWithRelativeNamesAndInvalidPathsGet7026() throws Exception {
        UspMsg.Msg resp = request(UspMsg.Header.MsgType.GET, UspMsg.Request.newBuilder().setGet(UspMsg.Get.newBuilder()
                .addParamPaths("Device.DeviceInfo.").addParamPaths("Device.NoSuchObject.")
                .addParamPaths("Device.LocalAgent.Controller.*.EndpointID")).build());
        UspMsg.GetResp get = resp.getBody().getResponse().getGetResp();
        UspMsg.GetResp.RequestedPathResult info = get.getReqPathResults(0);
        assertThat(info.getErrCode()).isZero();
        UspMsg.GetResp.ResolvedPathResult deviceInfo = info.getResolvedPathResultsList().stream()
                .filter(r -> r.getResolvedPath().equals("Device.DeviceInfo.")).findFirst().orElseThrow();
        assertThat(deviceInfo.getResultParamsList()).anyMatch(p -> p.getKey().equals("SerialNumber")
                && p.getValue().equals(mqtt5.state().serialNumber()));
        assertThat(info.getResolvedPathResultsList()).extracting(UspMsg.GetResp.ResolvedPathResult::getResolvedPath)
                .contains("Device.DeviceInfo.MemoryStatus.", "Device.DeviceInfo.ProcessStatus.Process.3.");
        assertThat(get.getReqPathResults(1).getErrCode()).isEqualTo(7026);
        assertThat(get.getReqPathResults(1).getErrMsg()).isEqualTo("DM_PRIV_GetNodeFromPath: Path is invalid: Device.NoSuchObject");
        assertThat(get.getReqPathResults(2).getResolvedPathResults(0).getResolvedPath()).isEqualTo("Device.LocalAgent.Controller.1.");
        assertThat(get.getReqPathResults(2).getResolvedPathResults(0).getResultParams(0).getValue()).isEqualTo(TestController.ENDPOINT);
    }

    @Test
    void fullDataModelIsReadableInOneGet() throws Exception {
        UspMsg.Msg resp = request(UspMsg.Header.MsgType.GET, UspMsg.Request.newBuilder()
                .setGet(UspMsg.Get.newBuilder().addParamPaths("Device.")).build());
        int params = resp.getBody().getResponse().getGetResp().getReqPathResults(0).getResolvedPathResultsList().stream()
                .mapToInt(UspMsg.GetResp.ResolvedPathResult::getResultParamsCount).sum();
        assertThat(params).isBetween(700, 3000);
    }

    @Test
    void setOfReadOnlyParameterIsAnErrorLikeObuspa() throws Exception {
        UspMsg.Msg resp = request(UspMsg.Header.MsgType.SET, UspMsg.Request.newBuilder().setSet(UspMsg.Set.newBuilder()
                .addUpdateObjs(UspMsg.Set.UpdateObject.newBuilder().setObjPath("Device.DeviceInfo.")
                        .addParamSettings(UspMsg.Set.UpdateParamSetting.newBuilder().setParam("SerialNumber").setValue("HACKED").setRequired(true))))
                .build());
        assertThat(resp.getHeader().getMsgType()).isEqualTo(UspMsg.Header.MsgType.ERROR);
        assertThat(resp.getBody().getError().getErrCode()).isEqualTo(7004);
        assertThat(resp.getBody().getError().getParamErrs(0).getErrCode()).isEqualTo(7013);
        assertThat(resp.getBody().getError().getParamErrs(0).getParamPath()).isEqualTo("Device.DeviceInfo.SerialNumber");
        assertThat(mqtt5.value("Device.DeviceInfo.SerialNumber")).isEqualTo(mqtt5.state().serialNumber());
    }

    @Test
    void setWithValueChangeSubscriptionNotifiesAtOnce() throws Exception {
        UspMsg.Msg added = request(UspMsg.Header.MsgType.ADD, UspMsg.Request.newBuilder().setAdd(UspMsg.Add.newBuilder()
                .addCreateObjs(TestController.subscription("vc-1", "ValueChange", "Device.LocalAgent.Controller.1.ProvisioningCode"))).build());
        UspMsg.AddResp.CreatedObjectResult created = added.getBody().getResponse().getAddResp().getCreatedObjResults(0);
        assertThat(created.getOperStatus().getOperSuccess().getInstantiatedPath()).startsWith("Device.LocalAgent.Subscription.");
        assertThat(created.getOperStatus().getOperSuccess().getUniqueKeysList()).anyMatch(k -> k.getKey().equals("ID") && k.getValue().equals("vc-1"));

        UspMsg.Msg set = request(UspMsg.Header.MsgType.SET, UspMsg.Request.newBuilder().setSet(UspMsg.Set.newBuilder()
                .addUpdateObjs(UspMsg.Set.UpdateObject.newBuilder().setObjPath("Device.LocalAgent.Controller.1.")
                        .addParamSettings(UspMsg.Set.UpdateParamSetting.newBuilder().setParam("ProvisioningCode").setValue("PC-2024-0001"))))
                .build());
        UspMsg.SetResp.UpdatedInstanceResult updated = set.getBody().getResponse().getSetResp().getUpdatedObjResults(0)
                .getOperStatus().getOperSuccess().getUpdatedInstResults(0);
        assertThat(updated.getAffectedPath()).isEqualTo("Device.LocalAgent.Controller.1.");
        assertThat(updated.getUpdatedParams(0).getValue()).isEqualTo("PC-2024-0001");
        Received change = controller.await(r -> r.from().equals(ep()) && r.isNotify("vc-1"), WAIT);
        assertThat(change.notify0().getValueChange().getParamPath()).isEqualTo("Device.LocalAgent.Controller.1.ProvisioningCode");
        assertThat(change.notify0().getValueChange().getParamValue()).isEqualTo("PC-2024-0001");
    }

    @Test
    void addAndDeleteProduceObjectNotifications() throws Exception {
        request(UspMsg.Header.MsgType.ADD, UspMsg.Request.newBuilder().setAdd(UspMsg.Add.newBuilder().setAllowPartial(true)
                .addCreateObjs(TestController.subscription("oc-1", "ObjectCreation", "Device.NAT.PortMapping."))
                .addCreateObjs(TestController.subscription("od-1", "ObjectDeletion", "Device.NAT.PortMapping."))).build());
        UspMsg.Msg added = request(UspMsg.Header.MsgType.ADD, UspMsg.Request.newBuilder().setAdd(UspMsg.Add.newBuilder()
                .addCreateObjs(UspMsg.Add.CreateObject.newBuilder().setObjPath("Device.NAT.PortMapping.")
                        .addParamSettings(UspMsg.Add.CreateParamSetting.newBuilder().setParam("Alias").setValue("ssh"))
                        .addParamSettings(UspMsg.Add.CreateParamSetting.newBuilder().setParam("ExternalPort").setValue("2222")))).build());
        String instance = added.getBody().getResponse().getAddResp().getCreatedObjResults(0).getOperStatus().getOperSuccess().getInstantiatedPath();
        Received creation = controller.await(r -> r.from().equals(ep()) && r.isNotify("oc-1"), WAIT);
        assertThat(creation.notify0().getObjCreation().getObjPath()).isEqualTo(instance);
        assertThat(mqtt5.value(instance + "ExternalPort")).isEqualTo("2222");

        UspMsg.Msg deleted = request(UspMsg.Header.MsgType.DELETE, UspMsg.Request.newBuilder().setDelete(UspMsg.Delete.newBuilder()
                .addObjPaths("Device.NAT.PortMapping.[Alias==\"ssh\"].")).build());
        assertThat(deleted.getBody().getResponse().getDeleteResp().getDeletedObjResults(0).getOperStatus().getOperSuccess()
                .getAffectedPathsList()).containsExactly(instance);
        Received deletion = controller.await(r -> r.from().equals(ep()) && r.isNotify("od-1"), WAIT);
        assertThat(deletion.notify0().getObjDeletion().getObjPath()).isEqualTo(instance);
    }

    @Test
    void supportedDataModelInstancesAndProtocol() throws Exception {
        UspMsg.Msg gsdm = request(UspMsg.Header.MsgType.GET_SUPPORTED_DM, UspMsg.Request.newBuilder().setGetSupportedDm(
                UspMsg.GetSupportedDM.newBuilder().addObjPaths("Device.LocalAgent.").setFirstLevelOnly(true)
                        .setReturnParams(true).setReturnCommands(true).setReturnEvents(true).setReturnUniqueKeySets(true)).build());
        UspMsg.GetSupportedDMResp.RequestedObjectResult result = gsdm.getBody().getResponse().getGetSupportedDmResp().getReqObjResults(0);
        assertThat(result.getDataModelInstUri()).startsWith("urn:broadband-forum-org:tr-181-2-");
        assertThat(result.getSupportedObjsList()).anyMatch(o -> o.getSupportedObjPath().equals("Device.LocalAgent.Subscription.{i}.")
                && o.getIsMultiInstance() && o.getAccess() == UspMsg.GetSupportedDMResp.ObjAccessType.OBJ_ADD_DELETE);
        UspMsg.Msg root = request(UspMsg.Header.MsgType.GET_SUPPORTED_DM, UspMsg.Request.newBuilder().setGetSupportedDm(
                UspMsg.GetSupportedDM.newBuilder().addObjPaths("Device.").setReturnCommands(true).setReturnEvents(true)).build());
        assertThat(root.getBody().getResponse().getGetSupportedDmResp().getReqObjResults(0).getSupportedObjsList())
                .anyMatch(o -> o.getSupportedCommandsList().stream().anyMatch(c -> c.getCommandName().equals("Reboot()")))
                .anyMatch(o -> o.getSupportedEventsList().stream().anyMatch(e -> e.getEventName().equals("Boot!")));

        UspMsg.Msg gi = request(UspMsg.Header.MsgType.GET_INSTANCES, UspMsg.Request.newBuilder().setGetInstances(
                UspMsg.GetInstances.newBuilder().addObjPaths("Device.LocalAgent.Controller.")).build());
        assertThat(gi.getBody().getResponse().getGetInstancesResp().getReqPathResults(0).getCurrInstsList())
                .extracting(UspMsg.GetInstancesResp.CurrInstance::getInstantiatedObjPath)
                .contains("Device.LocalAgent.Controller.1.", "Device.LocalAgent.Controller.1.BootParameter.2.",
                        "Device.LocalAgent.Controller.1.MTP.1.");

        UspMsg.Msg gsp = request(UspMsg.Header.MsgType.GET_SUPPORTED_PROTO, UspMsg.Request.newBuilder().setGetSupportedProtocol(
                UspMsg.GetSupportedProtocol.newBuilder().setControllerSupportedProtocolVersions("1.0,1.1,1.2,1.3,1.4")).build());
        assertThat(gsp.getBody().getResponse().getGetSupportedProtocolResp().getAgentSupportedProtocolVersions()).isEqualTo("1.0,1.1,1.2,1.3");
    }

    @Test
    void asyncOperateEndsInOperationComplete() throws Exception {
        request(UspMsg.Header.MsgType.ADD, UspMsg.Request.newBuilder().setAdd(UspMsg.Add.newBuilder()
                .addCreateObjs(TestController.subscription("opc-1", "OperationComplete", "Device.SelfTestDiagnostics()"))).build());
        UspMsg.Msg resp = request(UspMsg.Header.MsgType.OPERATE, UspMsg.Request.newBuilder().setOperate(UspMsg.Operate.newBuilder()
                .setCommand("Device.SelfTestDiagnostics()").setCommandKey("selftest-ck-1").setSendResp(true)).build());
        assertThat(resp.getBody().getResponse().getOperateResp().getOperationResults(0).getReqObjPath()).startsWith("Device.LocalAgent.Request.");
        Received done = controller.await(r -> r.from().equals(ep()) && r.isNotify("opc-1"), WAIT);
        assertThat(done.notify0().getOperComplete().getCommandKey()).isEqualTo("selftest-ck-1");
        assertThat(done.notify0().getOperComplete().getReqOutputArgs().getOutputArgsList())
                .anyMatch(a -> a.getKey().equals("Results") && a.getValue().equals("PASS"));
    }

    @Test
    void rebootBringsANewConnectRecordAndBootWithRemoteRebootCause() throws Exception {
        int boots = mqtt5.state().bootCount();
        UspMsg.Msg resp = request(UspMsg.Header.MsgType.OPERATE, UspMsg.Request.newBuilder().setOperate(UspMsg.Operate.newBuilder()
                .setCommand("Device.Reboot()").setCommandKey("reboot-ck-1").setSendResp(true)).build());
        assertThat(resp.getBody().getResponse().getOperateResp().getOperationResults(0).hasReqOutputArgs()).isTrue();
        Received boot = controller.await(r -> r.from().equals(ep()) && r.isNotify("boot-1") && r.notify0().getEvent()
                .getParamsList().stream().anyMatch(p -> p.getValue().equals("reboot-ck-1")), WAIT);
        assertThat(boot.notify0().getEvent().getParamsList()).anyMatch(p -> p.getKey().equals("Cause") && p.getValue().equals("RemoteReboot"));
        assertThat(mqtt5.state().bootCount()).isEqualTo(boots + 1);
        assertThat(Long.parseLong(mqtt5.value("Device.DeviceInfo.UpTime"))).isLessThan(60);
    }

    @Test
    void firmwareDownloadInstallsTheVersionAndRebootsIntoIt() throws Exception {
        String version = "9.9.9";
        request(UspMsg.Header.MsgType.ADD, UspMsg.Request.newBuilder().setAdd(UspMsg.Add.newBuilder()
                .addCreateObjs(TestController.subscription("dl-1", "OperationComplete", "Device.DeviceInfo.FirmwareImage.2.Download()"))).build());
        UspMsg.Msg resp = request(UspMsg.Header.MsgType.OPERATE, UspMsg.Request.newBuilder().setOperate(UspMsg.Operate.newBuilder()
                .setCommand("Device.DeviceInfo.FirmwareImage.2.Download()").setCommandKey("fw-ck").setSendResp(true)
                .addInputArgs(UspMsg.Operate.InputArgsEntry.newBuilder().setKey("URL").setValue("http://fw.example/nl-" + version + ".bin"))
                .addInputArgs(UspMsg.Operate.InputArgsEntry.newBuilder().setKey("AutoActivate").setValue("true"))).build());
        assertThat(resp.getBody().getResponse().getOperateResp().getOperationResults(0).getReqObjPath()).isNotEmpty();
        controller.await(r -> r.from().equals(ep()) && r.isNotify("dl-1"), WAIT);
        Received boot = controller.await(r -> r.from().equals(ep()) && r.isNotify("boot-1") && r.notify0().getEvent()
                .getParamsList().stream().anyMatch(p -> p.getKey().equals("FirmwareUpdated") && p.getValue().equals("true")), WAIT);
        assertThat(boot.notify0().getEvent().getParamsList()).anyMatch(p -> p.getKey().equals("ParameterMap") && p.getValue().contains(version));
        assertThat(mqtt5.value("Device.DeviceInfo.SoftwareVersion")).isEqualTo(version);
    }

    @Test
    void mqtt311AgentAnswersOnTheReplyToTopic() throws Exception {
        String ep3 = mqtt3.state().endpointId();
        UspMsg.Msg msg = UspMsg.Msg.newBuilder()
                .setHeader(UspMsg.Header.newBuilder().setMsgId("get-311-1").setMsgType(UspMsg.Header.MsgType.GET))
                .setBody(UspMsg.Body.newBuilder().setRequest(UspMsg.Request.newBuilder().setGet(
                        UspMsg.Get.newBuilder().addParamPaths("Device.DeviceInfo.SerialNumber")))).build();
        controller.send(ep3, "usp/agent/" + ep3 + "/reply-to=usp%2Fcontroller%2Fcpe-operator", msg);
        Received answer = controller.await(r -> r.msg() != null && r.msg().getHeader().getMsgId().equals("get-311-1"), WAIT);
        assertThat(answer.topic()).isEqualTo(TestController.TOPIC + "/reply-to=usp%2Fagent%2F" + ep3);
        assertThat(answer.msg().getBody().getResponse().getGetResp().getReqPathResults(0).getResolvedPathResults(0)
                .getResultParams(0).getValue()).isEqualTo(mqtt3.state().serialNumber());
    }

    @Test
    void recordsFromUnknownControllersAndGarbageAreIgnored() throws Exception {
        controller.sendRaw(topic(), new byte[] {1, 2, 3, (byte) 0xFF});
        UspMsg.Msg msg = UspMsg.Msg.newBuilder()
                .setHeader(UspMsg.Header.newBuilder().setMsgId("intruder-1").setMsgType(UspMsg.Header.MsgType.GET))
                .setBody(UspMsg.Body.newBuilder().setRequest(UspMsg.Request.newBuilder().setGet(
                        UspMsg.Get.newBuilder().addParamPaths("Device.")))).build();
        controller.sendRaw(topic(), io.cpeoperator.bridge.usp.wire.UspRecordCodec.noSessionContext("1.3", ep(), "self::intruder", msg).toByteArray());
        // the agent still answers its controller
        UspMsg.Msg ok = request(UspMsg.Header.MsgType.GET_SUPPORTED_PROTO, UspMsg.Request.newBuilder().setGetSupportedProtocol(
                UspMsg.GetSupportedProtocol.newBuilder().setControllerSupportedProtocolVersions("1.3")).build());
        assertThat(ok.getHeader().getMsgType()).isEqualTo(UspMsg.Header.MsgType.GET_SUPPORTED_PROTO_RESP);
        List<Received> intruderAnswers = controller.all().stream()
                .filter(r -> r.msg() != null && r.msg().getHeader().getMsgId().equals("intruder-1")).toList();
        assertThat(intruderAnswers).isEmpty();
        assertThat(simulator.registry().counter("cpe.sim.usp.records.rejected").count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void uspStormMeasuresAcknowledgedNotifications() throws Exception {
        controller.autoAcknowledgeLoad(true);
        try {
            var result = io.cpeoperator.simulator.load.LoadGenerator.run(simulator,
                    io.cpeoperator.simulator.load.LoadGenerator.Mode.USP_STORM, Duration.ofSeconds(1));
            assertThat(result.latencies().count()).isGreaterThan(10);
            assertThat(result.latencies().failures()).isZero();
            assertThat(result.latencies().percentileMillis(99)).isPositive();
        } finally {
            controller.autoAcknowledgeLoad(false);
        }
    }
}
