package io.cpeoperator.operator.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Connection Request credentials and the drift-check interval, from flags and the environment. */
class ConnectionRequestCredentialsConfigTest {

    @Test
    void credentialsComeFromFlagsOrTheEnvironmentAndThePasswordIsNeverPrinted() {
        OperatorConfig fromEnv = OperatorConfig.parse(new String[]{"--cr-username", "acs"},
                Map.of("CPE_CR_PASSWORD", "s3cret"));
        assertThat(fromEnv.bridges().crUsername()).isEqualTo("acs");
        assertThat(fromEnv.bridges().crPassword()).isEqualTo("s3cret");
        assertThat(fromEnv.bridges().hasConnectionRequestCredentials()).isTrue();
        assertThat(fromEnv.toString()).doesNotContain("s3cret").contains("crPassword=***");

        OperatorConfig none = OperatorConfig.defaults();
        assertThat(none.bridges().hasConnectionRequestCredentials()).isFalse();
        assertThat(none.bridges().crPassword()).isEmpty();
    }

    @Test
    void aUsernameWithoutAPasswordIsRefused() {
        assertThatThrownBy(() -> OperatorConfig.parse(new String[0], Map.of("CPE_CR_USERNAME", "acs")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CPE_CR_PASSWORD");
    }

    @Test
    void driftCheckIntervalDefaultsToTenMinutesAndZeroTurnsItOff() {
        assertThat(OperatorConfig.defaults().driftCheckInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(OperatorConfig.parse(new String[]{"--drift-check-interval", "0s"}, Map.of())
                .driftCheckInterval()).isZero();
    }
}
