package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpDecodeException;
import io.cpeoperator.bridge.cwmp.soap.CwmpRequest;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

/** The CPE reports the end of a Download/Upload the ACS requested, correlated by CommandKey. */
public record TransferComplete(String commandKey, FaultStruct fault, String startTime, String completeTime)
        implements CwmpRequest<TransferCompleteResponse> {

    public static final String NAME = "TransferComplete";

    public TransferComplete {
        commandKey = Text.orEmpty(commandKey);
        fault = fault == null ? FaultStruct.SUCCESS : fault;
        startTime = Text.timeOrUnknown(startTime);
        completeTime = Text.timeOrUnknown(completeTime);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<TransferCompleteResponse> responseType() {
        return TransferCompleteResponse.class;
    }

    static TransferComplete read(XmlElement e) throws CwmpDecodeException {
        return new TransferComplete(e.childText("CommandKey", ""), FaultStruct.read(e),
                e.childText("StartTime", ""), e.childText("CompleteTime", ""));
    }

    @Override
    public void writeArguments(SoapWriter out) {
        out.leaf("CommandKey", commandKey);
        fault.write(out);
        out.leaf("StartTime", startTime).leaf("CompleteTime", completeTime);
    }
}
