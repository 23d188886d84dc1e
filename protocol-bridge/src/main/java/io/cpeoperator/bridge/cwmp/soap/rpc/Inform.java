package io.cpeoperator.bridge.cwmp.soap.rpc;

import io.cpeoperator.bridge.cwmp.soap.CwmpDecodeException;
import io.cpeoperator.bridge.cwmp.soap.CwmpRequest;
import io.cpeoperator.bridge.cwmp.soap.SoapWriter;
import io.cpeoperator.bridge.cwmp.soap.XmlElement;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The CPE's session opener. {@code currentTime} is kept as on the wire (devices send milliseconds, offsets, or the
 * unknown time); {@code maxEnvelopes} is what the CPE accepts per HTTP response (the ACS always sends one).
 */
public record Inform(DeviceIdStruct deviceId, List<EventStruct> events, int maxEnvelopes, String currentTime,
                     int retryCount, List<ParameterValueStruct> parameters) implements CwmpRequest<InformResponse> {

    public static final String NAME = "Inform";

    public Inform {
        Objects.requireNonNull(deviceId, "deviceId");
        events = List.copyOf(events);
        currentTime = Text.orEmpty(currentTime);
        parameters = List.copyOf(parameters);
    }

    public boolean hasEvent(String eventCode) {
        for (EventStruct event : events) {
            if (event.eventCode().equals(eventCode)) {
                return true;
            }
        }
        return false;
    }

    /** The value of an Inform parameter by its full name. */
    public Optional<String> parameter(String name) {
        for (ParameterValueStruct parameter : parameters) {
            if (parameter.name().equals(name)) {
                return Optional.of(parameter.value());
            }
        }
        return Optional.empty();
    }

    /** The data-model root the device reports in: {@code InternetGatewayDevice.} (TR-098) or {@code Device.}. */
    public String dataModelRoot() {
        for (ParameterValueStruct parameter : parameters) {
            if (parameter.name().startsWith("InternetGatewayDevice.")) {
                return "InternetGatewayDevice.";
            }
        }
        return "Device.";
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<InformResponse> responseType() {
        return InformResponse.class;
    }

    static Inform read(XmlElement e) throws CwmpDecodeException {
        return new Inform(DeviceIdStruct.read(e.requiredChild("DeviceId")),
                Text.readArray(e, "Event", EventStruct::read), e.intOr("MaxEnvelopes", 1),
                e.childText("CurrentTime", ""), e.intOr("RetryCount", 0),
                Text.readArray(e, "ParameterList", ParameterValueStruct::read));
    }

    @Override
    public void writeArguments(SoapWriter out) {
        deviceId.write(out);
        out.openArray("Event", "cwmp:EventStruct", events.size());
        events.forEach(event -> event.write(out));
        out.close("Event")
                .leaf("MaxEnvelopes", maxEnvelopes)
                .leaf("CurrentTime", currentTime)
                .leaf("RetryCount", retryCount)
                .openArray("ParameterList", "cwmp:ParameterValueStruct", parameters.size());
        parameters.forEach(parameter -> parameter.write(out));
        out.close("ParameterList");
    }
}
