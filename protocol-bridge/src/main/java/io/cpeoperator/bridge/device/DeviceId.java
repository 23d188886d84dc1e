package io.cpeoperator.bridge.device;

import java.util.Objects;

/**
 * The identity of one device, the same for both protocols: the key of its twin, its sessions and its events.
 *
 * <p>For CWMP the key is the TR-069 device identity {@code OUI-ProductClass-SerialNumber}
 * ({@code OUI-SerialNumber} when the product class is empty). For USP it is the agent's endpoint ID, for example
 * {@code os::00D09E-0123456789}. The canonical text form is {@code <protocol>:<key>}, e.g. {@code cwmp:00D09E-IGD-42}.
 */
public record DeviceId(Protocol protocol, String key) implements Comparable<DeviceId> {

    /** Longest key accepted; device-supplied identities beyond this are hostile or broken. */
    public static final int MAX_KEY_LENGTH = 256;

    public DeviceId {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(key, "key");
        if (key.isBlank()) {
            throw new IllegalArgumentException("device key must not be blank");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("device key longer than " + MAX_KEY_LENGTH + " characters");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException("device key contains a control character");
            }
        }
    }

    /** A CWMP device from the DeviceId structure of its Inform. */
    public static DeviceId cwmp(String oui, String productClass, String serialNumber) {
        requireText(oui, "OUI");
        requireText(serialNumber, "SerialNumber");
        String key = productClass == null || productClass.isBlank()
                ? oui + "-" + serialNumber
                : oui + "-" + productClass + "-" + serialNumber;
        return new DeviceId(Protocol.CWMP, key);
    }

    /** A USP agent by its endpoint ID. */
    public static DeviceId usp(String endpointId) {
        requireText(endpointId, "endpoint ID");
        return new DeviceId(Protocol.USP, endpointId);
    }

    /** Parses the canonical text form produced by {@link #toString()}. */
    public static DeviceId parse(String text) {
        Objects.requireNonNull(text, "text");
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("device id must look like cwmp:<OUI>-<ProductClass>-<Serial> or usp:<endpoint-id>");
        }
        String prefix = text.substring(0, colon);
        for (Protocol protocol : Protocol.values()) {
            if (protocol.prefix().equals(prefix)) {
                return new DeviceId(protocol, text.substring(colon + 1));
            }
        }
        throw new IllegalArgumentException("unknown protocol prefix '" + prefix + "' (expected cwmp or usp)");
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }

    @Override
    public int compareTo(DeviceId other) {
        int byProtocol = protocol.compareTo(other.protocol);
        return byProtocol != 0 ? byProtocol : key.compareTo(other.key);
    }

    @Override
    public String toString() {
        return protocol.prefix() + ":" + key;
    }
}
