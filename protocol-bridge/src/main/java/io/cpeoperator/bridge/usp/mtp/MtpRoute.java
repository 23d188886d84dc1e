package io.cpeoperator.bridge.usp.mtp;

import java.util.Optional;

/**
 * How to reach one agent over one message transfer protocol: an MQTT topic (with its MQTT 5 or 3.1.1 convention)
 * or an open WebSocket. Routes are learnt from inbound traffic and replaced when the agent reconnects.
 */
public interface MtpRoute {

    /** Sends one serialized record; never blocks, failures are logged and counted by the MTP. */
    void send(byte[] record);

    /**
     * A stable description of the address, compared to detect an endpoint ID arriving over a different path than
     * the one it was bound to (spoofing), e.g. {@code mqtt:usp/agent/os::012345-CPE0001}.
     */
    String address();

    /** The endpoint ID the transport itself authenticated or declared (WebSocket {@code eid}); empty for MQTT. */
    Optional<String> transportEndpointId();

    /** False once the underlying channel closed (WebSocket); MQTT routes stay usable across reconnects. */
    default boolean isOpen() {
        return true;
    }
}
