package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpDecodeException;
import io.cpeoperator.bridge.cwmp.soap.CwmpRequest;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

/** Asks the CPE for one extra session in {@code delaySeconds}, reported with "3 SCHEDULED" / "M ScheduleInform". */
public record ScheduleInform(long delaySeconds, String commandKey) implements CwmpRequest<ScheduleInformResponse> {

    public static final String NAME = "ScheduleInform";

    public ScheduleInform {
        commandKey = Text.orEmpty(commandKey);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<ScheduleInformResponse> responseType() {
        return ScheduleInformResponse.class;
    }

    static ScheduleInform read(XmlElement e) throws CwmpDecodeException {
        return new ScheduleInform(e.longOr("DelaySeconds", 0), e.childText("CommandKey", ""));
    }

    @Override
    public void writeArguments(SoapWriter out) {
        out.leaf("DelaySeconds", delaySeconds).leaf("CommandKey", commandKey);
    }
}
