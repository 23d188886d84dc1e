package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpDecodeException;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

import java.util.List;
import java.util.Objects;

/** One entry of a SetParameterAttributes request; the *Change flags say which of the two attributes to apply. */
public record SetParameterAttributesStruct(String name, boolean notificationChange, int notification,
                                           boolean accessListChange, List<String> accessList) {

    public static final int NOTIFICATION_OFF = 0;
    public static final int NOTIFICATION_PASSIVE = 1;
    public static final int NOTIFICATION_ACTIVE = 2;

    public SetParameterAttributesStruct {
        Objects.requireNonNull(name, "name");
        accessList = List.copyOf(accessList);
    }

    /** Changes only the notification attribute of {@code name}. */
    public static SetParameterAttributesStruct notification(String name, int notification) {
        return new SetParameterAttributesStruct(name, true, notification, false, List.of());
    }

    static SetParameterAttributesStruct read(XmlElement e) throws CwmpDecodeException {
        return new SetParameterAttributesStruct(e.requiredText("Name"), e.booleanOr("NotificationChange", false),
                e.intOr("Notification", 0), e.booleanOr("AccessListChange", false), Text.readStrings(e, "AccessList"));
    }

    void write(SoapWriter out) {
        out.open("SetParameterAttributesStruct").leaf("Name", name)
                .leaf("NotificationChange", notificationChange).leaf("Notification", notification)
                .leaf("AccessListChange", accessListChange).stringArray("AccessList", accessList)
                .close("SetParameterAttributesStruct");
    }
}
