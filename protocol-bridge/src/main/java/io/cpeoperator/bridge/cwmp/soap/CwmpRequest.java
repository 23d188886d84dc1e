package io.cpeoperator.bridge.cwmp.soap;

/**
 * A CWMP request, answered by a response of type {@code R} or by a Fault. Used in both directions: ACS requests
 * (GetParameterValues, ...) and CPE requests (Inform, TransferComplete, ...).
 */
public interface CwmpRequest<R extends CwmpResponse> extends CwmpMessage {

    Class<R> responseType();
}
