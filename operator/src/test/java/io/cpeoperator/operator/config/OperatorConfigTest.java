package io.cpeoperator.operator.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperatorConfigTest {

    @Test
    void defaults() {
        OperatorConfig config = OperatorConfig.defaults();
        assertThat(config.embeddedRequested()).isFalse();
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.namespace()).isEqualTo("cpe-system");
        assertThat(config.logLevel()).isEqualTo("info");
    }

    @Test
    void flagsWinOverEnvironment() {
        OperatorConfig config = OperatorConfig.parse(new String[]{"--http-port=9090", "--namespace", "cpe-lab", "--embedded"},
                Map.of("CPE_HTTP_PORT", "7070", "CPE_NAMESPACE", "other", "CPE_LOG_LEVEL", "DEBUG"));
        assertThat(config.httpPort()).isEqualTo(9090);
        assertThat(config.namespace()).isEqualTo("cpe-lab");
        assertThat(config.embeddedRequested()).isTrue();
        assertThat(config.logLevel()).isEqualTo("debug");
    }

    @Test
    void environmentAloneIsEnough() {
        OperatorConfig config = OperatorConfig.parse(new String[0], Map.of("CPE_EMBEDDED", "true", "CPE_HTTP_PORT", "0"));
        assertThat(config.embeddedRequested()).isTrue();
        assertThat(config.httpPort()).isZero();
    }

    @Test
    void badValuesSayWhatToWrite() {
        assertThatThrownBy(() -> OperatorConfig.parse(new String[]{"--http-port", "70000"}, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("port number 0-65535");
        assertThatThrownBy(() -> OperatorConfig.parse(new String[]{"--namespace", "Bad_NS"}, Map.of()))
                .hasMessageContaining("DNS label");
        assertThatThrownBy(() -> OperatorConfig.parse(new String[]{"--log-level", "loud"}, Map.of()))
                .hasMessageContaining("error, warn, info, debug, trace");
        assertThatThrownBy(() -> OperatorConfig.parse(new String[]{"--frobnicate"}, Map.of()))
                .hasMessageContaining("unknown option '--frobnicate'");
        assertThatThrownBy(() -> OperatorConfig.parse(new String[]{"--http-port"}, Map.of()))
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> OperatorConfig.parse(new String[0], Map.of("CPE_EMBEDDED", "maybe")))
                .hasMessageContaining("true or false");
    }

    @Test
    void theListenersBindToEveryInterfaceUnlessAnAddressIsGiven() {
        OperatorConfig defaults = OperatorConfig.defaults();
        assertThat(defaults.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(defaults.bridges().localAddress()).isEqualTo("127.0.0.1");

        OperatorConfig loopback = OperatorConfig.parse(new String[0], Map.of("CPE_BIND_ADDRESS", "127.0.0.1"));
        assertThat(loopback.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(loopback.bridges().localAddress()).isEqualTo("127.0.0.1");

        OperatorConfig ipv6 = OperatorConfig.parse(new String[]{"--bind-address", "[::1]"}, Map.of());
        assertThat(ipv6.bindAddress()).isEqualTo("::1");
        assertThat(ipv6.bridges().localAddress()).isEqualTo("[::1]");
        assertThat(OperatorConfig.parse(new String[]{"--bind-address", "::"}, Map.of()).bridges().localAddress())
                .isEqualTo("127.0.0.1");
    }

    @Test
    void theCwmpLimitsComeFromTheirOptions() {
        OperatorConfig defaults = OperatorConfig.defaults();
        assertThat(defaults.bridges().crPerSecond()).isEqualTo(50);
        assertThat(defaults.bridges().cwmpConnectedWindow()).isEqualTo(java.time.Duration.ofMinutes(15));

        OperatorConfig tuned = OperatorConfig.parse(new String[]{"--cr-per-second", "200"},
                Map.of("CPE_CWMP_CONNECTED_WINDOW", "1h"));
        assertThat(tuned.bridges().crPerSecond()).isEqualTo(200);
        assertThat(tuned.bridges().cwmpConnectedWindow()).isEqualTo(java.time.Duration.ofHours(1));

        assertThatThrownBy(() -> OperatorConfig.parse(new String[]{"--cr-per-second", "0"}, Map.of()))
                .hasMessageContaining("--cr-per-second / CPE_CR_PER_SECOND must be a number 1-100000, not '0'");
        assertThatThrownBy(() -> OperatorConfig.parse(new String[]{"--cwmp-connected-window", "500ms"}, Map.of()))
                .hasMessageContaining("--cwmp-connected-window / CPE_CWMP_CONNECTED_WINDOW must be at least 1s");
    }

    @Test
    void aBindAddressMustBeAnIpAddressNotAName() {
        for (String bad : new String[]{"localhost", "256.0.0.1", "10.0.0", "", "::g", "0.0.0.0:8080"}) {
            assertThatThrownBy(() -> OperatorConfig.parse(new String[]{"--bind-address", bad}, Map.of()))
                    .as(bad).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("--bind-address / CPE_BIND_ADDRESS must be an IP address");
        }
    }

    @Test
    void readmeConfigurationTableListsEveryOption() throws IOException {
        String readme = Files.readString(Path.of(System.getProperty("cpe.readme", "../README.md")));
        for (ConfigOption option : ConfigOption.values()) {
            assertThat(readme).as("README row for %s", option.flag())
                    .contains("| `" + option.flag() + "` | `" + option.env() + "` |");
        }
        assertThat(OperatorConfig.usage()).contains("--http-port").contains("CPE_NAMESPACE");
    }
}
