package io.cpeoperator.simulator.usp;

import io.cpeoperator.bridge.usp.proto.UspMsg;

/** Small builders shared by the handlers. */
final class UspMessages {

    private UspMessages() {
    }

    static UspMsg.Msg response(String msgId, UspMsg.Header.MsgType type, UspMsg.Response response) {
        return UspMsg.Msg.newBuilder()
                .setHeader(UspMsg.Header.newBuilder().setMsgId(msgId).setMsgType(type))
                .setBody(UspMsg.Body.newBuilder().setResponse(response))
                .build();
    }

    static UspMsg.Msg error(String msgId, int code, String message, UspMsg.Error.ParamError... paramErrors) {
        UspMsg.Error.Builder error = UspMsg.Error.newBuilder().setErrCode(code).setErrMsg(message);
        for (UspMsg.Error.ParamError paramError : paramErrors) {
            error.addParamErrs(paramError);
        }
        return UspMsg.Msg.newBuilder()
                .setHeader(UspMsg.Header.newBuilder().setMsgId(msgId).setMsgType(UspMsg.Header.MsgType.ERROR))
                .setBody(UspMsg.Body.newBuilder().setError(error))
                .build();
    }

    static UspMsg.Msg request(String msgId, UspMsg.Header.MsgType type, UspMsg.Request request) {
        return UspMsg.Msg.newBuilder()
                .setHeader(UspMsg.Header.newBuilder().setMsgId(msgId).setMsgType(type))
                .setBody(UspMsg.Body.newBuilder().setRequest(request))
                .build();
    }

    /** obuspa prefixes its messages with the function that failed; controllers log them verbatim. */
    static String invalidPath(String path) {
        String shown = path.endsWith(".") ? path.substring(0, path.length() - 1) : path;
        return "DM_PRIV_GetNodeFromPath: Path is invalid: " + shown;
    }
}
