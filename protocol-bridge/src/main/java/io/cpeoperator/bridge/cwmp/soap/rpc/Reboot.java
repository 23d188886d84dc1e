package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpRequest;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

/** Reboots the CPE after the session; it comes back with "1 BOOT" and "M Reboot" carrying {@code commandKey}. */
public record Reboot(String commandKey) implements CwmpRequest<RebootResponse> {

    public static final String NAME = "Reboot";

    public Reboot {
        commandKey = Text.orEmpty(commandKey);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<RebootResponse> responseType() {
        return RebootResponse.class;
    }

    static Reboot read(XmlElement e) {
        return new Reboot(e.childText("CommandKey", ""));
    }

    @Override
    public void writeArguments(SoapWriter out) {
        out.leaf("CommandKey", commandKey);
    }
}
