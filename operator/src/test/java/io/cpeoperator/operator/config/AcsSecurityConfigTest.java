package io.cpeoperator.operator.config;

import io.cpeoperator.bridge.cwmp.TlsConfig;
import io.cpeoperator.bridge.cwmp.auth.AuthMode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ACS authentication mode, CPE credentials file and the HTTPS listener, from flags and the environment. */
class AcsSecurityConfigTest {

    @Test
    void defaultsAreOpenDiscoveryOverPlainHttp() {
        AcsSecuritySettings security = OperatorConfig.defaults().bridges().acsSecurity();
        assertThat(security.authMode()).isEqualTo(AuthMode.OPEN);
        assertThat(security.credentialsFile()).isEmpty();
        assertThat(security.tlsPort()).isEqualTo(-1);
        assertThat(security.tls()).isEmpty();
    }

    @Test
    void strictModeWithACredentialsFileFromTheEnvironment() {
        AcsSecuritySettings security = OperatorConfig.parse(new String[]{"--acs-auth", "STRICT"},
                Map.of("CPE_CPE_CREDENTIALS_FILE", "/etc/cpe-operator/acs/credentials")).bridges().acsSecurity();
        assertThat(security.authMode()).isEqualTo(AuthMode.STRICT);
        assertThat(security.credentialsFile()).contains(Path.of("/etc/cpe-operator/acs/credentials"));
    }

    @Test
    void strictModeWithoutCredentialsSaysWhatToSet() {
        assertThatThrownBy(() -> OperatorConfig.parse(new String[]{"--acs-auth=strict"}, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--cpe-credentials-file").hasMessageContaining("CPE_CPE_CREDENTIALS_FILE")
                .hasMessageContaining("--acs-auth open");
    }

    @Test
    void strictModeWithOnlySimulatedDevicesNeedsNoFile() {
        AcsSecuritySettings security = OperatorConfig.parse(new String[]{"--acs-auth", "strict", "--simulate", "5"},
                Map.of()).bridges().acsSecurity();
        assertThat(security.authMode()).isEqualTo(AuthMode.STRICT);
        assertThat(security.credentialsFile()).isEmpty();
    }

    @Test
    void anUnknownModeIsRefused() {
        assertThatThrownBy(() -> OperatorConfig.parse(new String[0], Map.of("CPE_ACS_AUTH", "digest")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("must be open or strict, not 'digest'");
    }

    @Test
    void tlsListenerWithKeyStoreAndAPasswordThatIsNeverPrinted() {
        OperatorConfig config = OperatorConfig.parse(
                new String[]{"--acs-tls-port", "7548", "--acs-tls-keystore", "/etc/cpe-operator/tls/acs.p12"},
                Map.of("CPE_ACS_TLS_KEYSTORE_PASSWORD", "k3ystore-pw"));
        AcsSecuritySettings security = config.bridges().acsSecurity();
        assertThat(security.tls()).contains(
                new TlsConfig(7548, Path.of("/etc/cpe-operator/tls/acs.p12"), "k3ystore-pw", "PKCS12"));
        assertThat(config.toString()).doesNotContain("k3ystore-pw").contains("tlsKeyStorePassword=***");
        assertThat(security.tls().orElseThrow().toString()).doesNotContain("k3ystore-pw");
    }

    @Test
    void aTlsPortWithoutAKeyStoreIsRefused() {
        assertThatThrownBy(() -> OperatorConfig.parse(new String[]{"--acs-tls-port", "7548"}, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--acs-tls-keystore").hasMessageContaining("CPE_ACS_TLS_KEYSTORE")
                .hasMessageContaining("PKCS12");
    }

    @Test
    void aKeyStoreWithoutATlsPortIsRefused() {
        assertThatThrownBy(() -> OperatorConfig.parse(new String[0], Map.of("CPE_ACS_TLS_KEYSTORE", "/x.p12")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--acs-tls-port");
    }

    @Test
    void badTlsPortsAreRefused() {
        assertThatThrownBy(() -> OperatorConfig.parse(
                new String[]{"--acs-tls-port", "70000", "--acs-tls-keystore", "/x.p12"}, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--acs-tls-port")
                .hasMessageContaining("port number 0-65535");
        assertThatThrownBy(() -> OperatorConfig.parse(
                new String[]{"--acs-port", "7547", "--acs-tls-port", "7547", "--acs-tls-keystore", "/x.p12"},
                Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ports of their own");
    }
}
