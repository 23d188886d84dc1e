package io.cpeoperator.simulator.usp;

import io.cpeoperator.bridge.usp.proto.UspMsg;
import io.cpeoperator.simulator.device.DataModelReader;
import io.cpeoperator.simulator.device.Param;
import io.cpeoperator.simulator.device.VirtualDevice;
import io.cpeoperator.simulator.model.ModelSchema;
import io.cpeoperator.simulator.model.ObjectDef;
import io.cpeoperator.simulator.model.TableDef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Get, GetInstances and GetSupportedProtocol. */
final class UspReadHandlers {

    static final String SUPPORTED_VERSIONS = "1.0,1.1,1.2,1.3";
    private static final int ERR_INVALID_PATH = 7026;
    private static final List<String> KEY_NAMES = List.of("Alias", "ID", "EndpointID", "ParameterName", "Recipient",
            "PhysAddress", "MACAddress", "Chaddr", "BSSID");

    private UspReadHandlers() {
    }

    static UspMsg.Msg get(VirtualDevice device, String msgId, UspMsg.Get get) {
        UspMsg.GetResp.Builder resp = UspMsg.GetResp.newBuilder();
        for (String requested : get.getParamPathsList()) {
            UspMsg.GetResp.RequestedPathResult.Builder result = UspMsg.GetResp.RequestedPathResult.newBuilder()
                    .setRequestedPath(requested);
            try {
                Map<String, List<Param>> byObject = new LinkedHashMap<>();
                if (requested.endsWith(".")) {
                    for (String object : UspPaths.resolveObjects(device, requested)) {
                        int baseDepth = depth(object);
                        DataModelReader.forEach(device, object, param -> {
                            if (get.getMaxDepth() == 0 || depth(param.objectPath()) - baseDepth < get.getMaxDepth()) {
                                byObject.computeIfAbsent(param.objectPath(), k -> new ArrayList<>()).add(param);
                            }
                        });
                    }
                } else {
                    int dot = requested.lastIndexOf('.');
                    String name = requested.substring(dot + 1);
                    for (String object : UspPaths.resolveObjects(device, requested.substring(0, dot + 1))) {
                        Param param = DataModelReader.param(device, object + name);
                        if (param == null && !requested.contains("*") && !requested.contains("[")) {
                            throw new UspPaths.InvalidPathException(requested);
                        }
                        if (param != null) {
                            byObject.computeIfAbsent(object, k -> new ArrayList<>()).add(param);
                        }
                    }
                }
                for (Map.Entry<String, List<Param>> entry : byObject.entrySet()) {
                    UspMsg.GetResp.ResolvedPathResult.Builder resolved = UspMsg.GetResp.ResolvedPathResult.newBuilder()
                            .setResolvedPath(entry.getKey());
                    for (Param param : entry.getValue()) {
                        resolved.addResultParams(UspMsg.GetResp.ResolvedPathResult.ResultParamsEntry.newBuilder()
                                .setKey(param.path().substring(entry.getKey().length())).setValue(param.value()));
                    }
                    result.addResolvedPathResults(resolved);
                }
            } catch (UspPaths.InvalidPathException e) {
                result.clearResolvedPathResults()
                        .setErrCode(ERR_INVALID_PATH)
                        .setErrMsg(UspMessages.invalidPath(requested));
            }
            resp.addReqPathResults(result);
        }
        return UspMessages.response(msgId, UspMsg.Header.MsgType.GET_RESP,
                UspMsg.Response.newBuilder().setGetResp(resp).build());
    }

    static UspMsg.Msg getInstances(VirtualDevice device, String msgId, UspMsg.GetInstances request) {
        UspMsg.GetInstancesResp.Builder resp = UspMsg.GetInstancesResp.newBuilder();
        for (String requested : request.getObjPathsList()) {
            UspMsg.GetInstancesResp.RequestedPathResult.Builder result =
                    UspMsg.GetInstancesResp.RequestedPathResult.newBuilder().setRequestedPath(requested);
            try {
                for (String base : UspPaths.resolveObjects(device, requested)) {
                    for (String instance : instancesUnder(device, base, request.getFirstLevelOnly())) {
                        UspMsg.GetInstancesResp.CurrInstance.Builder current = UspMsg.GetInstancesResp.CurrInstance
                                .newBuilder().setInstantiatedObjPath(instance);
                        uniqueKeys(device, instance).forEach((key, value) -> current.addUniqueKeys(
                                UspMsg.GetInstancesResp.CurrInstance.UniqueKeysEntry.newBuilder().setKey(key).setValue(value)));
                        result.addCurrInsts(current);
                    }
                }
            } catch (UspPaths.InvalidPathException e) {
                result.setErrCode(ERR_INVALID_PATH).setErrMsg(UspMessages.invalidPath(requested));
            }
            resp.addReqPathResults(result);
        }
        return UspMessages.response(msgId, UspMsg.Header.MsgType.GET_INSTANCES_RESP,
                UspMsg.Response.newBuilder().setGetInstancesResp(resp).build());
    }

    static UspMsg.Msg getSupportedProtocol(String msgId) {
        return UspMessages.response(msgId, UspMsg.Header.MsgType.GET_SUPPORTED_PROTO_RESP,
                UspMsg.Response.newBuilder().setGetSupportedProtocolResp(UspMsg.GetSupportedProtocolResp.newBuilder()
                        .setAgentSupportedProtocolVersions(SUPPORTED_VERSIONS)).build());
    }

    /** Instances at or below {@code base}: a table's instances (and nested ones unless first level only). */
    static List<String> instancesUnder(VirtualDevice device, String base, boolean firstLevelOnly) {
        List<String> instances = new ArrayList<>();
        collect(device, base, firstLevelOnly, instances);
        return instances;
    }

    private static void collect(VirtualDevice device, String object, boolean firstLevelOnly, List<String> out) {
        if (DataModelReader.isTable(device, object)) {
            for (Integer number : DataModelReader.instanceNumbers(device, object)) {
                String instance = object + number + ".";
                out.add(instance);
                if (!firstLevelOnly) {
                    for (String table : childTables(device.schema(), instance)) {
                        collect(device, table, false, out);
                    }
                }
            }
            return;
        }
        for (String table : childTables(device.schema(), object)) {
            collect(device, table, firstLevelOnly, out);
        }
    }

    /** Tables directly or indirectly below an object, not crossing another table. */
    private static List<String> childTables(ModelSchema schema, String object) {
        List<String> tables = new ArrayList<>();
        for (ObjectDef def : schema.objects()) {
            String path = def.path();
            if (def.table() && path.startsWith(object) && path.length() > object.length()
                    && !crossesInstance(path.substring(object.length()))) {
                tables.add(path);
            }
        }
        return tables;
    }

    private static boolean crossesInstance(String relative) {
        for (String segment : relative.split("\\.")) {
            if (!segment.isEmpty() && Character.isDigit(segment.charAt(0))) {
                return true;
            }
        }
        return false;
    }

    static Map<String, String> uniqueKeys(VirtualDevice device, String instance) {
        Map<String, String> keys = new LinkedHashMap<>();
        String table = instance.substring(0, instance.lastIndexOf('.', instance.length() - 2) + 1);
        TableDef def = device.schema().table(table);
        List<String> names = new ArrayList<>();
        if (def != null) {
            if (def.indexOf("Alias") >= 0) {
                names.add("Alias");
            }
            names.addAll(def.uniqueKeys());
        } else {
            names.addAll(KEY_NAMES);
            if (table.endsWith("MTP.")) {
                names.add("Protocol");
            }
        }
        for (String name : names) {
            String value = device.valueOf(instance + name);
            if (value != null && !keys.containsKey(name)) {
                keys.put(name, value);
            }
        }
        return keys;
    }

    private static int depth(String objectPath) {
        int dots = 0;
        for (int i = 0; i < objectPath.length(); i++) {
            if (objectPath.charAt(i) == '.') {
                dots++;
            }
        }
        return dots;
    }
}
