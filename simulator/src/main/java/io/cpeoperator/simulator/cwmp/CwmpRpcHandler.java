package io.cpeoperator.simulator.cwmp;

import io.cpeoperator.bridge.cwmp.soap.CwmpMessage;
import io.cpeoperator.bridge.cwmp.soap.rpc.AddObject;
import io.cpeoperator.bridge.cwmp.soap.rpc.AddObjectResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.CwmpFault;
import io.cpeoperator.bridge.cwmp.soap.rpc.DeleteObject;
import io.cpeoperator.bridge.cwmp.soap.rpc.DeleteObjectResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.Download;
import io.cpeoperator.bridge.cwmp.soap.rpc.DownloadResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.FactoryReset;
import io.cpeoperator.bridge.cwmp.soap.rpc.FactoryResetResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetParameterAttributes;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetParameterAttributesResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetParameterNames;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetParameterNamesResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetParameterValues;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetParameterValuesResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetRPCMethods;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetRPCMethodsResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.ParameterAttributeStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.ParameterInfoStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.ParameterValueStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.Reboot;
import io.cpeoperator.bridge.cwmp.soap.rpc.RebootResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.ScheduleInform;
import io.cpeoperator.bridge.cwmp.soap.rpc.ScheduleInformResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.SetParameterAttributes;
import io.cpeoperator.bridge.cwmp.soap.rpc.SetParameterAttributesResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.SetParameterAttributesStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.SetParameterValues;
import io.cpeoperator.bridge.cwmp.soap.rpc.SetParameterValuesFault;
import io.cpeoperator.bridge.cwmp.soap.rpc.SetParameterValuesResponse;
import io.cpeoperator.simulator.device.BootCause;
import io.cpeoperator.simulator.device.DataModelException;
import io.cpeoperator.simulator.device.DataModelReader;
import io.cpeoperator.simulator.device.DataModelWriter;
import io.cpeoperator.simulator.device.Fault;
import io.cpeoperator.simulator.device.NameEntry;
import io.cpeoperator.simulator.device.Param;
import io.cpeoperator.simulator.device.VirtualDevice;
import io.cpeoperator.simulator.device.Write;
import io.cpeoperator.simulator.engine.DeviceLifecycle;
import io.cpeoperator.simulator.engine.FirmwareInstaller;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Answers every ACS request of TR-069 Annex A that a gateway implements, from the device's data model, with the
 * fault codes of Table A.5. Effects that must wait for the session's end (Reboot, FactoryReset) are returned as
 * a follow-up action.
 */
final class CwmpRpcHandler {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CwmpRpcHandler.class);

    /** Bound on one GetParameterValues / GetParameterNames answer; a real CPE refuses beyond its memory. */
    static final int MAX_PARAMETERS_PER_RESPONSE = 20_000;
    private static final String NOTIFY_PREFIX = "#notify:";
    private static final String UNKNOWN_TIME = "0001-01-01T00:00:00Z";
    private static final List<String> METHODS = List.of("GetRPCMethods", "GetParameterNames", "GetParameterValues",
            "SetParameterValues", "GetParameterAttributes", "SetParameterAttributes", "AddObject", "DeleteObject",
            "Reboot", "FactoryReset", "Download", "ScheduleInform");

    private final VirtualDevice device;
    private final DeviceLifecycle lifecycle;
    private final CwmpSessionTrigger trigger;

    CwmpRpcHandler(DeviceLifecycle lifecycle, CwmpSessionTrigger trigger) {
        this.device = lifecycle.device();
        this.lifecycle = lifecycle;
        this.trigger = trigger;
    }

    /** The answer and what to do once the session ended (null for nothing). */
    record Answer(CwmpMessage message, Runnable afterSession) {
        static Answer of(CwmpMessage message) {
            return new Answer(message, null);
        }
    }

    Answer answer(CwmpMessage request) {
        try {
            if (request instanceof GetRPCMethods) {
                return Answer.of(new GetRPCMethodsResponse(METHODS));
            } else if (request instanceof GetParameterNames r) {
                return Answer.of(names(r));
            } else if (request instanceof GetParameterValues r) {
                return Answer.of(values(r));
            } else if (request instanceof SetParameterValues r) {
                SetParameterValuesResponse response = set(r);
                // TR-069 A.4.1: once a requested diagnostic completes, the CPE opens a session to say so
                return requestsDiagnostic(r) ? new Answer(response, trigger::diagnosticsCompleted) : Answer.of(response);
            } else if (request instanceof AddObject r) {
                return Answer.of(new AddObjectResponse(
                        DataModelWriter.addObject(device, r.objectName(), Map.of(), r.parameterKey()), 0));
            } else if (request instanceof DeleteObject r) {
                DataModelWriter.deleteObject(device, r.objectName(), r.parameterKey());
                return Answer.of(new DeleteObjectResponse(0));
            } else if (request instanceof GetParameterAttributes r) {
                return Answer.of(attributes(r));
            } else if (request instanceof SetParameterAttributes r) {
                return Answer.of(setAttributes(r));
            } else if (request instanceof Reboot r) {
                return new Answer(new RebootResponse(), () -> lifecycle.reboot(BootCause.REMOTE_REBOOT, r.commandKey()));
            } else if (request instanceof FactoryReset) {
                return new Answer(new FactoryResetResponse(), () -> lifecycle.factoryReset(""));
            } else if (request instanceof Download r) {
                return Answer.of(download(r));
            } else if (request instanceof ScheduleInform r) {
                trigger.scheduled(r.delaySeconds(), r.commandKey());
                return Answer.of(new ScheduleInformResponse());
            }
            return Answer.of(CwmpFault.of(Fault.METHOD_NOT_SUPPORTED.cwmpCode(), Fault.METHOD_NOT_SUPPORTED.cwmpString()));
        } catch (DataModelException e) {
            LOG.debug("{} answered {} with fault {}: {}", device.id(), request.name(), e.fault().cwmpCode(), e.getMessage());
            return Answer.of(fault(e));
        }
    }

    private GetParameterNamesResponse names(GetParameterNames request) throws DataModelException {
        List<NameEntry> entries = DataModelReader.names(device, request.parameterPath(), request.nextLevel());
        if (entries.size() > MAX_PARAMETERS_PER_RESPONSE) {
            throw new DataModelException(Fault.RESOURCES_EXCEEDED, "Too many parameters in one response");
        }
        List<ParameterInfoStruct> infos = new ArrayList<>(entries.size());
        for (NameEntry entry : entries) {
            infos.add(new ParameterInfoStruct(entry.path(), entry.writable()));
        }
        return new GetParameterNamesResponse(infos);
    }

    private GetParameterValuesResponse values(GetParameterValues request) throws DataModelException {
        List<ParameterValueStruct> values = new ArrayList<>();
        for (String name : request.parameterNames()) {
            for (Param param : DataModelReader.read(device, name)) {
                values.add(new ParameterValueStruct(param.path(), param.value(), param.type()));
            }
            if (values.size() > MAX_PARAMETERS_PER_RESPONSE) {
                throw new DataModelException(Fault.RESOURCES_EXCEEDED, "Too many parameters in one response");
            }
        }
        return new GetParameterValuesResponse(values);
    }

    private SetParameterValuesResponse set(SetParameterValues request) throws DataModelException {
        device.countParameterWriteRequest();
        List<Write> writes = new ArrayList<>(request.parameters().size());
        for (ParameterValueStruct parameter : request.parameters()) {
            writes.add(new Write(parameter.name(), parameter.value(), parameter.type()));
        }
        DataModelWriter.set(device, writes, request.parameterKey());
        trigger.periodicSettingsChanged();
        return new SetParameterValuesResponse(0);
    }

    private boolean requestsDiagnostic(SetParameterValues request) {
        return request.parameters().stream().anyMatch(p -> p.name().endsWith("." + DataModelWriter.DIAGNOSTICS_STATE)
                && DataModelWriter.REQUESTED.equals(p.value()));
    }

    private GetParameterAttributesResponse attributes(GetParameterAttributes request) throws DataModelException {
        List<ParameterAttributeStruct> attributes = new ArrayList<>();
        for (String name : request.parameterNames()) {
            for (Param param : DataModelReader.read(device, name)) {
                String stored = device.valueOf(NOTIFY_PREFIX + param.path());
                attributes.add(new ParameterAttributeStruct(param.path(), stored == null ? 0 : Integer.parseInt(stored), List.of()));
            }
        }
        return new GetParameterAttributesResponse(attributes);
    }

    private SetParameterAttributesResponse setAttributes(SetParameterAttributes request) throws DataModelException {
        for (SetParameterAttributesStruct attribute : request.parameters()) {
            if (attribute.notification() < 0 || attribute.notification() > 2) {
                throw new DataModelException(Fault.INVALID_ARGUMENTS, "Notification must be 0, 1 or 2");
            }
            DataModelReader.read(device, attribute.name());
        }
        for (SetParameterAttributesStruct attribute : request.parameters()) {
            if (attribute.notificationChange()) {
                CwmpNotifications.store(device, attribute.name(), attribute.notification());
            }
        }
        trigger.notificationsChanged();
        return new SetParameterAttributesResponse();
    }

    private DownloadResponse download(Download request) throws DataModelException {
        device.countDownloadRequest();
        if (!request.fileType().startsWith("1 ")) {
            throw new DataModelException(Fault.INVALID_ARGUMENTS, "Unsupported file type " + request.fileType());
        }
        FirmwareInstaller.validate(request.url());
        FirmwareInstaller.start(lifecycle, request.url(), request.commandKey(), result -> { }, trigger::transferCompleted);
        return new DownloadResponse(1, UNKNOWN_TIME, UNKNOWN_TIME);
    }

    static CwmpFault fault(DataModelException e) {
        List<SetParameterValuesFault> parameterFaults = new ArrayList<>();
        for (DataModelException.ParamFault fault : e.paramFaults()) {
            parameterFaults.add(new SetParameterValuesFault(fault.path(), fault.fault().cwmpCode(), fault.fault().cwmpString()));
        }
        int code = e.fault().cwmpCode();
        return new CwmpFault(null, "CWMP fault", code, e.fault().cwmpString(), parameterFaults);
    }
}
