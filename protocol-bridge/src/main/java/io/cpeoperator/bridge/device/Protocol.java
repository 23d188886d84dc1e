package io.cpeoperator.bridge.device;

/** The management protocol a device speaks. */
public enum Protocol {
    /** TR-069 CPE WAN Management Protocol: SOAP over HTTP(S), sessions opened by the device. */
    CWMP("cwmp"),
    /** TR-369 User Services Platform: protobuf records over MQTT or WebSocket. */
    USP("usp");

    private final String prefix;

    Protocol(String prefix) {
        this.prefix = prefix;
    }

    /** The lower-case prefix used in the canonical text form of a {@link DeviceId}. */
    public String prefix() {
        return prefix;
    }
}
