package io.cpeoperator.bridge.usp.controller;

import io.cpeoperator.bridge.twin.ParameterType;
import io.cpeoperator.bridge.usp.proto.UspMsg;
import io.cpeoperator.bridge.usp.proto.UspMsg.GetSupportedDMResp.ParamValueType;
import io.cpeoperator.bridge.usp.wire.UspPaths;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An agent's supported data model from GetSupportedDM: parameter types and writability by object pattern
 * ({@code Device.WiFi.SSID.{i}.}), and the first-level objects a full sync reads one chunk at a time.
 */
final class SupportedModel {

    record ParamInfo(ParameterType type, boolean writable) {
    }

    private final Map<String, Map<String, ParamInfo>> paramsByObject;
    private final List<String> firstLevelObjects;

    private SupportedModel(Map<String, Map<String, ParamInfo>> paramsByObject, List<String> firstLevelObjects) {
        this.paramsByObject = paramsByObject;
        this.firstLevelObjects = firstLevelObjects;
    }

    static SupportedModel empty() {
        return new SupportedModel(Map.of(), List.of());
    }

    static SupportedModel from(UspMsg.GetSupportedDMResp response) {
        Map<String, Map<String, ParamInfo>> params = new HashMap<>();
        List<String> firstLevel = new ArrayList<>();
        for (UspMsg.GetSupportedDMResp.RequestedObjectResult requested : response.getReqObjResultsList()) {
            for (UspMsg.GetSupportedDMResp.SupportedObjectResult object : requested.getSupportedObjsList()) {
                String path = object.getSupportedObjPath();
                if (isFirstLevel(path)) {
                    firstLevel.add(path);
                }
                Map<String, ParamInfo> infos = params.computeIfAbsent(path, k -> new HashMap<>());
                for (UspMsg.GetSupportedDMResp.SupportedParamResult param : object.getSupportedParamsList()) {
                    infos.put(param.getParamName(), new ParamInfo(typeOf(param.getValueType()),
                            param.getAccess() != UspMsg.GetSupportedDMResp.ParamAccessType.PARAM_READ_ONLY));
                }
            }
        }
        return new SupportedModel(params, firstLevel);
    }

    /** {@code Device.X.} (or {@code Device.X.{i}.}) directly below the root. */
    private static boolean isFirstLevel(String path) {
        return path.split("\\.").length == 2;
    }

    List<String> firstLevelObjects() {
        return firstLevelObjects;
    }

    /** Type and writability of a concrete parameter path, if the model knows it. */
    ParamInfo lookup(String parameterPath) {
        String object = UspPaths.objectOf(parameterPath);
        Map<String, ParamInfo> infos = paramsByObject.get(pattern(object));
        return infos == null ? null : infos.get(UspPaths.nameOf(parameterPath));
    }

    /** {@code Device.WiFi.SSID.1.} → {@code Device.WiFi.SSID.{i}.}. */
    static String pattern(String objectPath) {
        StringBuilder out = new StringBuilder(objectPath.length() + 8);
        for (String segment : objectPath.split("\\.")) {
            out.append(!segment.isEmpty() && segment.chars().allMatch(Character::isDigit) ? "{i}" : segment)
                    .append('.');
        }
        return out.toString();
    }

    static ParameterType typeOf(ParamValueType type) {
        return switch (type) {
            case PARAM_BASE_64 -> ParameterType.BASE64;
            case PARAM_BOOLEAN -> ParameterType.BOOLEAN;
            case PARAM_DATE_TIME -> ParameterType.DATE_TIME;
            case PARAM_DECIMAL -> ParameterType.DECIMAL;
            case PARAM_HEX_BINARY -> ParameterType.HEX_BINARY;
            case PARAM_INT -> ParameterType.INT;
            case PARAM_LONG -> ParameterType.LONG;
            case PARAM_STRING -> ParameterType.STRING;
            case PARAM_UNSIGNED_INT -> ParameterType.UNSIGNED_INT;
            case PARAM_UNSIGNED_LONG -> ParameterType.UNSIGNED_LONG;
            default -> ParameterType.UNKNOWN;
        };
    }
}
