package io.cpeoperator.bridge.usp.wire;

import io.cpeoperator.bridge.usp.proto.UspMsg;
import io.cpeoperator.bridge.usp.proto.UspMsg.Header.MsgType;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Builders for the USP messages a controller sends, so that callers never assemble headers by hand. */
public final class UspMessages {

    /** USP versions this controller speaks, as sent in GetSupportedProtocol. */
    public static final String CONTROLLER_VERSIONS = "1.0,1.1,1.2,1.3,1.4";

    private UspMessages() {
    }

    public static UspMsg.Msg request(String msgId, MsgType type, UspMsg.Request request) {
        return UspMsg.Msg.newBuilder()
                .setHeader(UspMsg.Header.newBuilder().setMsgId(msgId).setMsgType(type))
                .setBody(UspMsg.Body.newBuilder().setRequest(request))
                .build();
    }

    public static UspMsg.Request get(Collection<String> paths, int maxDepth) {
        return UspMsg.Request.newBuilder().setGet(UspMsg.Get.newBuilder().addAllParamPaths(paths)
                .setMaxDepth(maxDepth)).build();
    }

    public static UspMsg.Request getSupportedDm(Collection<String> objPaths, boolean firstLevelOnly) {
        return UspMsg.Request.newBuilder().setGetSupportedDm(UspMsg.GetSupportedDM.newBuilder()
                .addAllObjPaths(objPaths).setFirstLevelOnly(firstLevelOnly).setReturnParams(true)
                .setReturnCommands(true).setReturnEvents(true).setReturnUniqueKeySets(true)).build();
    }

    public static UspMsg.Request getInstances(Collection<String> objPaths, boolean firstLevelOnly) {
        return UspMsg.Request.newBuilder().setGetInstances(UspMsg.GetInstances.newBuilder()
                .addAllObjPaths(objPaths).setFirstLevelOnly(firstLevelOnly)).build();
    }

    public static UspMsg.Request getSupportedProtocol() {
        return UspMsg.Request.newBuilder().setGetSupportedProtocol(UspMsg.GetSupportedProtocol.newBuilder()
                .setControllerSupportedProtocolVersions(CONTROLLER_VERSIONS)).build();
    }

    /**
     * A Set of full parameter paths, grouped by object as USP requires.
     *
     * @param values full path → value, e.g. {@code Device.WiFi.SSID.1.SSID → home}
     */
    public static UspMsg.Request set(Map<String, String> values, boolean allowPartial) {
        UspMsg.Set.Builder set = UspMsg.Set.newBuilder().setAllowPartial(allowPartial);
        Map<String, List<Map.Entry<String, String>>> byObject = UspPaths.groupByObject(values);
        byObject.forEach((object, params) -> {
            UspMsg.Set.UpdateObject.Builder update = UspMsg.Set.UpdateObject.newBuilder().setObjPath(object);
            params.forEach(param -> update.addParamSettings(UspMsg.Set.UpdateParamSetting.newBuilder()
                    .setParam(param.getKey()).setValue(param.getValue()).setRequired(true)));
            set.addUpdateObjs(update);
        });
        return UspMsg.Request.newBuilder().setSet(set).build();
    }

    /** An Add of one object with its parameters (relative names). */
    public static UspMsg.Request add(String tablePath, Map<String, String> params, boolean allowPartial) {
        UspMsg.Add.CreateObject.Builder create = UspMsg.Add.CreateObject.newBuilder().setObjPath(tablePath);
        params.forEach((name, value) -> create.addParamSettings(UspMsg.Add.CreateParamSetting.newBuilder()
                .setParam(name).setValue(value).setRequired(true)));
        return UspMsg.Request.newBuilder().setAdd(UspMsg.Add.newBuilder().setAllowPartial(allowPartial)
                .addCreateObjs(create)).build();
    }

    public static UspMsg.Request delete(Collection<String> objPaths, boolean allowPartial) {
        return UspMsg.Request.newBuilder().setDelete(UspMsg.Delete.newBuilder().setAllowPartial(allowPartial)
                .addAllObjPaths(objPaths)).build();
    }

    public static UspMsg.Request operate(String command, String commandKey, Map<String, String> inputArgs) {
        UspMsg.Operate.Builder operate = UspMsg.Operate.newBuilder().setCommand(command).setCommandKey(commandKey)
                .setSendResp(true);
        inputArgs.forEach((key, value) -> operate.addInputArgs(UspMsg.Operate.InputArgsEntry.newBuilder()
                .setKey(key).setValue(value)));
        return UspMsg.Request.newBuilder().setOperate(operate).build();
    }

    /** The NotifyResp an agent waits for: same msg_id as its Notify and the same subscription_id. */
    public static UspMsg.Msg notifyResp(String msgId, String subscriptionId) {
        return UspMsg.Msg.newBuilder()
                .setHeader(UspMsg.Header.newBuilder().setMsgId(msgId).setMsgType(MsgType.NOTIFY_RESP))
                .setBody(UspMsg.Body.newBuilder().setResponse(UspMsg.Response.newBuilder()
                        .setNotifyResp(UspMsg.NotifyResp.newBuilder().setSubscriptionId(subscriptionId))))
                .build();
    }

    /** A USP Error message answering the request with {@code msgId}. */
    public static UspMsg.Msg error(String msgId, int code, String message) {
        return UspMsg.Msg.newBuilder()
                .setHeader(UspMsg.Header.newBuilder().setMsgId(msgId).setMsgType(MsgType.ERROR))
                .setBody(UspMsg.Body.newBuilder().setError(UspMsg.Error.newBuilder().setErrCode(code)
                        .setErrMsg(message)))
                .build();
    }

    /** Reads a map-shaped field (entry messages in our schema) into a map; a repeated key keeps the last. */
    public static <E> Map<String, String> toMap(List<E> entries, java.util.function.Function<E, String> key,
                                                java.util.function.Function<E, String> value) {
        Map<String, String> map = new java.util.LinkedHashMap<>(entries.size() * 2);
        for (E entry : entries) {
            map.put(key.apply(entry), value.apply(entry));
        }
        return map;
    }
}
