package io.cpeoperator.operator.bridges;

import io.cpeoperator.bridge.cwmp.CwmpAcs;
import io.cpeoperator.bridge.cwmp.CwmpAcsConfig;
import io.cpeoperator.bridge.cwmp.auth.CredentialStore;
import io.cpeoperator.bridge.cwmp.auth.CredentialsFile;
import io.cpeoperator.bridge.cwmp.auth.CredentialsFileStore;
import io.cpeoperator.bridge.cwmp.connreq.ConnectionRequestPolicy;
import io.cpeoperator.bridge.twin.TwinStore;
import io.cpeoperator.operator.config.AcsSecuritySettings;
import io.cpeoperator.operator.config.ConfigException;
import io.cpeoperator.operator.config.ConfigOption;
import io.cpeoperator.operator.config.OperatorConfig;
import io.micrometer.core.instrument.MeterRegistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The CWMP ACS as the settings secure it: authentication mode, CPE credentials from a file (polled for changes) on
 * top of the in-process ones, and the HTTPS listener. A file that cannot be used stops the start, naming the flag:
 * better than an ACS that refuses the fleet it should serve.
 *
 * @param credentialsFile the credentials file store to poll while the ACS runs, if one is configured
 */
record SecuredAcs(CwmpAcs acs, Optional<CredentialsFileStore> credentialsFile) {

    /** Kubernetes takes up to a minute to update a mounted Secret; checking every 30 s adds little to that. */
    static final Duration CREDENTIALS_FILE_POLL = Duration.ofSeconds(30);

    /**
     * @param inProcess credentials the process itself adds (Connection Request, simulated devices); the file's
     *                  CPE credentials come first
     */
    static SecuredAcs create(OperatorConfig.BridgeSettings settings, TwinStore twins, CredentialStore inProcess,
                             MeterRegistry registry, Clock clock) {
        AcsSecuritySettings security = settings.acsSecurity();
        Optional<CredentialsFileStore> file = security.credentialsFile()
                .map(path -> loadCredentialsFile(path, inProcess, registry));
        CredentialStore store = file.<CredentialStore>map(f -> f).orElse(inProcess);
        CwmpAcsConfig defaults = CwmpAcsConfig.defaults();
        ConnectionRequestPolicy connectionRequests = defaults.connectionRequests();
        CwmpAcsConfig config = defaults.withListener(settings.bindAddress(), settings.acsPort())
                .withAuthMode(security.authMode())
                .withConnectedWindow(settings.cwmpConnectedWindow())
                .withConnectionRequests(new ConnectionRequestPolicy(connectionRequests.timeout(),
                        connectionRequests.perDeviceInterval(), settings.crPerSecond()));
        if (security.tls().isPresent()) {
            requireReadable(security.tls().get().keyStore(), ConfigOption.ACS_TLS_KEYSTORE);
            config = config.withTls(security.tls().get());
        }
        return new SecuredAcs(new CwmpAcs(config, twins, store, registry, clock), file);
    }

    private static CredentialsFileStore loadCredentialsFile(Path file, CredentialStore fallback,
                                                            MeterRegistry registry) {
        try {
            return CredentialsFileStore.load(file, fallback, registry);
        } catch (CredentialsFile.FormatException e) {
            throw new ConfigException(ConfigOption.CPE_CREDENTIALS_FILE.flag() + ": " + e.getMessage());
        } catch (IOException e) {
            requireReadable(file, ConfigOption.CPE_CREDENTIALS_FILE);
            throw new ConfigException(ConfigOption.CPE_CREDENTIALS_FILE.flag() + " " + file + " cannot be read: " + e);
        }
    }

    private static void requireReadable(Path file, ConfigOption option) {
        if (!Files.isReadable(file)) {
            throw new ConfigException(option.flag() + " " + file + " cannot be read; in Kubernetes, check that the "
                    + "Secret it is mounted from exists and has that key");
        }
    }
}
