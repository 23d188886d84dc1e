package io.cpeoperator.operator.bridges;

import io.cpeoperator.operator.config.ConfigException;
import io.cpeoperator.operator.config.OperatorConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Files named by the ACS settings that cannot be used stop the start, saying which and why, before anything runs. */
class DeviceBridgesStartupErrorsTest {

    @TempDir
    Path dir;

    @Test
    void aMissingCredentialsFileNamesTheFlagAndTheSecret() {
        assertThatThrownBy(() -> start("--acs-auth", "strict", "--cpe-credentials-file",
                dir.resolve("absent").toString()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--cpe-credentials-file")
                .hasMessageContaining("absent").hasMessageContaining("Secret");
    }

    @Test
    void aMalformedCredentialsFileNamesTheLineButNotThePassword() throws Exception {
        Path file = Files.writeString(dir.resolve("credentials"), "fleet:pw-XYZ\n\nfleet:pw-XYZ\n");
        assertThatThrownBy(() -> start("--acs-auth", "strict", "--cpe-credentials-file", file.toString()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--cpe-credentials-file")
                .hasMessageContaining("line 3").hasMessageNotContaining("XYZ");
    }

    @Test
    void aMissingKeyStoreNamesTheFlag() {
        assertThatThrownBy(() -> start("--acs-tls-port", "0", "--acs-tls-keystore", dir.resolve("acs.p12").toString()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--acs-tls-keystore")
                .hasMessageContaining("acs.p12");
    }

    /** On loopback and free ports, should a start get as far as listening. */
    private static void start(String... args) throws Exception {
        String[] all = java.util.stream.Stream.concat(
                java.util.stream.Stream.of("--bind-address", "127.0.0.1", "--acs-port", "0", "--mqtt-port", "0"),
                java.util.Arrays.stream(args)).toArray(String[]::new);
        OperatorConfig config = OperatorConfig.parse(all, Map.of());
        DeviceBridges.start(config.bridges(), new SimpleMeterRegistry(), Clock.systemUTC()).close();
    }
}
