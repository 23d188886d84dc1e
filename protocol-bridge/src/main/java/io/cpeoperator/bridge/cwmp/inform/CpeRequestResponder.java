package io.cpeoperator.bridge.cwmp.inform;

import io.cpeoperator.bridge.device.DeviceEventBus;
import io.cpeoperator.bridge.cwmp.registry.CwmpDevice;
import io.cpeoperator.bridge.cwmp.registry.TransferTracker.PendingTransfer;
import io.cpeoperator.bridge.cwmp.soap.CwmpMessage;
import io.cpeoperator.bridge.cwmp.soap.rpc.AutonomousTransferComplete;
import io.cpeoperator.bridge.cwmp.soap.rpc.AutonomousTransferCompleteResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.CwmpFault;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetRPCMethods;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetRPCMethodsResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.Inform;
import io.cpeoperator.bridge.cwmp.soap.rpc.RequestDownload;
import io.cpeoperator.bridge.cwmp.soap.rpc.RequestDownloadResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.TransferComplete;
import io.cpeoperator.bridge.cwmp.soap.rpc.TransferCompleteResponse;
import io.cpeoperator.bridge.device.DeviceEvent;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Answers the requests a CPE sends to the ACS within a session (everything but Inform). */
public final class CpeRequestResponder {

    private static final GetRPCMethodsResponse ACS_METHODS = new GetRPCMethodsResponse(List.of(
            Inform.NAME, GetRPCMethods.NAME, TransferComplete.NAME, AutonomousTransferComplete.NAME,
            RequestDownload.NAME));

    private final DeviceEventBus events;
    private final Clock clock;

    public CpeRequestResponder(DeviceEventBus events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** True for the methods a CPE may call on an ACS. */
    public static boolean isCpeRequest(CwmpMessage message) {
        return message instanceof TransferComplete || message instanceof AutonomousTransferComplete
                || message instanceof GetRPCMethods || message instanceof RequestDownload;
    }

    /** The response (or ACS fault) to one CPE request. */
    public CwmpMessage answer(CwmpDevice device, CwmpMessage request) {
        if (request instanceof TransferComplete complete) {
            return transferComplete(device, complete);
        }
        if (request instanceof AutonomousTransferComplete autonomous) {
            Map<String, String> outputs = Map.of("fileType", autonomous.fileType(),
                    "transferURL", autonomous.transferUrl(), "completeTime", autonomous.completeTime());
            events.publish(new DeviceEvent.OperationCompleted(device.id(), clock.instant(),
                    autonomous.isDownload() ? "AutonomousDownload" : "AutonomousUpload", "",
                    autonomous.fault().faultCode(), autonomous.fault().faultString(), outputs));
            return new AutonomousTransferCompleteResponse();
        }
        if (request instanceof GetRPCMethods) {
            return ACS_METHODS;
        }
        if (request instanceof RequestDownload download) {
            events.publish(new DeviceEvent.Other(device.id(), clock.instant(), RequestDownload.NAME,
                    Map.of("fileType", download.fileType())));
            return new RequestDownloadResponse();
        }
        return CwmpFault.of(CwmpFault.ACS_METHOD_NOT_SUPPORTED, "Method not supported");
    }

    private CwmpMessage transferComplete(CwmpDevice device, TransferComplete complete) {
        Optional<PendingTransfer> tracked = device.transfers().complete(complete.commandKey(), complete.fault());
        Map<String, String> outputs = new HashMap<>();
        outputs.put("startTime", complete.startTime());
        outputs.put("completeTime", complete.completeTime());
        tracked.ifPresent(transfer -> {
            outputs.put("fileType", transfer.fileType());
            outputs.put("url", transfer.url());
        });
        // an untracked CommandKey (ACS restarted since the Download) is still reported: the operator correlates it
        events.publish(new DeviceEvent.OperationCompleted(device.id(), clock.instant(),
                tracked.isPresent() ? "Download" : TransferComplete.NAME, complete.commandKey(),
                complete.fault().faultCode(), complete.fault().faultString(), outputs));
        return new TransferCompleteResponse();
    }
}
