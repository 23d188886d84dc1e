package io.cpeoperator.simulator.scenario;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The firmware-defect value type, its catalog, and which devices a failing download picks. */
class FirmwareDefectTest {

    /** 200 device ids as a fleet has them: serials in sequence, half CWMP, half USP. */
    private static final List<String> FLEET = IntStream.rangeClosed(1, 200)
            .mapToObj(i -> i % 2 == 0 ? String.format("cwmp:00D09E-NL-AX3000-SIM%08d", i)
                    : String.format("usp:os::00D09E-SIM%08d", i))
            .toList();

    @Test
    void commandLineFormsRoundTrip() {
        for (FirmwareDefect defect : List.of(FirmwareDefect.rebootLoop(), FirmwareDefect.wifiDegraded(),
                FirmwareDefect.downloadFails(30), FirmwareDefect.downloadFails(0), FirmwareDefect.downloadFails(100))) {
            assertThat(FirmwareDefect.parse(defect.cliName())).isEqualTo(defect);
        }
        assertThat(FirmwareDefect.downloadFails(30).cliName()).isEqualTo("download-fails:30");
        assertThat(FirmwareDefect.parse(" Download-Fails:25% ")).isEqualTo(FirmwareDefect.downloadFails(25));
        assertThat(FirmwareDefect.downloadFails(30).signature()).contains("30% of devices").contains("9010");
    }

    @Test
    void badDefectsAreRefusedWithTheAcceptedForms() {
        assertThatThrownBy(() -> FirmwareDefect.parse("explodes")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown firmware defect 'explodes'")
                .hasMessageContaining("reboot-loop, wifi-degraded, download-fails:PERCENT");
        assertThatThrownBy(() -> FirmwareDefect.parse("download-fails")).hasMessageContaining("download-fails:30");
        assertThatThrownBy(() -> FirmwareDefect.parse("download-fails:many")).hasMessageContaining("whole percentage");
        assertThatThrownBy(() -> FirmwareDefect.parse("download-fails:130")).hasMessageContaining("0..100, not 130");
        assertThatThrownBy(() -> FirmwareDefect.parse("reboot-loop:5")).hasMessageContaining("takes no percentage");
        assertThatThrownBy(() -> new FirmwareDefect(FirmwareDefect.Kind.WIFI_DEGRADED, 5))
                .hasMessageContaining("wifi-degraded takes no percentage");
    }

    @Test
    void theCatalogReadsTheCommandLineSpecAndNamesTheEntryAtFault() {
        Map<String, FirmwareDefect> defects = FirmwareDefects.parse(
                "9.0.0=reboot-loop, 9.1.0=wifi-degraded,V5R021C00S001=download-fails:30");
        assertThat(defects).containsExactly(Map.entry("9.0.0", FirmwareDefect.rebootLoop()),
                Map.entry("9.1.0", FirmwareDefect.wifiDegraded()),
                Map.entry("V5R021C00S001", FirmwareDefect.downloadFails(30)));
        assertThat(FirmwareDefects.parse("")).isEmpty();
        assertThatThrownBy(() -> FirmwareDefects.parse("9.0.0")).hasMessageContaining("'9.0.0' must look like VERSION=DEFECT");
        assertThatThrownBy(() -> FirmwareDefects.parse("=reboot-loop")).hasMessageContaining("must look like VERSION=DEFECT");
        assertThatThrownBy(() -> FirmwareDefects.parse("9.0.0=reboot-loop,9.2.0=download-fails:x"))
                .hasMessageContaining("firmware defect '9.2.0=download-fails:x'").hasMessageContaining("whole percentage");
        assertThatThrownBy(() -> FirmwareDefects.parse("9.0.0=reboot-loop,9.0.0=wifi-degraded"))
                .hasMessageContaining("firmware 9.0.0 is given more than one defect");

        FirmwareDefects catalog = new FirmwareDefects();
        catalog.declare(" 9.0.0 ", FirmwareDefect.rebootLoop());
        catalog.declare("9.0.0", FirmwareDefect.wifiDegraded());
        assertThat(catalog.of("9.0.0")).contains(FirmwareDefect.wifiDegraded());
        assertThat(catalog.of("9.0.1")).isEmpty();
        assertThat(catalog.all()).containsOnlyKeys("9.0.0");
    }

    @Test
    void aFailingDownloadPicksAStableShareOfTheFleetCloseToThePercentage() {
        for (int percent : new int[] {10, 30, 50, 90}) {
            FirmwareDefect defect = FirmwareDefect.downloadFails(percent);
            List<String> failing = FLEET.stream().filter(defect::failsDownloadFor).toList();
            assertThat(failing.size() / 2.0).as("percent of 200 devices failing at %d%%", percent)
                    .isBetween(percent - 8.0, percent + 8.0);
            // the same devices in every run: the pick depends on nothing but the id
            assertThat(FLEET.stream().filter(FirmwareDefect.downloadFails(percent)::failsDownloadFor).toList())
                    .isEqualTo(failing);
        }
        List<String> tenPercent = FLEET.stream().filter(FirmwareDefect.downloadFails(10)::failsDownloadFor).toList();
        assertThat(FLEET.stream().filter(FirmwareDefect.downloadFails(30)::failsDownloadFor).toList()).containsAll(tenPercent);
        assertThat(FLEET).noneMatch(FirmwareDefect.downloadFails(0)::failsDownloadFor);
        assertThat(FLEET).allMatch(FirmwareDefect.downloadFails(100)::failsDownloadFor);
        assertThat(FLEET).noneMatch(FirmwareDefect.rebootLoop()::failsDownloadFor);
        assertThat(FLEET).noneMatch(FirmwareDefect.wifiDegraded()::failsDownloadFor);
    }

    @Test
    void eachDefectPromisesTheFindingsOfWhatItReuses() {
        assertThat(FirmwareDefect.rebootLoop().expectedFindings(s -> true)).containsExactly("RebootLoop");
        assertThat(FirmwareDefect.rebootLoop().telemetryEffects(s -> true)).isEmpty();
        assertThat(FirmwareDefect.wifiDegraded().telemetryEffects(s -> true))
                .containsExactly(Scenario.INTERFERENCE, Scenario.HIGH_NOISE);
        assertThat(FirmwareDefect.wifiDegraded().expectedFindings(s -> true))
                .isEqualTo(Scenario.expectedFindings(Set.of(Scenario.INTERFERENCE, Scenario.HIGH_NOISE)))
                .containsExactly("WifiChannelCongested", "WifiHighNoise");
        assertThat(FirmwareDefect.wifiDegraded().expectedFindings(s -> false)).as("a model without Wi-Fi data").isEmpty();
        assertThat(FirmwareDefect.downloadFails(30).expectedFindings(s -> true)).isEmpty();
    }
}
