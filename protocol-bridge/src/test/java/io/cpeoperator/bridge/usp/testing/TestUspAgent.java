package io.cpeoperator.bridge.usp.testing;

import io.cpeoperator.bridge.usp.proto.UspMsg;
import io.cpeoperator.bridge.usp.proto.UspMsg.Header.MsgType;
import io.cpeoperator.bridge.usp.proto.UspRecord;
import io.cpeoperator.bridge.usp.wire.DecodeResult;
import io.cpeoperator.bridge.usp.wire.UspPaths;
import io.cpeoperator.bridge.usp.wire.UspRecordCodec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small USP agent for tests, transport-independent: a TR-181 data model in a sorted map, answers to every
 * controller request, and notifications on demand. Subclasses carry records over MQTT or WebSocket.
 */
public abstract class TestUspAgent implements AutoCloseable {

    public static final String CONTROLLER = "self::cpe-operator";
    public static final String CONTROLLER_ENTRY = "Device.LocalAgent.Controller.1.";

    protected final String endpointId;
    protected final UspRecordCodec codec = new UspRecordCodec();
    private final NavigableMap<String, String> model = new ConcurrentSkipListMap<>();
    private final Set<String> writable = ConcurrentHashMap.newKeySet();
    /** Every message the controller sent, in order. */
    public final BlockingQueue<UspMsg.Msg> received = new LinkedBlockingQueue<>();
    public final List<String> operations = new CopyOnWriteArrayList<>();
    /** Every record without a message (connect, disconnect) the controller sent. */
    public final BlockingQueue<UspRecord.Record> receivedRecords = new LinkedBlockingQueue<>();
    private final AtomicInteger messageIds = new AtomicInteger();
    private volatile boolean silent;

    protected TestUspAgent(String endpointId) {
        this.endpointId = endpointId;
        String info = "Device.DeviceInfo.";
        model.put(info + "Manufacturer", "Test Vendor");
        model.put(info + "ManufacturerOUI", "012345");
        model.put(info + "ProductClass", "TestBox");
        model.put(info + "SerialNumber", endpointId.substring(endpointId.lastIndexOf('-') + 1));
        model.put(info + "ModelName", "TestBox 1");
        model.put(info + "SoftwareVersion", "1.0.0");
        model.put(info + "HardwareVersion", "A");
        model.put(info + "ActiveFirmwareImage", "Device.DeviceInfo.FirmwareImage.1");
        model.put(info + "FirmwareImage.1.Name", "1.0.0");
        model.put(info + "FirmwareImage.2.Name", "");
        model.put("Device.WiFi.Radio.1.Channel", "6");
        model.put("Device.WiFi.SSID.1.SSID", "home");
        model.put("Device.LocalAgent.EndpointID", endpointId);
        model.put(CONTROLLER_ENTRY + "EndpointID", CONTROLLER);
        model.put(CONTROLLER_ENTRY + "PeriodicNotifInterval", "86400");
        writable.add(CONTROLLER_ENTRY + "PeriodicNotifInterval");
        writable.add("Device.WiFi.SSID.1.SSID");
        writable.add("Device.WiFi.Radio.1.Channel");
    }

    public String endpointId() {
        return endpointId;
    }

    public NavigableMap<String, String> model() {
        return model;
    }

    /** Stop answering requests (to provoke timeouts). */
    public void silent(boolean silent) {
        this.silent = silent;
    }

    /** Sends one serialized record to the controller. */
    public abstract void sendRecord(byte[] record);

    public void sendMessage(UspMsg.Msg msg) {
        sendRecord(UspRecordCodec.noSessionContext("1.3", CONTROLLER, endpointId, msg).toByteArray());
    }

    public void sendNotify(UspMsg.Notify notify) {
        sendMessage(UspMsg.Msg.newBuilder()
                .setHeader(UspMsg.Header.newBuilder().setMsgId("notify-" + messageIds.incrementAndGet())
                        .setMsgType(MsgType.NOTIFY))
                .setBody(UspMsg.Body.newBuilder().setRequest(UspMsg.Request.newBuilder().setNotify(notify)))
                .build());
    }

    public void sendBoot(String cause) {
        sendNotify(UspMsg.Notify.newBuilder().setSubscriptionId(subscriptionIdFor("Event")).setSendResp(true)
                .setEvent(UspMsg.Notify.Event.newBuilder().setObjPath("Device.").setEventName("Boot!")
                        .addParams(entry("Cause", cause)).addParams(entry("CommandKey", ""))
                        .addParams(entry("ParameterMap", "{\"Device.DeviceInfo.SoftwareVersion\":\""
                                + model.get("Device.DeviceInfo.SoftwareVersion") + "\"}")))
                .build());
    }

    /** The heartbeat an agent sends every PeriodicNotifInterval once subscribed to Device.LocalAgent.Periodic!. */
    public void sendPeriodic() {
        sendNotify(UspMsg.Notify.newBuilder().setSubscriptionId(subscriptionIdFor("Event", "Device.LocalAgent.Periodic!"))
                .setEvent(UspMsg.Notify.Event.newBuilder().setObjPath("Device.LocalAgent.").setEventName("Periodic!"))
                .build());
    }

    /** Changes a value locally and notifies it like a ValueChange subscription would. */
    public void changeValue(String path, String value) {
        model.put(path, value);
        sendNotify(UspMsg.Notify.newBuilder().setSubscriptionId(subscriptionIdFor("ValueChange"))
                .setValueChange(UspMsg.Notify.ValueChange.newBuilder().setParamPath(path).setParamValue(value))
                .build());
    }

    /** IDs of the agent's Device.LocalAgent.Subscription instances. */
    public List<String> subscriptionIds() {
        List<String> ids = new ArrayList<>();
        model.forEach((path, value) -> {
            if (path.startsWith("Device.LocalAgent.Subscription.") && path.endsWith(".ID")) {
                ids.add(value);
            }
        });
        return ids;
    }

    /** The ID of the first subscription of the type (the factory default's when there is none). */
    public String subscriptionIdFor(String notifType) {
        return subscriptionIdFor(notifType, null);
    }

    /** The ID of the first subscription of the type whose ReferenceList is {@code reference} (null: any). */
    public String subscriptionIdFor(String notifType, String reference) {
        for (Map.Entry<String, String> entry : model.entrySet()) {
            String object = UspPaths.objectOf(entry.getKey());
            if (entry.getKey().startsWith("Device.LocalAgent.Subscription.") && entry.getKey().endsWith(".NotifType")
                    && entry.getValue().equals(notifType)
                    && (reference == null || reference.equals(model.get(object + "ReferenceList")))) {
                return model.getOrDefault(object + "ID", "");
            }
        }
        return "factory-" + notifType;
    }

    /** Handles one record from the controller. */
    protected void onRecord(byte[] bytes) {
        DecodeResult result = codec.decode(bytes);
        if (!(result instanceof DecodeResult.Accepted accepted)) {
            return;
        }
        if (accepted.message().isEmpty()) {
            receivedRecords.add(accepted.record());
            return;
        }
        UspMsg.Msg msg = accepted.message().get();
        received.add(msg);
        if (silent || !msg.getBody().hasRequest()) {
            return;
        }
        UspMsg.Msg answer = answer(msg.getHeader().getMsgId(), msg.getBody().getRequest());
        if (answer != null) {
            sendMessage(answer);
        }
    }

    private UspMsg.Msg answer(String msgId, UspMsg.Request request) {
        return switch (request.getReqTypeCase()) {
            case GET -> response(msgId, MsgType.GET_RESP,
                    UspMsg.Response.newBuilder().setGetResp(get(request.getGet())));
            case SET -> set(msgId, request.getSet());
            case ADD -> response(msgId, MsgType.ADD_RESP,
                    UspMsg.Response.newBuilder().setAddResp(add(request.getAdd())));
            case DELETE -> response(msgId, MsgType.DELETE_RESP,
                    UspMsg.Response.newBuilder().setDeleteResp(delete(request.getDelete())));
            case OPERATE -> operate(msgId, request.getOperate());
            case GET_SUPPORTED_DM -> response(msgId, MsgType.GET_SUPPORTED_DM_RESP,
                    UspMsg.Response.newBuilder().setGetSupportedDmResp(supportedDm()));
            case GET_INSTANCES -> response(msgId, MsgType.GET_INSTANCES_RESP,
                    UspMsg.Response.newBuilder().setGetInstancesResp(UspMsg.GetInstancesResp.getDefaultInstance()));
            case GET_SUPPORTED_PROTOCOL -> response(msgId, MsgType.GET_SUPPORTED_PROTO_RESP,
                    UspMsg.Response.newBuilder().setGetSupportedProtocolResp(UspMsg.GetSupportedProtocolResp
                            .newBuilder().setAgentSupportedProtocolVersions("1.0,1.1,1.2,1.3")));
            default -> null;
        };
    }

    private UspMsg.GetResp get(UspMsg.Get get) {
        UspMsg.GetResp.Builder resp = UspMsg.GetResp.newBuilder();
        for (String asked : get.getParamPathsList()) {
            if (asked.contains("[")) {
                resp.addReqPathResults(searched(asked, get.getMaxDepth()));
                continue;
            }
            String requested = asked;
            UspMsg.GetResp.RequestedPathResult.Builder result = UspMsg.GetResp.RequestedPathResult.newBuilder()
                    .setRequestedPath(requested);
            Map<String, UspMsg.GetResp.ResolvedPathResult.Builder> byObject = new java.util.LinkedHashMap<>();
            model.forEach((path, value) -> {
                if (matches(requested, path) && (get.getMaxDepth() != 1 || !requested.endsWith(".")
                        || UspPaths.objectOf(path).equals(requested))) {
                    byObject.computeIfAbsent(UspPaths.objectOf(path), object -> UspMsg.GetResp.ResolvedPathResult
                            .newBuilder().setResolvedPath(object)).addResultParams(
                            UspMsg.GetResp.ResolvedPathResult.ResultParamsEntry.newBuilder()
                                    .setKey(UspPaths.nameOf(path)).setValue(value));
                }
            });
            boolean exists = model.keySet().stream().anyMatch(path -> matches(requested, path));
            if (!exists && !requested.contains("*")) {
                result.setErrCode(7026).setErrMsg("Invalid path " + requested);
            }
            byObject.values().forEach(result::addResolvedPathResults);
            resp.addReqPathResults(result);
        }
        return resp.build();
    }

    /**
     * A path with one search expression of the form {@code [Key=="value"]}: every instance whose Key has the value,
     * none being no error (TR-369).
     */
    private UspMsg.GetResp.RequestedPathResult searched(String requested, int maxDepth) {
        int open = requested.indexOf('[');
        int close = requested.indexOf("].", open);
        String table = requested.substring(0, open);
        String[] condition = requested.substring(open + 1, close).split("==", 2);
        String key = condition[0];
        String value = condition.length == 2 ? condition[1].replace("\"", "") : "";
        UspMsg.GetResp.RequestedPathResult.Builder result = UspMsg.GetResp.RequestedPathResult.newBuilder()
                .setRequestedPath(requested);
        for (String path : model.keySet()) {
            if (path.startsWith(table) && path.endsWith("." + key) && value.equals(model.get(path))
                    && path.substring(table.length(), path.length() - key.length() - 1).matches("[0-9]+")) {
                String instance = path.substring(0, path.length() - key.length());
                String concrete = instance + requested.substring(close + 2);
                UspMsg.Get one = UspMsg.Get.newBuilder().addParamPaths(concrete).setMaxDepth(maxDepth).build();
                get(one).getReqPathResults(0).getResolvedPathResultsList().forEach(result::addResolvedPathResults);
            }
        }
        return result.build();
    }

    private static boolean matches(String requested, String path) {
        String regex = java.util.regex.Pattern.quote(requested).replace("*", "\\E[0-9]+\\Q");
        return requested.endsWith(".") ? path.matches(regex + ".*") : path.matches(regex);
    }

    private UspMsg.Msg set(String msgId, UspMsg.Set set) {
        UspMsg.Error.Builder error = UspMsg.Error.newBuilder();
        for (UspMsg.Set.UpdateObject object : set.getUpdateObjsList()) {
            for (UspMsg.Set.UpdateParamSetting setting : object.getParamSettingsList()) {
                if (!writable.contains(object.getObjPath() + setting.getParam())) {
                    error.addParamErrs(UspMsg.Error.ParamError.newBuilder()
                            .setParamPath(object.getObjPath() + setting.getParam()).setErrCode(7013)
                            .setErrMsg("Parameter is read only"));
                }
            }
        }
        if (error.getParamErrsCount() > 0) {
            return UspMsg.Msg.newBuilder().setHeader(UspMsg.Header.newBuilder().setMsgId(msgId)
                            .setMsgType(MsgType.ERROR))
                    .setBody(UspMsg.Body.newBuilder().setError(error.setErrCode(7004).setErrMsg("Invalid arguments")))
                    .build();
        }
        UspMsg.SetResp.Builder resp = UspMsg.SetResp.newBuilder();
        for (UspMsg.Set.UpdateObject object : set.getUpdateObjsList()) {
            UspMsg.SetResp.UpdatedInstanceResult.Builder instance = UspMsg.SetResp.UpdatedInstanceResult.newBuilder()
                    .setAffectedPath(object.getObjPath());
            for (UspMsg.Set.UpdateParamSetting setting : object.getParamSettingsList()) {
                model.put(object.getObjPath() + setting.getParam(), setting.getValue());
                operations.add("Set " + object.getObjPath() + setting.getParam() + "=" + setting.getValue());
                instance.addUpdatedParams(UspMsg.SetResp.UpdatedInstanceResult.UpdatedParamsEntry.newBuilder()
                        .setKey(setting.getParam()).setValue(setting.getValue()));
            }
            resp.addUpdatedObjResults(UspMsg.SetResp.UpdatedObjectResult.newBuilder().setRequestedPath(
                    object.getObjPath()).setOperStatus(UspMsg.SetResp.UpdatedObjectResult.OperationStatus.newBuilder()
                    .setOperSuccess(UspMsg.SetResp.UpdatedObjectResult.OperationStatus.OperationSuccess.newBuilder()
                            .addUpdatedInstResults(instance))));
        }
        return response(msgId, MsgType.SET_RESP, UspMsg.Response.newBuilder().setSetResp(resp));
    }

    private UspMsg.AddResp add(UspMsg.Add add) {
        UspMsg.AddResp.Builder resp = UspMsg.AddResp.newBuilder();
        for (UspMsg.Add.CreateObject create : add.getCreateObjsList()) {
            int next = nextInstance(create.getObjPath());
            String instance = create.getObjPath() + next + ".";
            create.getParamSettingsList().forEach(s -> model.put(instance + s.getParam(), s.getValue()));
            operations.add("Add " + instance);
            resp.addCreatedObjResults(UspMsg.AddResp.CreatedObjectResult.newBuilder()
                    .setRequestedPath(create.getObjPath())
                    .setOperStatus(UspMsg.AddResp.CreatedObjectResult.OperationStatus.newBuilder().setOperSuccess(
                            UspMsg.AddResp.CreatedObjectResult.OperationStatus.OperationSuccess.newBuilder()
                                    .setInstantiatedPath(instance))));
        }
        return resp.build();
    }

    private int nextInstance(String table) {
        TreeSet<Integer> used = new TreeSet<>();
        for (String path : model.keySet()) {
            if (path.startsWith(table)) {
                String rest = path.substring(table.length());
                int dot = rest.indexOf('.');
                if (dot > 0 && rest.substring(0, dot).chars().allMatch(Character::isDigit)) {
                    used.add(Integer.parseInt(rest.substring(0, dot)));
                }
            }
        }
        return used.isEmpty() ? 1 : used.last() + 1;
    }

    private UspMsg.DeleteResp delete(UspMsg.Delete delete) {
        UspMsg.DeleteResp.Builder resp = UspMsg.DeleteResp.newBuilder();
        for (String path : delete.getObjPathsList()) {
            boolean existed = model.keySet().removeIf(p -> p.startsWith(path));
            operations.add("Delete " + path);
            var success = UspMsg.DeleteResp.DeletedObjectResult.OperationStatus.OperationSuccess.newBuilder();
            if (existed) {
                success.addAffectedPaths(path);
            }
            resp.addDeletedObjResults(UspMsg.DeleteResp.DeletedObjectResult.newBuilder().setRequestedPath(path)
                    .setOperStatus(UspMsg.DeleteResp.DeletedObjectResult.OperationStatus.newBuilder()
                            .setOperSuccess(success)));
        }
        return resp.build();
    }

    private UspMsg.Msg operate(String msgId, UspMsg.Operate operate) {
        operations.add("Operate " + operate.getCommand() + " " + operate.getCommandKey());
        UspMsg.OperateResp.OperationResult.Builder result = UspMsg.OperateResp.OperationResult.newBuilder()
                .setExecutedCommand(operate.getCommand());
        boolean async = operate.getCommand().endsWith("Download()");
        if (async) {
            result.setReqObjPath("Device.LocalAgent.Request.1");
        } else {
            result.setReqOutputArgs(UspMsg.OperateResp.OperationResult.OutputArgs.getDefaultInstance());
        }
        UspMsg.Msg answer = response(msgId, MsgType.OPERATE_RESP, UspMsg.Response.newBuilder()
                .setOperateResp(UspMsg.OperateResp.newBuilder().addOperationResults(result)));
        if (async) {
            sendMessage(answer);
            String object = operate.getCommand().substring(0, operate.getCommand().lastIndexOf('.') + 1);
            sendNotify(UspMsg.Notify.newBuilder().setSubscriptionId(subscriptionIdFor("OperationComplete"))
                    .setSendResp(true).setOperComplete(UspMsg.Notify.OperationComplete.newBuilder()
                            .setObjPath(object).setCommandName("Download()").setCommandKey(operate.getCommandKey())
                            .setReqOutputArgs(UspMsg.Notify.OperationComplete.OutputArgs.getDefaultInstance()))
                    .build());
            return null;
        }
        return answer;
    }

    private UspMsg.GetSupportedDMResp supportedDm() {
        Map<String, UspMsg.GetSupportedDMResp.SupportedObjectResult.Builder> objects = new java.util.TreeMap<>();
        objects.put("Device.", UspMsg.GetSupportedDMResp.SupportedObjectResult.newBuilder()
                .setSupportedObjPath("Device."));
        model.keySet().forEach(path -> {
            String pattern = UspPaths.objectOf(path).replaceAll("\\.[0-9]+\\.", ".{i}.");
            pattern = pattern.replaceAll("\\.[0-9]+\\.", ".{i}.");
            // every ancestor object is part of the supported model too
            String[] segments = pattern.split("\\.");
            StringBuilder prefix = new StringBuilder();
            for (String segment : segments) {
                prefix.append(segment).append('.');
                objects.computeIfAbsent(prefix.toString(), p -> UspMsg.GetSupportedDMResp.SupportedObjectResult
                        .newBuilder().setSupportedObjPath(p));
            }
            objects.get(pattern).addSupportedParams(UspMsg.GetSupportedDMResp.SupportedParamResult.newBuilder()
                    .setParamName(UspPaths.nameOf(path))
                    .setAccess(writable.contains(path) ? UspMsg.GetSupportedDMResp.ParamAccessType.PARAM_READ_WRITE
                            : UspMsg.GetSupportedDMResp.ParamAccessType.PARAM_READ_ONLY)
                    .setValueType(path.endsWith("Channel") ? UspMsg.GetSupportedDMResp.ParamValueType.PARAM_UNSIGNED_INT
                            : UspMsg.GetSupportedDMResp.ParamValueType.PARAM_STRING));
        });
        UspMsg.GetSupportedDMResp.RequestedObjectResult.Builder result = UspMsg.GetSupportedDMResp
                .RequestedObjectResult.newBuilder().setReqObjPath("Device.");
        objects.values().forEach(result::addSupportedObjs);
        return UspMsg.GetSupportedDMResp.newBuilder().addReqObjResults(result).build();
    }

    private static UspMsg.Msg response(String msgId, MsgType type, UspMsg.Response.Builder response) {
        return UspMsg.Msg.newBuilder().setHeader(UspMsg.Header.newBuilder().setMsgId(msgId).setMsgType(type))
                .setBody(UspMsg.Body.newBuilder().setResponse(response)).build();
    }

    protected static UspMsg.Notify.Event.ParamsEntry entry(String key, String value) {
        return UspMsg.Notify.Event.ParamsEntry.newBuilder().setKey(key).setValue(value).build();
    }

    /** The next message the controller sent that satisfies the condition, waiting up to the timeout. */
    public UspMsg.Msg awaitMessage(java.util.function.Predicate<UspMsg.Msg> condition, java.time.Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            UspMsg.Msg msg = received.poll(Math.max(0, left), java.util.concurrent.TimeUnit.NANOSECONDS);
            if (msg == null) {
                throw new AssertionError("no matching message from the controller within " + timeout);
            }
            if (condition.test(msg)) {
                return msg;
            }
        }
    }

    public static UspRecord.Record.Builder envelope(String from) {
        return UspRecord.Record.newBuilder().setVersion("1.3").setFromId(from).setToId(CONTROLLER);
    }
}
