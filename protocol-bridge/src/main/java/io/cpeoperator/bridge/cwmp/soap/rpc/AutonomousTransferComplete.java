package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpDecodeException;
import io.cpeoperator.bridge.cwmp.soap.CwmpRequest;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

/** A transfer the CPE started on its own (not requested by this ACS) finished. */
public record AutonomousTransferComplete(String announceUrl, String transferUrl, boolean isDownload, String fileType,
                                         long fileSize, String targetFileName, FaultStruct fault, String startTime,
                                         String completeTime)
        implements CwmpRequest<AutonomousTransferCompleteResponse> {

    public static final String NAME = "AutonomousTransferComplete";

    public AutonomousTransferComplete {
        announceUrl = Text.orEmpty(announceUrl);
        transferUrl = Text.orEmpty(transferUrl);
        fileType = Text.orEmpty(fileType);
        targetFileName = Text.orEmpty(targetFileName);
        fault = fault == null ? FaultStruct.SUCCESS : fault;
        startTime = Text.timeOrUnknown(startTime);
        completeTime = Text.timeOrUnknown(completeTime);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<AutonomousTransferCompleteResponse> responseType() {
        return AutonomousTransferCompleteResponse.class;
    }

    static AutonomousTransferComplete read(XmlElement e) throws CwmpDecodeException {
        return new AutonomousTransferComplete(e.childText("AnnounceURL", ""), e.childText("TransferURL", ""),
                e.booleanOr("IsDownload", true), e.childText("FileType", ""), e.longOr("FileSize", 0),
                e.childText("TargetFileName", ""), FaultStruct.read(e), e.childText("StartTime", ""),
                e.childText("CompleteTime", ""));
    }

    @Override
    public void writeArguments(SoapWriter out) {
        out.leaf("AnnounceURL", announceUrl).leaf("TransferURL", transferUrl).leaf("IsDownload", isDownload)
                .leaf("FileType", fileType).leaf("FileSize", fileSize).leaf("TargetFileName", targetFileName);
        fault.write(out);
        out.leaf("StartTime", startTime).leaf("CompleteTime", completeTime);
    }
}
