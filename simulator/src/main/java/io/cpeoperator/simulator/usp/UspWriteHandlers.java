package io.cpeoperator.simulator.usp;

import io.cpeoperator.bridge.usp.proto.UspMsg;
import io.cpeoperator.simulator.device.DataModelException;
import io.cpeoperator.simulator.device.DataModelWriter;
import io.cpeoperator.simulator.device.Fault;
import io.cpeoperator.simulator.device.VirtualDevice;
import io.cpeoperator.simulator.device.Write;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Set, Add and Delete, with the all-or-nothing semantics of {@code allow_partial=false}. */
final class UspWriteHandlers {

    private UspWriteHandlers() {
    }

    static UspMsg.Msg set(VirtualDevice device, String msgId, UspMsg.Set set, UspNotifier notifier) {
        device.countParameterWriteRequest();
        List<Write> writes = new ArrayList<>();
        Map<String, List<String>> resolved = new LinkedHashMap<>();
        for (UspMsg.Set.UpdateObject update : set.getUpdateObjsList()) {
            List<String> objects;
            try {
                objects = UspPaths.resolveObjects(device, update.getObjPath());
            } catch (UspPaths.InvalidPathException e) {
                return UspMessages.error(msgId, Fault.INVALID_PATH.uspCode(), UspMessages.invalidPath(update.getObjPath()));
            }
            resolved.put(update.getObjPath(), objects);
            for (String object : objects) {
                for (UspMsg.Set.UpdateParamSetting setting : update.getParamSettingsList()) {
                    writes.add(Write.of(object + setting.getParam(), setting.getValue()));
                }
            }
        }
        Map<String, String> applied;
        try {
            applied = DataModelWriter.set(device, writes, null);
        } catch (DataModelException e) {
            // obuspa answers a refused Set with an Error: 7004 overall, one entry per parameter
            List<UspMsg.Error.ParamError> errors = new ArrayList<>();
            for (DataModelException.ParamFault fault : e.paramFaults()) {
                errors.add(UspMsg.Error.ParamError.newBuilder().setParamPath(fault.path())
                        .setErrCode(fault.fault().uspCode()).setErrMsg("GROUP_SET_VECTOR_Add: " + fault.message()).build());
            }
            String first = errors.isEmpty() ? e.getMessage() : errors.get(0).getErrMsg();
            return UspMessages.error(msgId, Fault.INVALID_ARGUMENTS.uspCode(), first,
                    errors.toArray(new UspMsg.Error.ParamError[0]));
        }
        UspMsg.SetResp.Builder resp = UspMsg.SetResp.newBuilder();
        for (UspMsg.Set.UpdateObject update : set.getUpdateObjsList()) {
            UspMsg.SetResp.UpdatedObjectResult.OperationStatus.OperationSuccess.Builder success =
                    UspMsg.SetResp.UpdatedObjectResult.OperationStatus.OperationSuccess.newBuilder();
            for (String object : resolved.get(update.getObjPath())) {
                UspMsg.SetResp.UpdatedInstanceResult.Builder instance = UspMsg.SetResp.UpdatedInstanceResult.newBuilder()
                        .setAffectedPath(object);
                for (UspMsg.Set.UpdateParamSetting setting : update.getParamSettingsList()) {
                    instance.addUpdatedParams(UspMsg.SetResp.UpdatedInstanceResult.UpdatedParamsEntry.newBuilder()
                            .setKey(setting.getParam()).setValue(applied.get(object + setting.getParam())));
                }
                success.addUpdatedInstResults(instance);
            }
            resp.addUpdatedObjResults(UspMsg.SetResp.UpdatedObjectResult.newBuilder()
                    .setRequestedPath(update.getObjPath())
                    .setOperStatus(UspMsg.SetResp.UpdatedObjectResult.OperationStatus.newBuilder().setOperSuccess(success)));
        }
        notifier.valuesChanged();
        return UspMessages.response(msgId, UspMsg.Header.MsgType.SET_RESP, UspMsg.Response.newBuilder().setSetResp(resp).build());
    }

    static UspMsg.Msg add(VirtualDevice device, String msgId, UspMsg.Add add, UspNotifier notifier) {
        UspMsg.AddResp.Builder resp = UspMsg.AddResp.newBuilder();
        List<String> created = new ArrayList<>();
        for (UspMsg.Add.CreateObject create : add.getCreateObjsList()) {
            Map<String, String> initial = new LinkedHashMap<>();
            for (UspMsg.Add.CreateParamSetting setting : create.getParamSettingsList()) {
                initial.put(setting.getParam(), setting.getValue());
            }
            UspMsg.AddResp.CreatedObjectResult.OperationStatus.Builder status =
                    UspMsg.AddResp.CreatedObjectResult.OperationStatus.newBuilder();
            try {
                int number = DataModelWriter.addObject(device, create.getObjPath(), initial, null);
                String instance = create.getObjPath() + number + ".";
                created.add(instance);
                UspMsg.AddResp.CreatedObjectResult.OperationStatus.OperationSuccess.Builder success =
                        UspMsg.AddResp.CreatedObjectResult.OperationStatus.OperationSuccess.newBuilder()
                                .setInstantiatedPath(instance);
                UspReadHandlers.uniqueKeys(device, instance).forEach((k, v) -> success.addUniqueKeys(
                        UspMsg.AddResp.CreatedObjectResult.OperationStatus.OperationSuccess.UniqueKeysEntry.newBuilder()
                                .setKey(k).setValue(v)));
                status.setOperSuccess(success);
            } catch (DataModelException e) {
                int code = e.fault() == Fault.NOT_A_TABLE ? 7018 : e.fault().uspCode();
                if (!add.getAllowPartial()) {
                    for (String instance : created) {
                        deleteQuietly(device, instance);
                    }
                    return UspMessages.error(msgId, code, e.getMessage());
                }
                status.setOperFailure(UspMsg.AddResp.CreatedObjectResult.OperationStatus.OperationFailure.newBuilder()
                        .setErrCode(code).setErrMsg(e.getMessage()));
            }
            resp.addCreatedObjResults(UspMsg.AddResp.CreatedObjectResult.newBuilder()
                    .setRequestedPath(create.getObjPath()).setOperStatus(status));
        }
        for (String instance : created) {
            notifier.objectCreated(instance, UspReadHandlers.uniqueKeys(device, instance));
        }
        // a new value-change subscription starts watching from the values of this moment
        notifier.valuesChanged();
        return UspMessages.response(msgId, UspMsg.Header.MsgType.ADD_RESP, UspMsg.Response.newBuilder().setAddResp(resp).build());
    }

    static UspMsg.Msg delete(VirtualDevice device, String msgId, UspMsg.Delete delete, UspNotifier notifier) {
        UspMsg.DeleteResp.Builder resp = UspMsg.DeleteResp.newBuilder();
        List<String> deleted = new ArrayList<>();
        for (String requested : delete.getObjPathsList()) {
            UspMsg.DeleteResp.DeletedObjectResult.OperationStatus.Builder status =
                    UspMsg.DeleteResp.DeletedObjectResult.OperationStatus.newBuilder();
            try {
                UspMsg.DeleteResp.DeletedObjectResult.OperationStatus.OperationSuccess.Builder success =
                        UspMsg.DeleteResp.DeletedObjectResult.OperationStatus.OperationSuccess.newBuilder();
                for (String instance : UspPaths.resolveObjects(device, requested)) {
                    DataModelWriter.deleteObject(device, instance, null);
                    success.addAffectedPaths(instance);
                    deleted.add(instance);
                }
                status.setOperSuccess(success);
            } catch (UspPaths.InvalidPathException | DataModelException e) {
                int code = e instanceof DataModelException dme ? dme.fault().uspCode() : Fault.INVALID_PATH.uspCode();
                if (!delete.getAllowPartial()) {
                    return UspMessages.error(msgId, code, e.getMessage());
                }
                status.setOperFailure(UspMsg.DeleteResp.DeletedObjectResult.OperationStatus.OperationFailure.newBuilder()
                        .setErrCode(code).setErrMsg(e.getMessage()));
            }
            resp.addDeletedObjResults(UspMsg.DeleteResp.DeletedObjectResult.newBuilder()
                    .setRequestedPath(requested).setOperStatus(status));
        }
        for (String instance : deleted) {
            notifier.objectDeleted(instance);
        }
        return UspMessages.response(msgId, UspMsg.Header.MsgType.DELETE_RESP,
                UspMsg.Response.newBuilder().setDeleteResp(resp).build());
    }

    private static void deleteQuietly(VirtualDevice device, String instance) {
        try {
            DataModelWriter.deleteObject(device, instance, null);
        } catch (DataModelException ignored) {
            // it was created a moment ago in the same request; nothing else can have removed it
        }
    }
}
