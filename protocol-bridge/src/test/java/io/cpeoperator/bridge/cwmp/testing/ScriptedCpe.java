package io.cpeoperator.bridge.cwmp.testing;

import io.cpeoperator.bridge.cwmp.soap.CwmpCodec;
import io.cpeoperator.bridge.cwmp.soap.CwmpEnvelope;
import io.cpeoperator.bridge.cwmp.soap.CwmpMessage;
import io.cpeoperator.bridge.cwmp.soap.CwmpVersion;
import io.cpeoperator.bridge.cwmp.soap.SoapLimits;
import io.cpeoperator.bridge.cwmp.soap.rpc.AddObject;
import io.cpeoperator.bridge.cwmp.soap.rpc.AddObjectResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.CwmpFault;
import io.cpeoperator.bridge.cwmp.soap.rpc.DeleteObject;
import io.cpeoperator.bridge.cwmp.soap.rpc.DeleteObjectResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.DeviceIdStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.Download;
import io.cpeoperator.bridge.cwmp.soap.rpc.DownloadResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.EventStruct;
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
import io.cpeoperator.bridge.cwmp.soap.rpc.Inform;
import io.cpeoperator.bridge.cwmp.soap.rpc.ParameterAttributeStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.ParameterInfoStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.ParameterValueStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.Reboot;
import io.cpeoperator.bridge.cwmp.soap.rpc.RebootResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.ScheduleInform;
import io.cpeoperator.bridge.cwmp.soap.rpc.ScheduleInformResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.SetParameterAttributes;
import io.cpeoperator.bridge.cwmp.soap.rpc.SetParameterAttributesResponse;
import io.cpeoperator.bridge.cwmp.soap.rpc.SetParameterValues;
import io.cpeoperator.bridge.cwmp.soap.rpc.SetParameterValuesResponse;
import io.cpeoperator.bridge.twin.ParameterType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A small in-test CPE over raw HTTP: it holds a data model, opens sessions with an Inform, and answers every ACS
 * request from the model (or with an injected fault). Good enough to drive the ACS through whole sessions.
 */
public final class ScriptedCpe {

    /** One parameter of the model. */
    public record Param(String value, ParameterType type, boolean writable) {
    }

    private final int port;
    private final String path;
    private final DeviceIdStruct deviceId;
    private final String root;
    private final CwmpCodec codec = new CwmpCodec(SoapLimits.defaults());
    private final Map<String, Param> model = new TreeMap<>();
    private final Map<String, Integer> notifications = new ConcurrentHashMap<>();
    private final Map<String, Function<CwmpMessage, CwmpMessage>> overrides = new ConcurrentHashMap<>();
    private final List<CwmpMessage> received = new CopyOnWriteArrayList<>();
    private CwmpVersion version = CwmpVersion.V1_0;
    private String authorization;
    private String connectionRequestUrl = "";
    private String staleCookie;

    public ScriptedCpe(int port, String serial, String root) {
        this(port, "/", serial, root);
    }

    public ScriptedCpe(int port, String path, String serial, String root) {
        this.port = port;
        this.path = path;
        this.deviceId = new DeviceIdStruct("Test Networks", "00D09E", "HGW", serial);
        this.root = root;
        put(root + "DeviceInfo.SoftwareVersion", "1.0", ParameterType.STRING, false);
        put(root + "DeviceInfo.UpTime", "100", ParameterType.UNSIGNED_INT, false);
        put(root + "ManagementServer.PeriodicInformInterval", "300", ParameterType.UNSIGNED_INT, true);
        put(root + "WiFi.SSID.1.SSID", "home", ParameterType.STRING, true);
        put(root + "WiFi.SSID.1.Enable", "true", ParameterType.BOOLEAN, true);
        put(root + "WiFi.Radio.1.Channel", "6", ParameterType.UNSIGNED_INT, true);
    }

    public ScriptedCpe put(String name, String value, ParameterType type, boolean writable) {
        synchronized (model) {
            model.put(name, new Param(value, type, writable));
        }
        return this;
    }

    /** The parameter disappears from the device (a LAN host leaves, an associated station roams away). */
    public ScriptedCpe remove(String name) {
        synchronized (model) {
            model.remove(name);
        }
        return this;
    }

    public Param param(String name) {
        synchronized (model) {
            return model.get(name);
        }
    }

    public int leafCount() {
        synchronized (model) {
            return model.size();
        }
    }

    public ScriptedCpe version(CwmpVersion newVersion) {
        version = newVersion;
        return this;
    }

    public ScriptedCpe authorization(String header) {
        authorization = header;
        return this;
    }

    public ScriptedCpe connectionRequestUrl(String url) {
        connectionRequestUrl = url;
        return this;
    }

    /** Answers every request of this method with {@code answer} instead of the model. */
    public ScriptedCpe override(String method, Function<CwmpMessage, CwmpMessage> answer) {
        overrides.put(method, answer);
        return this;
    }

    public ScriptedCpe fault(String method, int code, String message) {
        return override(method, request -> CwmpFault.of(code, message));
    }

    public ScriptedCpe clearOverrides() {
        overrides.clear();
        return this;
    }

    /** Every ACS request this CPE received, in order. */
    public List<CwmpMessage> received() {
        return received;
    }

    public Map<String, Integer> notifications() {
        return notifications;
    }

    public String deviceKey() {
        return deviceId.oui() + "-" + deviceId.productClass() + "-" + deviceId.serialNumber();
    }

    /** A whole session on a new connection: Inform, empty POST, answers until the ACS sends 204. */
    public List<CwmpMessage> runSession(String... events) throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(port)) {
            String cookie = inform(connection, events);
            return serve(connection, cookie, new byte[0]);
        }
    }

    /** Sends the Inform and returns the session cookie (also remembered, and sent again as a stale one). */
    public String inform(RawHttpConnection connection, String... events) throws Exception {
        RawHttpConnection.Reply reply = connection.post(path, informBytes(events), "Authorization", authorization,
                "Cookie", staleCookie == null ? null : "cwmpsid=" + staleCookie + "; Path=/");
        if (reply.status() != 200) {
            throw new IllegalStateException("Inform answered " + reply.status());
        }
        staleCookie = reply.sessionCookie();
        return staleCookie;
    }

    public byte[] informBytes(String... events) {
        List<EventStruct> eventList = new ArrayList<>();
        for (String event : events) {
            eventList.add(EventStruct.of(event));
        }
        List<ParameterValueStruct> parameters = List.of(
                new ParameterValueStruct(root + "DeviceInfo.SoftwareVersion", param(root + "DeviceInfo.SoftwareVersion").value(),
                        ParameterType.STRING),
                ParameterValueStruct.string(root + "ManagementServer.ConnectionRequestURL", connectionRequestUrl));
        return codec.encode(CwmpEnvelope.of(version, "cpe-1", new Inform(deviceId, eventList, 1,
                "2026-11-25T14:56:07Z", 0, parameters)));
    }

    /** Posts {@code first} (empty POST or a CPE request) and answers ACS requests until the 204. */
    public List<CwmpMessage> serve(RawHttpConnection connection, String cookie, byte[] first) throws Exception {
        List<CwmpMessage> requests = new ArrayList<>();
        RawHttpConnection.Reply reply = post(connection, cookie, first);
        while (reply.status() == 200) {
            CwmpEnvelope request = codec.decode(reply.body());
            requests.add(request.message());
            received.add(request.message());
            CwmpMessage answer = answer(request.message());
            reply = post(connection, cookie, codec.encode(CwmpEnvelope.of(request.version(), request.id(), answer)));
        }
        if (reply.status() != 204) {
            throw new IllegalStateException("session ended with " + reply.status());
        }
        return requests;
    }

    public RawHttpConnection.Reply post(RawHttpConnection connection, String cookie, byte[] body) throws Exception {
        return connection.post(path, body, "Authorization", authorization, "Cookie", "cwmpsid=" + cookie + "; Path=/");
    }

    public CwmpMessage answer(CwmpMessage request) {
        Function<CwmpMessage, CwmpMessage> override = overrides.get(request.name());
        if (override != null) {
            return override.apply(request);
        }
        synchronized (model) {
            return fromModel(request);
        }
    }

    private CwmpMessage fromModel(CwmpMessage request) {
        if (request instanceof GetParameterNames names) {
            return names(names);
        }
        if (request instanceof GetParameterValues values) {
            List<ParameterValueStruct> found = new ArrayList<>();
            for (String name : values.parameterNames()) {
                Param param = model.get(name);
                if (param == null) {
                    return CwmpFault.of(CwmpFault.CPE_INVALID_PARAMETER_NAME, "Invalid parameter name");
                }
                found.add(new ParameterValueStruct(name, param.value(), param.type()));
            }
            return new GetParameterValuesResponse(found);
        }
        if (request instanceof SetParameterValues set) {
            for (ParameterValueStruct value : set.parameters()) {
                Param old = model.get(value.name());
                model.put(value.name(), new Param(value.value(), value.type(), old == null || old.writable()));
            }
            return new SetParameterValuesResponse(0);
        }
        if (request instanceof AddObject add) {
            int next = 1;
            for (String name : model.keySet()) {
                if (name.startsWith(add.objectName())) {
                    String rest = name.substring(add.objectName().length());
                    next = Math.max(next, Integer.parseInt(rest.substring(0, rest.indexOf('.'))) + 1);
                }
            }
            model.put(add.objectName() + next + ".Enable", new Param("false", ParameterType.BOOLEAN, true));
            return new AddObjectResponse(next, 0);
        }
        if (request instanceof DeleteObject delete) {
            model.keySet().removeIf(name -> name.startsWith(delete.objectName()));
            return new DeleteObjectResponse(0);
        }
        if (request instanceof GetParameterAttributes attributes) {
            return new GetParameterAttributesResponse(attributes.parameterNames().stream()
                    .map(name -> new ParameterAttributeStruct(name, notifications.getOrDefault(name, 0), List.of()))
                    .toList());
        }
        if (request instanceof SetParameterAttributes attributes) {
            attributes.parameters().forEach(p -> notifications.put(p.name(), p.notification()));
            return new SetParameterAttributesResponse();
        }
        if (request instanceof Reboot) {
            return new RebootResponse();
        }
        if (request instanceof FactoryReset) {
            return new FactoryResetResponse();
        }
        if (request instanceof ScheduleInform) {
            return new ScheduleInformResponse();
        }
        if (request instanceof Download) {
            return DownloadResponse.pending();
        }
        if (request instanceof GetRPCMethods) {
            return new GetRPCMethodsResponse(List.of("GetParameterNames", "GetParameterValues"));
        }
        return CwmpFault.of(CwmpFault.CPE_METHOD_NOT_SUPPORTED, "Method not supported");
    }

    private CwmpMessage names(GetParameterNames request) {
        String base = request.parameterPath().isEmpty() ? root : request.parameterPath();
        Set<String> objects = new LinkedHashSet<>();
        List<ParameterInfoStruct> found = new ArrayList<>();
        for (Map.Entry<String, Param> entry : model.entrySet()) {
            String name = entry.getKey();
            if (!name.startsWith(base)) {
                continue;
            }
            String rest = name.substring(base.length());
            int dot = rest.indexOf('.');
            if (request.nextLevel()) {
                if (dot < 0) {
                    found.add(new ParameterInfoStruct(name, entry.getValue().writable()));
                } else if (objects.add(base + rest.substring(0, dot + 1))) {
                    found.add(new ParameterInfoStruct(base + rest.substring(0, dot + 1), false));
                }
            } else {
                for (int i = rest.indexOf('.'); i >= 0; i = rest.indexOf('.', i + 1)) {
                    if (objects.add(base + rest.substring(0, i + 1))) {
                        found.add(new ParameterInfoStruct(base + rest.substring(0, i + 1), false));
                    }
                }
                found.add(new ParameterInfoStruct(name, entry.getValue().writable()));
            }
        }
        if (found.isEmpty() && !model.containsKey(base)) {
            return CwmpFault.of(CwmpFault.CPE_INVALID_PARAMETER_NAME, "Invalid parameter name");
        }
        return new GetParameterNamesResponse(found);
    }
}
