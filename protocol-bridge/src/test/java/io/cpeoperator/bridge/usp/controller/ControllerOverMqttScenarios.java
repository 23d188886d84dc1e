package io.cpeoperator.bridge.usp.controller;

import io.cpeoperator.bridge.device.DeviceEvent;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.device.DeviceOperationException;
import io.cpeoperator.bridge.device.FirmwareDownload;
import io.cpeoperator.bridge.twin.ParameterType;
import io.cpeoperator.bridge.usp.proto.UspMsg;
import io.cpeoperator.bridge.usp.testing.Await;
import io.cpeoperator.bridge.twin.ShardedTwinStore;
import io.cpeoperator.bridge.usp.testing.Twins;
import io.cpeoperator.bridge.usp.testing.MqttTestAgent;
import io.cpeoperator.bridge.usp.testing.RecordingListener;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The controller against in-test USP agents through a real broker: onboarding, full sync, subscriptions, every
 * request type, notifications into the twin. Subclasses provide the broker (HiveMQ CE embedded, Moquette).
 */
abstract class ControllerOverMqttScenarios {

    private static final AtomicInteger AGENTS = new AtomicInteger();

    protected static ShardedTwinStore twin;
    protected static UspController controller;
    protected static RecordingListener events;
    protected static int brokerPort;
    /** Agents of the scenarios speak MQTT 3.1.1 (for brokers without MQTT 5). */
    protected static boolean agentsUseMqtt311;

    protected static UspControllerConfig config() {
        return UspControllerConfig.defaults().withRequestTimeout(Duration.ofSeconds(3))
                .withMqttClientId("controller-" + System.nanoTime());
    }

    protected static void startController(UspControllerConfig config) {
        twin = Twins.store();
        events = new RecordingListener();
        controller = new UspController(config, twin, new io.micrometer.core.instrument.simple.SimpleMeterRegistry(),
                java.time.Clock.systemUTC());
        controller.gateway().subscribe(events);
        controller.start();
        Await.until("controller connected to the broker", controller::isMqttConnected);
    }

    protected MqttTestAgent onboardedAgent(boolean mqtt311) throws Exception {
        MqttTestAgent agent = new MqttTestAgent("os::012345-T" + AGENTS.incrementAndGet(), brokerPort, mqtt311)
                .connect();
        events.await(DeviceId.usp(agent.endpointId()), DeviceEvent.Synced.class);
        return agent;
    }

    /** Onboarding goes on after Synced (subscriptions, heartbeat): a test counting messages waits for its end. */
    private static void awaitOnboardingDone(MqttTestAgent agent) {
        Await.until("onboarding done", () -> !controller.sessions().find(agent.endpointId()).orElseThrow()
                .isOnboarding());
    }

    @Test
    void onboardingRaisesConnectedSyncsTheTwinAndCreatesTheStandardSubscriptions() throws Exception {
        try (MqttTestAgent agent = onboardedAgent(agentsUseMqtt311)) {
            DeviceId id = DeviceId.usp(agent.endpointId());
            DeviceEvent.Connected connected = events.await(id, DeviceEvent.Connected.class);
            assertThat(connected.identity().oui()).isEqualTo("012345");
            assertThat(connected.identity().productClass()).isEqualTo("TestBox");
            assertThat(connected.identity().softwareVersion()).isEqualTo("1.0.0");
            assertThat(connected.reasons()).containsExactly("MQTTConnect");
            assertThat(Twins.value(twin, id, "Device.WiFi.SSID.1.SSID")).contains("home");
            assertThat(twin.get(id, "Device.WiFi.Radio.1.Channel").orElseThrow().type())
                    .isEqualTo(ParameterType.UNSIGNED_INT);
            assertThat(twin.get(id, "Device.WiFi.SSID.1.SSID").orElseThrow().writable()).isTrue();
            assertThat(agent.subscriptionIds()).containsExactlyInAnyOrder("cpe-operator-boot",
                    "cpe-operator-value-change", "cpe-operator-object-creation", "cpe-operator-object-deletion",
                    "cpe-operator-operation-complete", "cpe-operator-periodic");
            assertThat(controller.gateway().isConnected(id)).isTrue();
            assertThat(controller.sessions().find(agent.endpointId()).orElseThrow().recordVersion()).isEqualTo("1.3");
        }
    }

    @Test
    void bootIsAnsweredWithNotifyRespAndSubscriptionsStayUniqueAcrossReboots() throws Exception {
        try (MqttTestAgent agent = onboardedAgent(agentsUseMqtt311)) {
            DeviceId id = DeviceId.usp(agent.endpointId());
            agent.received.clear();
            agent.sendBoot("RemoteReboot");
            UspMsg.Msg resp = agent.awaitMessage(m -> m.getHeader().getMsgType() == UspMsg.Header.MsgType.NOTIFY_RESP,
                    Duration.ofSeconds(10));
            assertThat(resp.getHeader().getMsgId()).startsWith("notify-");
            assertThat(resp.getBody().getResponse().getNotifyResp().getSubscriptionId())
                    .isEqualTo("cpe-operator-boot");
            assertThat(events.await(id, DeviceEvent.Booted.class).cause()).isEqualTo("RemoteReboot");
            events.awaitCount(id, DeviceEvent.Synced.class, 2);
            agent.announce();
            events.awaitCount(id, DeviceEvent.Connected.class, 3);
            Await.until("onboarding after reconnect", () -> controller.sessions().find(agent.endpointId())
                    .map(s -> !s.isOnboarding()).orElse(false));
            assertThat(agent.subscriptionIds()).hasSize(6).doesNotHaveDuplicates();
            assertThat(events.of(id, DeviceEvent.Synced.class)).hasSize(2);
        }
    }

    @Test
    void onboardingSubscribesToPeriodicOnceAndSetsTheHeartbeatIntervalOnlyWhenItDiffers() throws Exception {
        try (MqttTestAgent agent = onboardedAgent(agentsUseMqtt311)) {
            DeviceId id = DeviceId.usp(agent.endpointId());
            awaitOnboardingDone(agent);
            String subscription = agent.subscriptionIdFor("Event", "Device.LocalAgent.Periodic!");
            assertThat(subscription).isEqualTo("cpe-operator-periodic");
            String instance = agent.model().entrySet().stream().filter(e -> e.getValue().equals(subscription))
                    .map(e -> e.getKey().substring(0, e.getKey().length() - "ID".length())).findFirst().orElseThrow();
            assertThat(agent.model()).containsEntry(instance + "NotifType", "Event")
                    .containsEntry(instance + "Enable", "true")
                    .containsEntry(instance + "NotifRetry", "false");
            assertThat(agent.model()).containsEntry(MqttTestAgent.CONTROLLER_ENTRY + "PeriodicNotifInterval",
                    Long.toString(UspControllerConfig.DEFAULT_HEARTBEAT_INTERVAL.toSeconds()));
            assertThat(controller.sessions().find(agent.endpointId()).orElseThrow().heartbeatExpected()).isTrue();
            assertThat(intervalWrites(agent)).isEqualTo(1);

            // re-onboarding (the agent reconnects) finds both in place: nothing created, nothing written
            agent.announce();
            events.awaitCount(id, DeviceEvent.Connected.class, 2);
            Await.until("onboarding after reconnect", () -> !controller.sessions().find(agent.endpointId())
                    .orElseThrow().isOnboarding());
            assertThat(agent.subscriptionIds()).containsOnlyOnce("cpe-operator-periodic").hasSize(6);
            assertThat(intervalWrites(agent)).isEqualTo(1);

            // a heartbeat is answered when asked to, and passed on as a contact
            agent.received.clear();
            agent.sendNotify(UspMsg.Notify.newBuilder().setSubscriptionId(subscription).setSendResp(true)
                    .setEvent(UspMsg.Notify.Event.newBuilder().setObjPath("Device.LocalAgent.")
                            .setEventName("Periodic!")).build());
            UspMsg.Msg resp = agent.awaitMessage(m -> m.getHeader().getMsgType()
                    == UspMsg.Header.MsgType.NOTIFY_RESP, Duration.ofSeconds(10));
            assertThat(resp.getBody().getResponse().getNotifyResp().getSubscriptionId()).isEqualTo(subscription);
            assertThat(events.await(id, DeviceEvent.Other.class).name()).isEqualTo("Device.LocalAgent.Periodic!");
        }
    }

    /** Set requests the agent received that write its heartbeat interval. */
    private static long intervalWrites(MqttTestAgent agent) {
        return agent.operations.stream().filter(op -> op.startsWith("Set ") && op.contains("PeriodicNotifInterval"))
                .count();
    }

    @Test
    void setAddDeleteAndOperateRoundTrip() throws Exception {
        try (MqttTestAgent agent = onboardedAgent(agentsUseMqtt311)) {
            DeviceId id = DeviceId.usp(agent.endpointId());
            var gateway = controller.gateway();

            var result = gateway.setParameters(id, Map.of("Device.WiFi.SSID.1.SSID", "guest"), "k1")
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(result.applied()).containsEntry("Device.WiFi.SSID.1.SSID", "guest");
            assertThat(agent.model()).containsEntry("Device.WiFi.SSID.1.SSID", "guest");
            assertThat(Twins.value(twin, id, "Device.WiFi.SSID.1.SSID")).contains("guest");

            assertThatThrownBy(() -> gateway.setParameters(id, Map.of("Device.DeviceInfo.SerialNumber", "x"), "k2")
                    .toCompletableFuture().join())
                    .isInstanceOf(CompletionException.class).cause().isInstanceOfSatisfying(
                            DeviceOperationException.class, e -> {
                                assertThat(e.faultCode()).isEqualTo(7004);
                                assertThat(e.parameterFaults()).singleElement().satisfies(f -> {
                                    assertThat(f.path()).isEqualTo("Device.DeviceInfo.SerialNumber");
                                    assertThat(f.code()).isEqualTo(7013);
                                });
                                assertThat(e.isPermanent()).isTrue();
                            });

            String instance = gateway.addObject(id, "Device.BulkData.Profile.", Map.of("Alias", "p1"))
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(instance).isEqualTo("Device.BulkData.Profile.1.");
            assertThat(Twins.value(twin, id, "Device.BulkData.Profile.1.Alias")).contains("p1");

            List<String> deleted = gateway.deleteObjects(id, List.of(instance)).toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            assertThat(deleted).containsExactly(instance);
            assertThat(Twins.value(twin, id, "Device.BulkData.Profile.1.Alias")).isEmpty();

            gateway.reboot(id, "reboot-1").toCompletableFuture().get(10, TimeUnit.SECONDS);
            gateway.factoryReset(id, "reset-1").toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(agent.operations).contains("Operate Device.Reboot() reboot-1",
                    "Operate Device.FactoryReset() reset-1");

            agent.model().put("Device.WiFi.Radio.1.Channel", "11");
            gateway.refresh(id, "Device.WiFi.").toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(Twins.value(twin, id, "Device.WiFi.Radio.1.Channel")).contains("11");

            var instances = controller.operations().getInstances(controller.sessions().find(agent.endpointId())
                    .orElseThrow(), List.of("Device.WiFi."), false).get(10, TimeUnit.SECONDS);
            assertThat(instances).isNotNull();
        }
    }

    @Test
    void aBatchRefreshIsOneGetCarryingEveryPathAndAPathTheAgentRefusesKeepsTheOthers() throws Exception {
        try (MqttTestAgent agent = onboardedAgent(agentsUseMqtt311)) {
            DeviceId id = DeviceId.usp(agent.endpointId());
            awaitOnboardingDone(agent);
            agent.model().put("Device.WiFi.Radio.1.Channel", "11");
            agent.model().put("Device.WiFi.SSID.1.SSID", "guest");
            List<String> paths = List.of("Device.WiFi.Radio.1.Channel", "Device.WiFi.SSID.9.SSID",
                    "Device.WiFi.SSID.1.SSID");
            agent.received.clear();

            var read = controller.gateway().refresh(id, paths).toCompletableFuture();

            assertThatThrownBy(() -> read.get(10, TimeUnit.SECONDS)).cause().isInstanceOfSatisfying(
                    DeviceOperationException.class, e -> {
                        assertThat(e.faultCode()).isEqualTo(7026);
                        assertThat(e.parameterFaults()).singleElement().satisfies(f -> {
                            assertThat(f.path()).isEqualTo("Device.WiFi.SSID.9.SSID");
                            assertThat(f.code()).isEqualTo(7026);
                        });
                    });
            assertThat(agent.received).filteredOn(m -> m.getHeader().getMsgType() == UspMsg.Header.MsgType.GET)
                    .singleElement().satisfies(get -> assertThat(get.getBody().getRequest().getGet()
                            .getParamPathsList()).containsExactlyElementsOf(paths));
            assertThat(Twins.value(twin, id, "Device.WiFi.Radio.1.Channel")).contains("11");
            assertThat(Twins.value(twin, id, "Device.WiFi.SSID.1.SSID")).contains("guest");
        }
    }

    @Test
    void firmwareIsDownloadedIntoTheInactiveImageAndActivatedAfterOperationComplete() throws Exception {
        try (MqttTestAgent agent = onboardedAgent(agentsUseMqtt311)) {
            DeviceId id = DeviceId.usp(agent.endpointId());
            controller.gateway().downloadFirmware(id, new FirmwareDownload("http://fw/2.0.bin", "2.0.0",
                    "sha256:abcd", "fw-1", 1000)).toCompletableFuture().get(10, TimeUnit.SECONDS);
            Await.until("Activate() of the downloaded image", () -> agent.operations
                    .contains("Operate Device.DeviceInfo.FirmwareImage.2.Activate() fw-1"));
            assertThat(agent.operations).contains("Operate Device.DeviceInfo.FirmwareImage.2.Download() fw-1");
            DeviceEvent.OperationCompleted completed = events.await(id, DeviceEvent.OperationCompleted.class);
            assertThat(completed.commandKey()).isEqualTo("fw-1");
            assertThat(completed.succeeded()).isTrue();
        }
    }

    @Test
    void valueChangesObjectCreationAndDeletionReachTheTwin() throws Exception {
        try (MqttTestAgent agent = onboardedAgent(agentsUseMqtt311)) {
            DeviceId id = DeviceId.usp(agent.endpointId());
            agent.changeValue("Device.WiFi.Radio.1.Channel", "36");
            Await.until("value change in the twin", () -> Twins.value(twin, id, "Device.WiFi.Radio.1.Channel")
                    .equals(java.util.Optional.of("36")));
            agent.sendNotify(UspMsg.Notify.newBuilder().setSubscriptionId("cpe-operator-object-creation")
                    .setObjCreation(UspMsg.Notify.ObjectCreation.newBuilder().setObjPath("Device.Hosts.Host.3.")
                            .addUniqueKeys(UspMsg.Notify.ObjectCreation.UniqueKeysEntry.newBuilder()
                                    .setKey("PhysAddress").setValue("aa:bb")))
                    .build());
            Await.until("object in the twin",
                    () -> Twins.value(twin, id, "Device.Hosts.Host.3.PhysAddress").isPresent());
            agent.sendNotify(UspMsg.Notify.newBuilder().setSubscriptionId("cpe-operator-object-deletion")
                    .setObjDeletion(UspMsg.Notify.ObjectDeletion.newBuilder().setObjPath("Device.Hosts.Host.3."))
                    .build());
            Await.until("object gone from the twin", () -> Twins.value(twin, id, "Device.Hosts.Host.3.PhysAddress")
                    .isEmpty());
        }
    }

    @Test
    void mqtt311AgentIsServedThroughTheReplyToConvention() throws Exception {
        try (MqttTestAgent agent = onboardedAgent(true)) {
            DeviceId id = DeviceId.usp(agent.endpointId());
            assertThat(Twins.value(twin, id, "Device.DeviceInfo.SerialNumber")).isPresent();
            agent.received.clear();
            agent.sendBoot("LocalReboot");
            UspMsg.Msg resp = agent.awaitMessage(m -> m.getHeader().getMsgType() == UspMsg.Header.MsgType.NOTIFY_RESP,
                    Duration.ofSeconds(10));
            assertThat(resp.getBody().getResponse().getNotifyResp().getSubscriptionId())
                    .isEqualTo("cpe-operator-boot");
        }
    }

    @Test
    void forgettingADeviceDropsItsTwinSessionAndPendingRequests() throws Exception {
        try (MqttTestAgent agent = onboardedAgent(agentsUseMqtt311)) {
            DeviceId id = DeviceId.usp(agent.endpointId());
            agent.silent(true);
            var pending = controller.gateway().refresh(id, "Device.WiFi.").toCompletableFuture();
            controller.gateway().forget(id);
            assertThatThrownBy(pending::join).cause().isInstanceOfSatisfying(DeviceOperationException.class,
                    e -> assertThat(e.faultCode()).isEqualTo(DeviceOperationException.CANCELLED));
            assertThat(controller.gateway().isConnected(id)).isFalse();
            assertThat(twin.contains(id)).isFalse();
            assertThat(controller.gateway().identity(id)).isEmpty();
        }
    }

    @Test
    void anAgentThatDoesNotAnswerItsOnboardingIsOnboardedAgainWhileConnected() throws Exception {
        try (MqttTestAgent agent = new MqttTestAgent("os::012345-T" + AGENTS.incrementAndGet(), brokerPort,
                agentsUseMqtt311)) {
            // a fleet-wide storm as seen by one agent: its first handshake is not answered in time
            agent.silent(true);
            agent.connect();
            // the controller does not leave a connected agent unknown: it starts the handshake again
            Await.until("a second handshake", Duration.ofSeconds(20), () -> agent.received.stream()
                    .filter(m -> m.getHeader().getMsgType() == UspMsg.Header.MsgType.GET_SUPPORTED_PROTO)
                    .count() >= 2);
            agent.silent(false);

            DeviceId id = DeviceId.usp(agent.endpointId());
            Await.until("synced after the retry", Duration.ofSeconds(30),
                    () -> !events.of(id, DeviceEvent.Synced.class).isEmpty());
            assertThat(events.of(id, DeviceEvent.Connected.class)).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.reasons()).containsExactly("Retry"));
        }
    }

    @Test
    void aSilentAgentTimesOutWithUnreachable() throws Exception {
        try (MqttTestAgent agent = onboardedAgent(agentsUseMqtt311)) {
            DeviceId id = DeviceId.usp(agent.endpointId());
            agent.silent(true);
            assertThatThrownBy(() -> controller.gateway().refresh(id, "Device.WiFi.").toCompletableFuture().join())
                    .cause().isInstanceOfSatisfying(DeviceOperationException.class,
                            e -> assertThat(e.faultCode()).isEqualTo(DeviceOperationException.UNREACHABLE));
        }
    }
}
