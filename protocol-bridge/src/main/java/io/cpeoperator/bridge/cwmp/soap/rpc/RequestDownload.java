package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpDecodeException;
import io.cpeoperator.bridge.cwmp.soap.CwmpRequest;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

import java.util.List;

/** The CPE asks the ACS to send it a Download of a file type. */
public record RequestDownload(String fileType, List<ArgStruct> fileTypeArgs)
        implements CwmpRequest<RequestDownloadResponse> {

    public static final String NAME = "RequestDownload";

    public RequestDownload {
        fileType = Text.orEmpty(fileType);
        fileTypeArgs = List.copyOf(fileTypeArgs);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<RequestDownloadResponse> responseType() {
        return RequestDownloadResponse.class;
    }

    static RequestDownload read(XmlElement e) throws CwmpDecodeException {
        return new RequestDownload(e.requiredText("FileType"), Text.readArray(e, "FileTypeArg", ArgStruct::read));
    }

    @Override
    public void writeArguments(SoapWriter out) {
        out.leaf("FileType", fileType).openArray("FileTypeArg", "cwmp:ArgStruct", fileTypeArgs.size());
        fileTypeArgs.forEach(arg -> arg.write(out));
        out.close("FileTypeArg");
    }
}
