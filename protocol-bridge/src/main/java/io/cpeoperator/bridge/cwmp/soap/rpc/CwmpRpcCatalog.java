package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.MessageReader;

import java.util.HashMap;
import java.util.Map;

/** The readers of every TR-069 method in both directions, by the method element's local name. */
public final class CwmpRpcCatalog {

    private static final Map<String, MessageReader> STANDARD = build();

    private CwmpRpcCatalog() {
    }

    public static Map<String, MessageReader> standard() {
        return STANDARD;
    }

    private static Map<String, MessageReader> build() {
        Map<String, MessageReader> readers = new HashMap<>();
        // CPE -> ACS requests and their responses
        readers.put(Inform.NAME, Inform::read);
        readers.put(InformResponse.NAME, InformResponse::read);
        readers.put(TransferComplete.NAME, TransferComplete::read);
        readers.put(TransferCompleteResponse.NAME, TransferCompleteResponse::read);
        readers.put(AutonomousTransferComplete.NAME, AutonomousTransferComplete::read);
        readers.put(AutonomousTransferCompleteResponse.NAME, AutonomousTransferCompleteResponse::read);
        readers.put(RequestDownload.NAME, RequestDownload::read);
        readers.put(RequestDownloadResponse.NAME, RequestDownloadResponse::read);
        // either direction
        readers.put(GetRPCMethods.NAME, GetRPCMethods::read);
        readers.put(GetRPCMethodsResponse.NAME, GetRPCMethodsResponse::read);
        readers.put(CwmpFault.NAME, CwmpFault::read);
        // ACS -> CPE requests and their responses
        readers.put(GetParameterNames.NAME, GetParameterNames::read);
        readers.put(GetParameterNamesResponse.NAME, GetParameterNamesResponse::read);
        readers.put(GetParameterValues.NAME, GetParameterValues::read);
        readers.put(GetParameterValuesResponse.NAME, GetParameterValuesResponse::read);
        readers.put(SetParameterValues.NAME, SetParameterValues::read);
        readers.put(SetParameterValuesResponse.NAME, SetParameterValuesResponse::read);
        readers.put(GetParameterAttributes.NAME, GetParameterAttributes::read);
        readers.put(GetParameterAttributesResponse.NAME, GetParameterAttributesResponse::read);
        readers.put(SetParameterAttributes.NAME, SetParameterAttributes::read);
        readers.put(SetParameterAttributesResponse.NAME, SetParameterAttributesResponse::read);
        readers.put(AddObject.NAME, AddObject::read);
        readers.put(AddObjectResponse.NAME, AddObjectResponse::read);
        readers.put(DeleteObject.NAME, DeleteObject::read);
        readers.put(DeleteObjectResponse.NAME, DeleteObjectResponse::read);
        readers.put(Reboot.NAME, Reboot::read);
        readers.put(RebootResponse.NAME, RebootResponse::read);
        readers.put(FactoryReset.NAME, FactoryReset::read);
        readers.put(FactoryResetResponse.NAME, FactoryResetResponse::read);
        readers.put(Download.NAME, Download::read);
        readers.put(DownloadResponse.NAME, DownloadResponse::read);
        readers.put(ScheduleInform.NAME, ScheduleInform::read);
        readers.put(ScheduleInformResponse.NAME, ScheduleInformResponse::read);
        return Map.copyOf(readers);
    }
}
