package io.cpeoperator.bridge.cwmp.soap;

import java.util.Optional;

/** The CWMP namespace versions an ACS must accept; a session is answered in the version the device used. */
public enum CwmpVersion {
    V1_0("urn:dslforum-org:cwmp-1-0"),
    V1_1("urn:dslforum-org:cwmp-1-1"),
    V1_2("urn:dslforum-org:cwmp-1-2"),
    V1_3("urn:dslforum-org:cwmp-1-3"),
    V1_4("urn:dslforum-org:cwmp-1-4");

    private final String namespace;

    CwmpVersion(String namespace) {
        this.namespace = namespace;
    }

    public String namespace() {
        return namespace;
    }

    public static Optional<CwmpVersion> fromNamespace(String namespace) {
        if (namespace == null) {
            return Optional.empty();
        }
        for (CwmpVersion version : values()) {
            if (version.namespace.equals(namespace)) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }
}
