package io.cpeoperator.simulator.usp;

import io.cpeoperator.bridge.twin.ParameterType;
import io.cpeoperator.bridge.usp.proto.UspMsg;
import io.cpeoperator.simulator.model.CommandDef;
import io.cpeoperator.simulator.model.ModelSchema;
import io.cpeoperator.simulator.model.ObjectDef;
import io.cpeoperator.simulator.model.ParamDef;
import io.cpeoperator.simulator.model.TableDef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The supported data model of a schema (instance numbers replaced by {@code {i}}), built once per schema and
 * answered from for GetSupportedDM.
 */
final class SupportedModel {

    private static final Map<ModelSchema, SupportedModel> CACHE = new ConcurrentHashMap<>();

    private final Map<String, UspMsg.GetSupportedDMResp.SupportedObjectResult> objects = new LinkedHashMap<>();

    private SupportedModel(ModelSchema schema) {
        Map<String, Set<String>> paramNames = new LinkedHashMap<>();
        Map<String, UspMsg.GetSupportedDMResp.SupportedObjectResult.Builder> builders = new LinkedHashMap<>();
        for (ObjectDef object : schema.objects()) {
            if (object.table()) {
                continue;
            }
            String template = template(object.path());
            builders.computeIfAbsent(template, t -> newObject(t, object));
        }
        for (ParamDef param : schema.params()) {
            String template = template(param.objectPath());
            if (paramNames.computeIfAbsent(template, t -> new LinkedHashSet<>()).add(param.name())) {
                builders.get(template).addSupportedParams(param(param.name(), param.type(), param.writable()));
            }
        }
        for (TableDef table : schema.tables().values()) {
            String instance = template(table.path()) + "{i}.";
            builders.computeIfAbsent(instance, t -> UspMsg.GetSupportedDMResp.SupportedObjectResult.newBuilder()
                    .setSupportedObjPath(t).setIsMultiInstance(true)
                    .setAccess(UspMsg.GetSupportedDMResp.ObjAccessType.OBJ_ADD_DELETE));
            builders.get(instance).addUniqueKeySets(UspMsg.GetSupportedDMResp.SupportedUniqueKeySet.newBuilder()
                    .addAllKeyNames(table.uniqueKeys()));
            for (TableDef.Template column : table.template()) {
                int dot = column.name().lastIndexOf('.');
                String object = dot < 0 ? instance : instance + column.name().substring(0, dot + 1);
                String name = column.name().substring(dot + 1);
                builders.computeIfAbsent(object, t -> UspMsg.GetSupportedDMResp.SupportedObjectResult.newBuilder()
                        .setSupportedObjPath(t));
                if (paramNames.computeIfAbsent(object, t -> new LinkedHashSet<>()).add(name)) {
                    builders.get(object).addSupportedParams(param(name, column.type(), column.writable()));
                }
            }
        }
        for (CommandDef command : schema.commands()) {
            UspMsg.GetSupportedDMResp.SupportedObjectResult.Builder object = builders.get(command.objectPath());
            if (object == null) {
                continue;
            }
            if (command.isEvent()) {
                object.addSupportedEvents(UspMsg.GetSupportedDMResp.SupportedEventResult.newBuilder()
                        .setEventName(command.name()).addAllArgNames(command.inputArgs()));
            } else {
                object.addSupportedCommands(UspMsg.GetSupportedDMResp.SupportedCommandResult.newBuilder()
                        .setCommandName(command.name()).addAllInputArgNames(command.inputArgs())
                        .addAllOutputArgNames(command.outputArgs())
                        .setCommandType(command.async() ? UspMsg.GetSupportedDMResp.CmdType.CMD_ASYNC
                                : UspMsg.GetSupportedDMResp.CmdType.CMD_SYNC));
            }
        }
        builders.forEach((path, builder) -> objects.put(path, builder.build()));
    }

    static SupportedModel of(ModelSchema schema) {
        return CACHE.computeIfAbsent(schema, SupportedModel::new);
    }

    /** Answers a GetSupportedDM. */
    static UspMsg.Msg answer(ModelSchema schema, String msgId, UspMsg.GetSupportedDM request) {
        SupportedModel model = of(schema);
        UspMsg.GetSupportedDMResp.Builder resp = UspMsg.GetSupportedDMResp.newBuilder();
        for (String requested : request.getObjPathsList()) {
            UspMsg.GetSupportedDMResp.RequestedObjectResult.Builder result = UspMsg.GetSupportedDMResp
                    .RequestedObjectResult.newBuilder().setReqObjPath(requested);
            String base = template(requested.endsWith(".") ? requested : requested + ".");
            if (!model.objects.containsKey(base)) {
                result.setErrCode(7026).setErrMsg(UspMessages.invalidPath(requested));
                resp.addReqObjResults(result);
                continue;
            }
            result.setDataModelInstUri(schema.dataModelUri());
            for (Map.Entry<String, UspMsg.GetSupportedDMResp.SupportedObjectResult> entry : model.objects.entrySet()) {
                String path = entry.getKey();
                if (!path.startsWith(base)) {
                    continue;
                }
                boolean self = path.equals(base);
                if (request.getFirstLevelOnly() && !self && !isChild(base, path)) {
                    continue;
                }
                result.addSupportedObjs(self || !request.getFirstLevelOnly()
                        ? filtered(entry.getValue(), request) : bare(entry.getValue()));
            }
            resp.addReqObjResults(result);
        }
        return UspMessages.response(msgId, UspMsg.Header.MsgType.GET_SUPPORTED_DM_RESP,
                UspMsg.Response.newBuilder().setGetSupportedDmResp(resp).build());
    }

    private static UspMsg.GetSupportedDMResp.SupportedObjectResult filtered(
            UspMsg.GetSupportedDMResp.SupportedObjectResult object, UspMsg.GetSupportedDM request) {
        UspMsg.GetSupportedDMResp.SupportedObjectResult.Builder builder = object.toBuilder();
        if (!request.getReturnParams()) {
            builder.clearSupportedParams();
        }
        if (!request.getReturnCommands()) {
            builder.clearSupportedCommands();
        }
        if (!request.getReturnEvents()) {
            builder.clearSupportedEvents();
        }
        if (!request.getReturnUniqueKeySets()) {
            builder.clearUniqueKeySets();
        }
        return builder.build();
    }

    private static UspMsg.GetSupportedDMResp.SupportedObjectResult bare(UspMsg.GetSupportedDMResp.SupportedObjectResult object) {
        return UspMsg.GetSupportedDMResp.SupportedObjectResult.newBuilder()
                .setSupportedObjPath(object.getSupportedObjPath())
                .setAccess(object.getAccess())
                .setIsMultiInstance(object.getIsMultiInstance())
                .build();
    }

    /** A direct child: one more segment, where "Name.{i}." counts as one. */
    private static boolean isChild(String base, String path) {
        String relative = path.substring(base.length());
        if (relative.endsWith("{i}.")) {
            relative = relative.substring(0, relative.length() - 4);
        }
        return relative.indexOf('.') == relative.length() - 1;
    }

    private static UspMsg.GetSupportedDMResp.SupportedObjectResult.Builder newObject(String template, ObjectDef object) {
        UspMsg.GetSupportedDMResp.SupportedObjectResult.Builder builder = UspMsg.GetSupportedDMResp.SupportedObjectResult
                .newBuilder().setSupportedObjPath(template);
        if (template.endsWith("{i}.")) {
            builder.setIsMultiInstance(true);
            if (object.writable()) {
                builder.setAccess(UspMsg.GetSupportedDMResp.ObjAccessType.OBJ_ADD_DELETE);
            }
        }
        return builder;
    }

    private static UspMsg.GetSupportedDMResp.SupportedParamResult param(String name, ParameterType type, boolean writable) {
        return UspMsg.GetSupportedDMResp.SupportedParamResult.newBuilder()
                .setParamName(name)
                .setAccess(writable ? UspMsg.GetSupportedDMResp.ParamAccessType.PARAM_READ_WRITE
                        : UspMsg.GetSupportedDMResp.ParamAccessType.PARAM_READ_ONLY)
                .setValueType(valueType(type))
                .setValueChange(UspMsg.GetSupportedDMResp.ValueChangeType.VALUE_CHANGE_ALLOWED)
                .build();
    }

    static UspMsg.GetSupportedDMResp.ParamValueType valueType(ParameterType type) {
        return switch (type) {
            case BOOLEAN -> UspMsg.GetSupportedDMResp.ParamValueType.PARAM_BOOLEAN;
            case DATE_TIME -> UspMsg.GetSupportedDMResp.ParamValueType.PARAM_DATE_TIME;
            case DECIMAL -> UspMsg.GetSupportedDMResp.ParamValueType.PARAM_DECIMAL;
            case HEX_BINARY -> UspMsg.GetSupportedDMResp.ParamValueType.PARAM_HEX_BINARY;
            case BASE64 -> UspMsg.GetSupportedDMResp.ParamValueType.PARAM_BASE_64;
            case INT -> UspMsg.GetSupportedDMResp.ParamValueType.PARAM_INT;
            case LONG -> UspMsg.GetSupportedDMResp.ParamValueType.PARAM_LONG;
            case UNSIGNED_INT -> UspMsg.GetSupportedDMResp.ParamValueType.PARAM_UNSIGNED_INT;
            case UNSIGNED_LONG -> UspMsg.GetSupportedDMResp.ParamValueType.PARAM_UNSIGNED_LONG;
            default -> UspMsg.GetSupportedDMResp.ParamValueType.PARAM_STRING;
        };
    }

    /** {@code Device.WiFi.AccessPoint.2.AssociatedDevice.5.} becomes {@code Device.WiFi.AccessPoint.{i}.AssociatedDevice.{i}.} */
    static String template(String path) {
        List<String> out = new ArrayList<>();
        for (String segment : path.split("\\.", -1)) {
            out.add(!segment.isEmpty() && segment.chars().allMatch(Character::isDigit) ? "{i}" : segment);
        }
        return String.join(".", out);
    }

}
