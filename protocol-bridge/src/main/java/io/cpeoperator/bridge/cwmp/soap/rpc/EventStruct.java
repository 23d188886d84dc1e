package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpDecodeException;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

/** One Inform event, e.g. {@code 1 BOOT} or {@code M Download} with the CommandKey of the request it answers. */
public record EventStruct(String eventCode, String commandKey) {

    public static final String BOOTSTRAP = "0 BOOTSTRAP";
    public static final String BOOT = "1 BOOT";
    public static final String PERIODIC = "2 PERIODIC";
    public static final String SCHEDULED = "3 SCHEDULED";
    public static final String VALUE_CHANGE = "4 VALUE CHANGE";
    public static final String KICKED = "5 KICKED";
    public static final String CONNECTION_REQUEST = "6 CONNECTION REQUEST";
    public static final String TRANSFER_COMPLETE = "7 TRANSFER COMPLETE";
    public static final String DIAGNOSTICS_COMPLETE = "8 DIAGNOSTICS COMPLETE";
    public static final String REQUEST_DOWNLOAD = "9 REQUEST DOWNLOAD";
    public static final String AUTONOMOUS_TRANSFER_COMPLETE = "10 AUTONOMOUS TRANSFER COMPLETE";
    public static final String M_REBOOT = "M Reboot";
    public static final String M_DOWNLOAD = "M Download";
    public static final String M_SCHEDULE_INFORM = "M ScheduleInform";
    public static final String M_UPLOAD = "M Upload";

    public EventStruct {
        eventCode = Text.orEmpty(eventCode);
        commandKey = Text.orEmpty(commandKey);
    }

    public static EventStruct of(String eventCode) {
        return new EventStruct(eventCode, "");
    }

    static EventStruct read(XmlElement e) throws CwmpDecodeException {
        return new EventStruct(e.requiredText("EventCode"), e.childText("CommandKey", ""));
    }

    void write(SoapWriter out) {
        out.open("EventStruct").leaf("EventCode", eventCode).leaf("CommandKey", commandKey).close("EventStruct");
    }
}
