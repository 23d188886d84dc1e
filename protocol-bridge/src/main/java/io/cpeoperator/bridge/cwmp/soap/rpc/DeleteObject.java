package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpDecodeException;
import io.cpeoperator.bridge.cwmp.soap.CwmpRequest;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

/** Deletes one object instance ({@code objectName} is the instance path ending in '.'). */
public record DeleteObject(String objectName, String parameterKey) implements CwmpRequest<DeleteObjectResponse> {

    public static final String NAME = "DeleteObject";

    public DeleteObject {
        objectName = Text.orEmpty(objectName);
        parameterKey = Text.orEmpty(parameterKey);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<DeleteObjectResponse> responseType() {
        return DeleteObjectResponse.class;
    }

    static DeleteObject read(XmlElement e) throws CwmpDecodeException {
        return new DeleteObject(e.requiredText("ObjectName"), e.childText("ParameterKey", ""));
    }

    @Override
    public void writeArguments(SoapWriter out) {
        out.leaf("ObjectName", objectName).leaf("ParameterKey", parameterKey);
    }
}
