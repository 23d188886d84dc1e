package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpResponse;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

/** The CPE accepted a ScheduleInform. */
public record ScheduleInformResponse() implements CwmpResponse {

    public static final String NAME = "ScheduleInformResponse";

    @Override
    public String name() {
        return NAME;
    }

    static ScheduleInformResponse read(XmlElement e) {
        return new ScheduleInformResponse();
    }

    @Override
    public void writeArguments(SoapWriter out) {
        // no arguments
    }
}
