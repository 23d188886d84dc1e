package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpDecodeException;
import io.cpeoperator.bridge.cwmp.soap.CwmpResponse;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

/**
 * Status 0: the download already completed and was applied; 1: it will complete later and a TransferComplete will
 * follow. Times are the unknown time when status is 1.
 */
public record DownloadResponse(int status, String startTime, String completeTime) implements CwmpResponse {

    public static final String NAME = "DownloadResponse";

    public DownloadResponse {
        startTime = Text.timeOrUnknown(startTime);
        completeTime = Text.timeOrUnknown(completeTime);
    }

    public static DownloadResponse pending() {
        return new DownloadResponse(1, Text.UNKNOWN_TIME, Text.UNKNOWN_TIME);
    }

    @Override
    public String name() {
        return NAME;
    }

    static DownloadResponse read(XmlElement e) throws CwmpDecodeException {
        return new DownloadResponse(e.requiredInt("Status"), e.childText("StartTime", ""),
                e.childText("CompleteTime", ""));
    }

    @Override
    public void writeArguments(SoapWriter out) {
        out.leaf("Status", status).leaf("StartTime", startTime).leaf("CompleteTime", completeTime);
    }
}
