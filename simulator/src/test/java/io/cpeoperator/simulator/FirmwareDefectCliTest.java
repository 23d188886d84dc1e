package io.cpeoperator.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cpeoperator.simulator.cli.SimulatorOptions;
import io.cpeoperator.simulator.scenario.FirmwareDefect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --firmware-defect}: read into declarations, refused with a message that says what is accepted. */
class FirmwareDefectCliTest {

    @Test
    void theOptionDeclaresEachVersionsDefect() {
        SimulatorOptions options = new SimulatorOptions(new String[] {"--devices", "3",
            "--firmware-defect", "9.0.0=reboot-loop,9.1.0=wifi-degraded,9.2.0=download-fails:30"});
        assertThat(options.firmwareDefects()).containsExactly(Map.entry("9.0.0", FirmwareDefect.rebootLoop()),
                Map.entry("9.1.0", FirmwareDefect.wifiDegraded()), Map.entry("9.2.0", FirmwareDefect.downloadFails(30)));
        assertThat(new SimulatorOptions(new String[] {"--firmware-defect=V5R021C00S001=download-fails:5"}).firmwareDefects())
                .containsExactly(Map.entry("V5R021C00S001", FirmwareDefect.downloadFails(5)));
        assertThat(new SimulatorOptions(new String[] {"--devices", "3"}).firmwareDefects()).isEmpty();
        assertThat(SimulatorOptions.help()).contains("--firmware-defect SPEC").contains("download-fails:PERCENT");
    }

    @Test
    void badValuesEndTheRunWithAMessageNamingTheEntryAndTheAcceptedForms() throws Exception {
        assertThat(error("9.0.0=explode")).contains("error: firmware defect '9.0.0=explode': unknown firmware defect "
                + "'explode'; known: reboot-loop, wifi-degraded, download-fails:PERCENT").contains("run with --help");
        assertThat(error("9.0.0")).contains("'9.0.0' must look like VERSION=DEFECT, as in 9.0.0=reboot-loop");
        assertThat(error("9.2.0=download-fails")).contains("download-fails needs a whole percentage of 0..100 after ':'");
        assertThat(error("9.2.0=download-fails:150")).contains("download-fails needs a percentage of 0..100, not 150");
        assertThat(error("9.0.0=reboot-loop,9.0.0=wifi-degraded")).contains("firmware 9.0.0 is given more than one defect");
        assertThat(error(",")).contains("--firmware-defect needs VERSION=DEFECT entries");
    }

    @Test
    void aRunDeclaresTheDefectsBeforeTheGroundTruthIsWritten(@TempDir Path dir) throws Exception {
        Path truth = dir.resolve("truth.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = SimulatorMain.run(new String[] {"--devices", "1", "--mix", "cwmp=100", "--acs", "http://127.0.0.1:1/",
            "--duration", "10ms", "--status-interval", "0", "--ground-truth", truth.toString(),
            "--firmware-defect", "9.0.0=reboot-loop,9.2.0=download-fails:30"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        assertThat(status).isZero();
        JsonNode defects = new ObjectMapper().readTree(truth.toFile()).get("firmwareDefects");
        assertThat(defects.get("9.0.0").get("defect").asText()).isEqualTo("reboot-loop");
        assertThat(defects.get("9.0.0").get("findings").get(0).asText()).isEqualTo("RebootLoop");
        assertThat(defects.get("9.2.0").get("defect").asText()).isEqualTo("download-fails:30");

        ByteArrayOutputStream list = new ByteArrayOutputStream();
        assertThat(SimulatorMain.run(new String[] {"--list-scenarios"}, new PrintStream(list, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()))).isZero();
        assertThat(list.toString(StandardCharsets.UTF_8)).contains("firmware defects (--firmware-defect VERSION=DEFECT)")
                .contains("wifi-degraded").contains("findings: WifiChannelCongested, WifiHighNoise");
    }

    private static String error(String spec) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SimulatorMain.run(new String[] {"--devices", "1", "--firmware-defect", spec},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as("exit status for --firmware-defect " + spec).isEqualTo(2);
        return err.toString(StandardCharsets.UTF_8);
    }
}
