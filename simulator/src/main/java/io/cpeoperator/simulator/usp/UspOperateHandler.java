package io.cpeoperator.simulator.usp;

import io.cpeoperator.bridge.usp.proto.UspMsg;
import io.cpeoperator.simulator.device.BootCause;
import io.cpeoperator.simulator.device.DataModelException;
import io.cpeoperator.simulator.device.VirtualDevice;
import io.cpeoperator.simulator.engine.DeviceLifecycle;
import io.cpeoperator.simulator.engine.FirmwareInstaller;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Operate: Reboot(), FactoryReset(), SelfTestDiagnostics(), IP.Diagnostics.IPPing(), FirmwareImage.{i}.Download()
 * and Controller.{i}.SendOnBoardRequest(). Reboot and FactoryReset are synchronous (the OperateResp is sent first,
 * then the agent goes down, as obuspa does); the others are asynchronous and end in an OperationComplete.
 */
final class UspOperateHandler {

    private static final String REQUESTS = "Device.LocalAgent.Request.";

    private final VirtualDevice device;
    private final DeviceLifecycle lifecycle;
    private final UspNotifier notifier;
    private final AtomicInteger requestNumber = new AtomicInteger();

    UspOperateHandler(DeviceLifecycle lifecycle, UspNotifier notifier) {
        this.device = lifecycle.device();
        this.lifecycle = lifecycle;
        this.notifier = notifier;
    }

    /** Returns the OperateResp (or Error); {@code afterResponse} runs once the response is on its way. */
    UspMsg.Msg operate(String msgId, UspMsg.Operate operate, Runnable[] afterResponse) {
        String command = operate.getCommand();
        String key = operate.getCommandKey();
        Map<String, String> input = new LinkedHashMap<>();
        operate.getInputArgsList().forEach(e -> input.put(e.getKey(), e.getValue()));
        UspMsg.OperateResp.OperationResult.Builder result = UspMsg.OperateResp.OperationResult.newBuilder()
                .setExecutedCommand(command);
        switch (command) {
            case "Device.Reboot()" -> {
                result.setReqOutputArgs(UspMsg.OperateResp.OperationResult.OutputArgs.newBuilder());
                afterResponse[0] = () -> lifecycle.reboot(BootCause.REMOTE_REBOOT, key);
            }
            case "Device.FactoryReset()" -> {
                result.setReqOutputArgs(UspMsg.OperateResp.OperationResult.OutputArgs.newBuilder());
                afterResponse[0] = () -> lifecycle.factoryReset(key);
            }
            case "Device.SelfTestDiagnostics()" -> {
                result.setReqObjPath(nextRequest());
                complete("Device.", "SelfTestDiagnostics()", key, Map.of("Status", "Complete", "Results",
                        device.has(io.cpeoperator.simulator.scenario.Scenario.OVERHEATING) ? "FAIL: SoC temperature" : "PASS"));
            }
            case "Device.IP.Diagnostics.IPPing()" -> {
                result.setReqObjPath(nextRequest());
                String prefix = "Device.IP.Diagnostics.IPPing.";
                Map<String, String> outputs = new LinkedHashMap<>();
                outputs.put("Status", "Complete");
                for (String name : new String[] {"SuccessCount", "FailureCount", "AverageResponseTime",
                    "MinimumResponseTime", "MaximumResponseTime"}) {
                    outputs.put(name, device.valueOf(prefix + name));
                }
                complete("Device.IP.Diagnostics.", "IPPing()", key, outputs);
            }
            case "Device.LocalAgent.Controller.1.SendOnBoardRequest()" -> {
                notifier.onBoardRequest();
                result.setReqOutputArgs(UspMsg.OperateResp.OperationResult.OutputArgs.newBuilder());
            }
            default -> {
                if (command.startsWith("Device.DeviceInfo.FirmwareImage.") && command.endsWith(".Download()")) {
                    device.countDownloadRequest();
                    String url = input.getOrDefault("URL", "");
                    try {
                        FirmwareInstaller.validate(url);
                    } catch (DataModelException e) {
                        return UspMessages.error(msgId, 7004, e.getMessage());
                    }
                    result.setReqObjPath(nextRequest());
                    String objPath = command.substring(0, command.length() - "Download()".length());
                    FirmwareInstaller.start(lifecycle, url, key, transfer -> {
                        notifier.operationComplete(objPath, "Download()", key, Map.of(), transfer.uspFaultCode(),
                                transfer.faultString());
                        notifier.event("Device.LocalAgent.", "TransferComplete!", transferEvent(command, key, transfer));
                    }, () -> { });
                } else {
                    return UspMessages.error(msgId, 7026, UspMessages.invalidPath(command));
                }
            }
        }
        if (!operate.getSendResp()) {
            return null;
        }
        return UspMessages.response(msgId, UspMsg.Header.MsgType.OPERATE_RESP, UspMsg.Response.newBuilder()
                .setOperateResp(UspMsg.OperateResp.newBuilder().addOperationResults(result)).build());
    }

    private Map<String, String> transferEvent(String command, String key, io.cpeoperator.simulator.device.TransferResult t) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Command", command);
        params.put("CommandKey", key);
        params.put("Requestor", "Device.LocalAgent.Controller.1");
        params.put("TransferType", "Download");
        params.put("Affected", "Device.DeviceInfo.FirmwareImage.2");
        params.put("TransferURL", t.url());
        params.put("StartTime", java.time.Instant.ofEpochMilli(t.startMillis()).toString());
        params.put("CompleteTime", java.time.Instant.ofEpochMilli(t.completeMillis()).toString());
        params.put("FaultCode", Integer.toString(t.uspFaultCode()));
        params.put("FaultString", t.faultString());
        return params;
    }

    private String nextRequest() {
        return REQUESTS + requestNumber.incrementAndGet();
    }

    /** Asynchronous commands finish a moment after their OperateResp. */
    private void complete(String objPath, String name, String key, Map<String, String> outputs) {
        lifecycle.scheduler().schedule(() -> notifier.operationComplete(objPath, name, key, outputs, 0, ""),
                200, TimeUnit.MILLISECONDS);
    }
}
