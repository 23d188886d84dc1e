package io.cpeoperator.operator.bridges;

import io.cpeoperator.bridge.cwmp.CwmpAcs;
import io.cpeoperator.bridge.cwmp.auth.AuthMode;
import io.cpeoperator.bridge.cwmp.auth.InMemoryCredentialStore;
import io.cpeoperator.bridge.twin.ShardedTwinStore;
import io.cpeoperator.bridge.twin.TwinStoreConfig;
import io.cpeoperator.operator.config.OperatorConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator's options reach the ACS it builds (not started: nothing listens). */
class SecuredAcsTest {

    @Test
    void theAcsRunsWithTheConfiguredAddressLimitsAndWindow() {
        OperatorConfig config = OperatorConfig.parse(new String[]{"--bind-address", "127.0.0.1", "--acs-port", "0",
                "--cr-per-second", "7", "--cwmp-connected-window", "2h"}, Map.of());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        SecuredAcs secured = SecuredAcs.create(config.bridges(), new ShardedTwinStore(TwinStoreConfig.defaults(),
                registry, Clock.systemUTC()), new InMemoryCredentialStore(), registry, Clock.systemUTC());

        try (CwmpAcs acs = secured.acs()) {
            assertThat(acs.config().host()).isEqualTo("127.0.0.1");
            assertThat(acs.config().port()).isZero();
            assertThat(acs.config().authMode()).isEqualTo(AuthMode.OPEN);
            assertThat(acs.config().connectionRequests().globalPerSecond()).isEqualTo(7);
            assertThat(acs.config().connectionRequests().perDeviceInterval()).isEqualTo(Duration.ofSeconds(10));
            assertThat(acs.config().connectedWindow()).isEqualTo(Duration.ofHours(2));
        }
        assertThat(secured.credentialsFile()).isEmpty();
    }
}
