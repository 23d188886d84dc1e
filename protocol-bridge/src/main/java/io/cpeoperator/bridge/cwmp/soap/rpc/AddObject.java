package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpDecodeException;
import io.cpeoperator.bridge.cwmp.soap.CwmpRequest;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

/** Creates an instance of a multi-instance object ({@code objectName} is the table path ending in '.'). */
public record AddObject(String objectName, String parameterKey) implements CwmpRequest<AddObjectResponse> {

    public static final String NAME = "AddObject";

    public AddObject {
        objectName = Text.orEmpty(objectName);
        parameterKey = Text.orEmpty(parameterKey);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<AddObjectResponse> responseType() {
        return AddObjectResponse.class;
    }

    static AddObject read(XmlElement e) throws CwmpDecodeException {
        return new AddObject(e.requiredText("ObjectName"), e.childText("ParameterKey", ""));
    }

    @Override
    public void writeArguments(SoapWriter out) {
        out.leaf("ObjectName", objectName).leaf("ParameterKey", parameterKey);
    }
}
