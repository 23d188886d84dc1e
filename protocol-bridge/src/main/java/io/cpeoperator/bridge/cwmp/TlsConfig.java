package io.cpeoperator.bridge.cwmp;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The HTTPS listener of the ACS.
 *
 * @param port         TCP port (0 picks a free one)
 * @param keyStore     PKCS12 or JKS key store holding the server certificate and key
 * @param keyStoreType {@code PKCS12} or {@code JKS}
 */
public record TlsConfig(int port, Path keyStore, String keyStorePassword, String keyStoreType) {

    public TlsConfig {
        Objects.requireNonNull(keyStore, "keyStore");
        keyStorePassword = keyStorePassword == null ? "" : keyStorePassword;
        keyStoreType = keyStoreType == null || keyStoreType.isBlank() ? "PKCS12" : keyStoreType;
    }

    @Override
    public String toString() {
        return "TlsConfig[port=" + port + ", keyStore=" + keyStore + ", keyStoreType=" + keyStoreType + "]";
    }
}
