package io.cpeoperator.benchmarks.usp;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import io.cpeoperator.bridge.usp.proto.UspMsg;
import io.cpeoperator.bridge.usp.proto.UspMsg.Header.MsgType;
import io.cpeoperator.bridge.usp.proto.UspRecord;
import io.cpeoperator.bridge.usp.wire.DecodeResult;
import io.cpeoperator.bridge.usp.wire.UspRecordCodec;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A minimal USP agent over MQTT 5 for benchmarks: a small TR-181 model, answers to the requests onboarding makes
 * (GetSupportedProtocol, Get, GetSupportedDM, Add), and pre-encoded records published on demand.
 */
final class BenchAgent implements AutoCloseable {

    static final String CONTROLLER = "self::cpe-operator";
    static final String CONTROLLER_TOPIC = "usp/controller/cpe-operator";

    private final String endpointId;
    private final String topic;
    private final Mqtt5AsyncClient client;
    private final UspRecordCodec codec = new UspRecordCodec();
    private final Map<String, String> model = new TreeMap<>();

    BenchAgent(String endpointId, int port) {
        this.endpointId = endpointId;
        this.topic = "usp/agent/" + endpointId;
        this.client = MqttClient.builder().useMqttVersion5().identifier(endpointId.replace(':', '_'))
                .serverHost("127.0.0.1").serverPort(port).buildAsync();
        String info = "Device.DeviceInfo.";
        model.put(info + "Manufacturer", "Bench");
        model.put(info + "ManufacturerOUI", "00D09E");
        model.put(info + "ProductClass", "BenchBox");
        model.put(info + "SerialNumber", endpointId);
        model.put(info + "ModelName", "BenchBox");
        model.put(info + "SoftwareVersion", "1.0");
        model.put(info + "HardwareVersion", "A");
        model.put(info + "UpTime", "100");
        for (int radio = 1; radio <= 2; radio++) {
            model.put("Device.WiFi.Radio." + radio + ".Channel", "6");
            model.put("Device.WiFi.Radio." + radio + ".Stats.Noise", "-90");
        }
        model.put("Device.WiFi.SSID.1.SSID", "home");
    }

    String endpointId() {
        return endpointId;
    }

    void connect() throws Exception {
        client.connectWith().cleanStart(true).send().get(10, TimeUnit.SECONDS);
        client.publishes(MqttGlobalPublishFilter.SUBSCRIBED, publish -> answer(publish.getPayloadAsBytes()));
        client.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send().get(10, TimeUnit.SECONDS);
        publish(UspRecord.Record.newBuilder().setVersion("1.3").setFromId(endpointId).setToId(CONTROLLER)
                .setMqttConnect(UspRecord.MQTTConnectRecord.newBuilder()
                        .setVersion(UspRecord.MQTTConnectRecord.MQTTVersion.V5).setSubscribedTopic(topic))
                .build().toByteArray());
    }

    /** A ValueChange notification record, encoded once and published many times. */
    byte[] valueChange(String path, String value, int sequence) {
        UspMsg.Msg msg = UspMsg.Msg.newBuilder()
                .setHeader(UspMsg.Header.newBuilder().setMsgId("ValueChange-" + sequence).setMsgType(MsgType.NOTIFY))
                .setBody(UspMsg.Body.newBuilder().setRequest(UspMsg.Request.newBuilder().setNotify(
                        UspMsg.Notify.newBuilder().setSubscriptionId("cpe-operator-value-change")
                                .setValueChange(UspMsg.Notify.ValueChange.newBuilder().setParamPath(path)
                                        .setParamValue(value)))))
                .build();
        return UspRecordCodec.noSessionContext("1.3", CONTROLLER, endpointId, msg).toByteArray();
    }

    CompletableFuture<?> publish(byte[] record) {
        return publish(record, MqttQos.AT_LEAST_ONCE);
    }

    /** Notifications go at the agent's PublishQoS (obuspa's default is 0). */
    CompletableFuture<?> publish(byte[] record, MqttQos qos) {
        return client.publishWith().topic(CONTROLLER_TOPIC).qos(qos).payload(record)
                .contentType("usp.msg").responseTopic(topic).send();
    }

    /** The same bytes to a plain topic, for the broker ceiling. */
    CompletableFuture<?> publishRaw(String rawTopic, byte[] payload, MqttQos qos) {
        return client.publishWith().topic(rawTopic).qos(qos).payload(payload).send();
    }

    private void answer(byte[] bytes) {
        if (!(codec.decode(bytes) instanceof DecodeResult.Accepted accepted) || accepted.message().isEmpty()) {
            return;
        }
        UspMsg.Msg msg = accepted.message().get();
        if (!msg.getBody().hasRequest()) {
            return;
        }
        UspMsg.Request request = msg.getBody().getRequest();
        UspMsg.Response.Builder response = UspMsg.Response.newBuilder();
        MsgType type;
        switch (request.getReqTypeCase()) {
            case GET -> {
                type = MsgType.GET_RESP;
                response.setGetResp(get(request.getGet()));
            }
            case GET_SUPPORTED_PROTOCOL -> {
                type = MsgType.GET_SUPPORTED_PROTO_RESP;
                response.setGetSupportedProtocolResp(UspMsg.GetSupportedProtocolResp.newBuilder()
                        .setAgentSupportedProtocolVersions("1.0,1.1,1.2,1.3"));
            }
            case GET_SUPPORTED_DM -> {
                type = MsgType.GET_SUPPORTED_DM_RESP;
                response.setGetSupportedDmResp(UspMsg.GetSupportedDMResp.getDefaultInstance());
            }
            case ADD -> {
                type = MsgType.ADD_RESP;
                UspMsg.AddResp.Builder add = UspMsg.AddResp.newBuilder();
                for (int i = 0; i < request.getAdd().getCreateObjsCount(); i++) {
                    add.addCreatedObjResults(UspMsg.AddResp.CreatedObjectResult.newBuilder()
                            .setRequestedPath(request.getAdd().getCreateObjs(i).getObjPath())
                            .setOperStatus(UspMsg.AddResp.CreatedObjectResult.OperationStatus.newBuilder()
                                    .setOperSuccess(UspMsg.AddResp.CreatedObjectResult.OperationStatus
                                            .OperationSuccess.newBuilder().setInstantiatedPath(
                                                    "Device.LocalAgent.Subscription." + (i + 1) + "."))));
                }
                response.setAddResp(add);
            }
            default -> {
                return;
            }
        }
        UspMsg.Msg reply = UspMsg.Msg.newBuilder()
                .setHeader(UspMsg.Header.newBuilder().setMsgId(msg.getHeader().getMsgId()).setMsgType(type))
                .setBody(UspMsg.Body.newBuilder().setResponse(response)).build();
        publish(UspRecordCodec.noSessionContext("1.3", CONTROLLER, endpointId, reply).toByteArray());
    }

    private UspMsg.GetResp get(UspMsg.Get get) {
        UspMsg.GetResp.Builder resp = UspMsg.GetResp.newBuilder();
        for (String requested : get.getParamPathsList()) {
            Map<String, UspMsg.GetResp.ResolvedPathResult.Builder> byObject = new TreeMap<>();
            model.forEach((path, value) -> {
                if (path.startsWith(requested) || path.equals(requested)) {
                    String object = path.substring(0, path.lastIndexOf('.') + 1);
                    byObject.computeIfAbsent(object, o -> UspMsg.GetResp.ResolvedPathResult.newBuilder()
                            .setResolvedPath(o)).addResultParams(UspMsg.GetResp.ResolvedPathResult.ResultParamsEntry
                            .newBuilder().setKey(path.substring(object.length())).setValue(value));
                }
            });
            UspMsg.GetResp.RequestedPathResult.Builder result = UspMsg.GetResp.RequestedPathResult.newBuilder()
                    .setRequestedPath(requested);
            byObject.values().forEach(result::addResolvedPathResults);
            resp.addReqPathResults(result);
        }
        return resp.build();
    }

    @Override
    public void close() {
        try {
            client.disconnect().get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // benchmark teardown
        }
    }
}
