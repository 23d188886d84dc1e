package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpDecodeException;
import io.cpeoperator.bridge.cwmp.soap.CwmpRequest;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

/**
 * Discovers the data model below {@code parameterPath} (a partial path ending in '.', or empty for the root):
 * everything below it, or with {@code nextLevel} only its direct children.
 */
public record GetParameterNames(String parameterPath, boolean nextLevel)
        implements CwmpRequest<GetParameterNamesResponse> {

    public static final String NAME = "GetParameterNames";

    public GetParameterNames {
        parameterPath = Text.orEmpty(parameterPath);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<GetParameterNamesResponse> responseType() {
        return GetParameterNamesResponse.class;
    }

    static GetParameterNames read(XmlElement e) throws CwmpDecodeException {
        return new GetParameterNames(e.childText("ParameterPath", ""), e.requiredBoolean("NextLevel"));
    }

    @Override
    public void writeArguments(SoapWriter out) {
        out.leaf("ParameterPath", parameterPath).leaf("NextLevel", nextLevel);
    }
}
