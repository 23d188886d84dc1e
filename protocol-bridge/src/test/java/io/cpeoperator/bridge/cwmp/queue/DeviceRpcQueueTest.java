package io.cpeoperator.bridge.cwmp.queue;

import io.cpeoperator.bridge.cwmp.soap.rpc.GetParameterNames;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetParameterNamesResponse;
import io.cpeoperator.bridge.device.DeviceOperationException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceRpcQueueTest {

    private static final DeviceOperationException GONE =
            new DeviceOperationException(DeviceOperationException.UNREACHABLE, "session over");

    private final DeviceRpcQueue queue = new DeviceRpcQueue(16);

    @Test
    void theLateEndOfAnOldSessionKeepsTheMaintenancePlannedForTheNewOne() {
        long first = queue.beginSession();
        CompletableFuture<GetParameterNamesResponse> old = queue.enqueue(walk("Device.A."), RpcLane.MAINTENANCE);
        long second = queue.beginSession();
        CompletableFuture<GetParameterNamesResponse> current = queue.enqueue(walk("Device."), RpcLane.MAINTENANCE);

        // the first session's end is processed only now, on the thread that saw its connection close
        queue.dropMaintenance(first, GONE);

        assertThat(old).isCompletedExceptionally();
        assertThat(current).isNotDone();
        assertThat(queue.poll().request()).isEqualTo(walk("Device."));

        queue.enqueue(walk("Device.B."), RpcLane.MAINTENANCE);
        queue.dropMaintenance(second, GONE);
        assertThat(queue.poll()).isNull();
    }

    @Test
    void operationsOutliveTheirSessionAndGoFirst() {
        long session = queue.beginSession();
        CompletableFuture<GetParameterNamesResponse> maintenance = queue.enqueue(walk("Device."), RpcLane.MAINTENANCE);
        CompletableFuture<GetParameterNamesResponse> operation = queue.enqueue(walk("Device.WiFi."), RpcLane.OPERATION);
        PendingRpc<?> sent = queue.poll();
        assertThat(sent.request()).isEqualTo(walk("Device.WiFi."));

        queue.returnUnanswered(sent, GONE);
        queue.dropMaintenance(session, GONE);

        assertThat(maintenance).isCompletedExceptionally();
        assertThat(operation).isNotDone();
        assertThat(queue.poll().request()).isEqualTo(walk("Device.WiFi."));
    }

    @Test
    void anUnansweredMaintenanceRequestFailsSoItsPlannerStartsOver() {
        queue.beginSession();
        CompletableFuture<GetParameterNamesResponse> walk = queue.enqueue(walk("Device."), RpcLane.MAINTENANCE);

        queue.returnUnanswered(queue.poll(), GONE);

        assertThat(walk).isCompletedExceptionally();
        assertThat(queue.poll()).isNull();
    }

    @Test
    void aFullQueueRefusesWithResourcesExceeded() {
        DeviceRpcQueue small = new DeviceRpcQueue(1);
        small.enqueue(walk("Device."), RpcLane.OPERATION);

        assertThat(small.enqueue(walk("Device.WiFi."), RpcLane.OPERATION)).failsWithin(java.time.Duration.ZERO)
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(DeviceOperationException.class,
                        e -> assertThat(e.faultCode()).isEqualTo(8004));
    }

    private static GetParameterNames walk(String path) {
        return new GetParameterNames(path, false);
    }
}
