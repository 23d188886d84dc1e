package io.cpeoperator.bridge.usp.wire;

import io.cpeoperator.bridge.device.DeviceOperationException;
import io.cpeoperator.bridge.device.ParameterFault;
import io.cpeoperator.bridge.usp.proto.UspMsg;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps USP Error messages and the per-object failures inside responses to {@link DeviceOperationException}, keeping
 * the agent's own codes (7xxx) and per-parameter errors.
 */
public final class UspErrors {

    /** 7000 Message failed. */
    public static final int MESSAGE_FAILED = 7000;
    /** 7001 Message not supported. */
    public static final int MESSAGE_NOT_SUPPORTED = 7001;
    /** 7002 Request denied. */
    public static final int REQUEST_DENIED = 7002;

    private UspErrors() {
    }

    public static DeviceOperationException fromError(UspMsg.Error error) {
        List<ParameterFault> faults = new ArrayList<>(error.getParamErrsCount());
        for (UspMsg.Error.ParamError paramError : error.getParamErrsList()) {
            faults.add(new ParameterFault(paramError.getParamPath(), paramError.getErrCode(), paramError.getErrMsg()));
        }
        return new DeviceOperationException(error.getErrCode(), error.getErrMsg(), faults);
    }

    /** The first failed object of a SetResp, with its per-parameter errors, if any object failed. */
    public static Optional<DeviceOperationException> failureOf(UspMsg.SetResp response) {
        for (UspMsg.SetResp.UpdatedObjectResult result : response.getUpdatedObjResultsList()) {
            if (result.getOperStatus().hasOperFailure()) {
                var failure = result.getOperStatus().getOperFailure();
                List<ParameterFault> faults = new ArrayList<>();
                for (UspMsg.SetResp.UpdatedInstanceFailure instance : failure.getUpdatedInstFailuresList()) {
                    for (UspMsg.SetResp.ParameterError error : instance.getParamErrsList()) {
                        faults.add(new ParameterFault(instance.getAffectedPath() + error.getParam(),
                                error.getErrCode(), error.getErrMsg()));
                    }
                }
                return Optional.of(new DeviceOperationException(failure.getErrCode(), failure.getErrMsg(), faults));
            }
        }
        return Optional.empty();
    }

    public static Optional<DeviceOperationException> failureOf(UspMsg.AddResp response) {
        for (UspMsg.AddResp.CreatedObjectResult result : response.getCreatedObjResultsList()) {
            if (result.getOperStatus().hasOperFailure()) {
                var failure = result.getOperStatus().getOperFailure();
                return Optional.of(new DeviceOperationException(failure.getErrCode(), failure.getErrMsg(),
                        List.of(new ParameterFault(result.getRequestedPath(), failure.getErrCode(),
                                failure.getErrMsg()))));
            }
        }
        return Optional.empty();
    }

    public static Optional<DeviceOperationException> failureOf(UspMsg.DeleteResp response) {
        for (UspMsg.DeleteResp.DeletedObjectResult result : response.getDeletedObjResultsList()) {
            if (result.getOperStatus().hasOperFailure()) {
                var failure = result.getOperStatus().getOperFailure();
                return Optional.of(new DeviceOperationException(failure.getErrCode(), failure.getErrMsg(),
                        List.of(new ParameterFault(result.getRequestedPath(), failure.getErrCode(),
                                failure.getErrMsg()))));
            }
        }
        return Optional.empty();
    }

    public static Optional<DeviceOperationException> failureOf(UspMsg.OperateResp response) {
        for (UspMsg.OperateResp.OperationResult result : response.getOperationResultsList()) {
            if (result.hasCmdFailure()) {
                return Optional.of(new DeviceOperationException(result.getCmdFailure().getErrCode(),
                        result.getCmdFailure().getErrMsg()));
            }
        }
        return Optional.empty();
    }

    /** A GetResp whose every requested path failed, as one exception; partial success is not a failure. */
    public static Optional<DeviceOperationException> failureOf(UspMsg.GetResp response) {
        List<ParameterFault> faults = new ArrayList<>();
        for (UspMsg.GetResp.RequestedPathResult result : response.getReqPathResultsList()) {
            if (result.getErrCode() == 0) {
                return Optional.empty();
            }
            faults.add(new ParameterFault(result.getRequestedPath(), result.getErrCode(), result.getErrMsg()));
        }
        if (faults.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DeviceOperationException(faults.get(0).code(), faults.get(0).message(), faults));
    }
}
