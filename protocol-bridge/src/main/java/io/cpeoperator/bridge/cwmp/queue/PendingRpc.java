package io.cpeoperator.bridge.cwmp.queue;

import io.cpeoperator.bridge.cwmp.soap.CwmpMessage;
import io.cpeoperator.bridge.cwmp.soap.CwmpRequest;
import io.cpeoperator.bridge.cwmp.soap.CwmpResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.CwmpFault;
import io.cpeoperator.bridge.device.DeviceOperationException;
import io.cpeoperator.bridge.device.ParameterFault;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One queued ACS request and the future its caller holds. The future completes exactly once: with the typed
 * response, or with a {@link DeviceOperationException} carrying the CPE's fault.
 */
public final class PendingRpc<R extends CwmpResponse> {

    private final CwmpRequest<R> request;
    private final CompletableFuture<R> future = new CompletableFuture<>();
    private final RpcLane lane;
    private final long session;

    PendingRpc(CwmpRequest<R> request, RpcLane lane, long session) {
        this.request = request;
        this.lane = lane;
        this.session = session;
    }

    public CwmpRequest<R> request() {
        return request;
    }

    public CompletableFuture<R> future() {
        return future;
    }

    public RpcLane lane() {
        return lane;
    }

    /** The number of the device's latest session when this was queued (see {@link DeviceRpcQueue#beginSession}). */
    long session() {
        return session;
    }

    /**
     * Completes the future with what the CPE answered. Callbacks run on this thread, before the session picks its
     * next request, so follow-up requests they queue go out in the same session.
     *
     * @return true when the answer was the expected response type, false for a fault or a mismatched response
     */
    public boolean answer(CwmpMessage answer) {
        if (request.responseType().isInstance(answer)) {
            future.complete(request.responseType().cast(answer));
            return true;
        }
        if (answer instanceof CwmpFault fault) {
            future.completeExceptionally(toException(fault));
        } else {
            future.completeExceptionally(new DeviceOperationException(CwmpFault.ACS_INVALID_ARGUMENTS,
                    "device answered " + request.name() + " with " + answer.name()));
        }
        return false;
    }

    public void fail(DeviceOperationException failure) {
        future.completeExceptionally(failure);
    }

    public boolean isDone() {
        return future.isDone();
    }

    static DeviceOperationException toException(CwmpFault fault) {
        List<ParameterFault> parameterFaults = fault.setParameterValuesFaults().stream()
                .map(f -> new ParameterFault(f.parameterName(), f.faultCode(), f.faultString()))
                .toList();
        return new DeviceOperationException(fault.faultCode(), fault.faultString(), parameterFaults);
    }

    @Override
    public String toString() {
        return request.name() + "(" + lane + ")";
    }
}
