package io.cpeoperator.operator.config;

import io.cpeoperator.bridge.cwmp.TlsConfig;
import io.cpeoperator.bridge.cwmp.auth.AuthMode;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * How the CWMP ACS lets devices in: the authentication mode, where the CPE credentials come from, and its HTTPS
 * listener.
 *
 * @param credentialsFile     the CPE credentials file ({@code username:password[:device]} per line), if any
 * @param tlsPort             HTTPS port; -1 for no HTTPS listener
 * @param tlsKeyStore         PKCS12 key store with the server certificate, present when {@code tlsPort >= 0}
 * @param tlsKeyStorePassword its password (never printed)
 */
public record AcsSecuritySettings(AuthMode authMode, Optional<Path> credentialsFile, int tlsPort,
                                  Optional<Path> tlsKeyStore, String tlsKeyStorePassword) {

    /** The HTTPS listener for the bridge, when one is configured. */
    public Optional<TlsConfig> tls() {
        return tlsPort < 0 ? Optional.empty()
                : tlsKeyStore.map(store -> new TlsConfig(tlsPort, store, tlsKeyStorePassword, "PKCS12"));
    }

    /**
     * @param value            an option's configured value (or its default)
     * @param simulatedDevices simulated devices get generated credentials, so strict mode needs no file for them
     */
    static AcsSecuritySettings parse(Function<ConfigOption, String> value, int simulatedDevices, int acsPort) {
        AuthMode mode = parseMode(value.apply(ConfigOption.ACS_AUTH));
        Optional<Path> credentials = path(value.apply(ConfigOption.CPE_CREDENTIALS_FILE));
        if (mode == AuthMode.STRICT && credentials.isEmpty() && simulatedDevices == 0) {
            throw new ConfigException(ConfigOption.ACS_AUTH.flag() + " strict lets in only devices with known "
                    + "credentials, and none are configured: set " + ConfigOption.CPE_CREDENTIALS_FILE.flag() + " / "
                    + ConfigOption.CPE_CREDENTIALS_FILE.env() + " to a file with one username:password (or "
                    + "username:password:OUI-ProductClass-Serial) per line, or use " + ConfigOption.ACS_AUTH.flag()
                    + " open");
        }
        String tlsPortText = value.apply(ConfigOption.ACS_TLS_PORT).trim();
        int tlsPort = "-1".equals(tlsPortText) ? -1 : OperatorConfig.parsePort(tlsPortText, ConfigOption.ACS_TLS_PORT);
        Optional<Path> keyStore = path(value.apply(ConfigOption.ACS_TLS_KEYSTORE));
        if (tlsPort >= 0 && keyStore.isEmpty()) {
            throw new ConfigException(ConfigOption.ACS_TLS_PORT.flag() + " " + tlsPort + " needs the server "
                    + "certificate: set " + ConfigOption.ACS_TLS_KEYSTORE.flag() + " / "
                    + ConfigOption.ACS_TLS_KEYSTORE.env() + " to a PKCS12 file (and "
                    + ConfigOption.ACS_TLS_KEYSTORE_PASSWORD.env() + " to its password)");
        }
        if (tlsPort < 0 && keyStore.isPresent()) {
            throw new ConfigException(ConfigOption.ACS_TLS_KEYSTORE.flag() + " is set but the HTTPS listener is off: "
                    + "set " + ConfigOption.ACS_TLS_PORT.flag() + " / " + ConfigOption.ACS_TLS_PORT.env()
                    + " (e.g. 7548), or remove the key store setting");
        }
        if (tlsPort > 0 && tlsPort == acsPort) {
            throw new ConfigException(ConfigOption.ACS_TLS_PORT.flag() + " and " + ConfigOption.ACS_PORT.flag()
                    + " are both " + tlsPort + ": HTTP and HTTPS need ports of their own");
        }
        return new AcsSecuritySettings(mode, credentials, tlsPort, keyStore,
                value.apply(ConfigOption.ACS_TLS_KEYSTORE_PASSWORD));
    }

    private static AuthMode parseMode(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "open" -> AuthMode.OPEN;
            case "strict" -> AuthMode.STRICT;
            default -> throw new ConfigException(ConfigOption.ACS_AUTH.flag() + " / " + ConfigOption.ACS_AUTH.env()
                    + " must be open or strict, not '" + text + "'");
        };
    }

    private static Optional<Path> path(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(Path.of(text.trim()));
    }

    /** Without the key store password: settings end up in logs and exception messages. */
    @Override
    public String toString() {
        return "AcsSecuritySettings[authMode=" + authMode + ", credentialsFile=" + credentialsFile.orElse(null)
                + ", tlsPort=" + tlsPort + ", tlsKeyStore=" + tlsKeyStore.orElse(null) + ", tlsKeyStorePassword="
                + (tlsKeyStorePassword.isEmpty() ? "" : "***") + "]";
    }
}
