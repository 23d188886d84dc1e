package io.cpeoperator.simulator.model;

import io.cpeoperator.simulator.clock.ManualClock;
import io.cpeoperator.simulator.device.VirtualDevice;
import io.cpeoperator.simulator.scenario.Scenario;
import io.cpeoperator.simulator.support.QoeProbe;
import io.cpeoperator.simulator.support.TestDevices;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Radios are numbered in any order; what a radio does follows its band, and every reference points at it. */
class RadioBandTest {

    private final ManualClock clock = new ManualClock(TestDevices.START);

    private VirtualDevice device(VendorModel model, Scenario... scenarios) {
        return TestDevices.usp(model, clock, Set.of(scenarios), 31);
    }

    @Test
    void vexonNumbersItsRadiosFiveGigahertzFirstAndReferencesThemRight() {
        VirtualDevice d = device(ModelCatalog.VEXON_VX7000);
        assertThat(d.valueOf("Device.WiFi.Radio.1.OperatingFrequencyBand")).isEqualTo("5GHz");
        assertThat(d.valueOf("Device.WiFi.Radio.1.Channel")).isEqualTo("36");
        assertThat(d.valueOf("Device.WiFi.Radio.2.OperatingFrequencyBand")).isEqualTo("2.4GHz");
        assertThat(d.valueOf("Device.WiFi.Radio.2.Channel")).isEqualTo("6");
        for (int ap = 1; ap <= 4; ap++) {
            String ssid = d.valueOf("Device.WiFi.AccessPoint." + ap + ".SSIDReference");
            String radio = d.valueOf(ssid + ".LowerLayers");
            assertThat(d.valueOf(radio + ".OperatingFrequencyBand")).as("AccessPoint." + ap)
                    .isEqualTo(ap % 2 == 1 ? "5GHz" : "2.4GHz");
        }
    }

    @Test
    void theWifiSevenGatewayHasASixGigahertzRadio() {
        VendorModel model = ModelCatalog.NORDLINK_BE7200;
        assertThat(ModelCatalog.ALL).contains(model);
        assertThat(model.uspCapable()).isTrue();
        VirtualDevice d = device(model);
        assertThat(d.valueOf("Device.WiFi.RadioNumberOfEntries")).isEqualTo("3");
        assertThat(d.valueOf("Device.WiFi.Radio.3.OperatingFrequencyBand")).isEqualTo("6GHz");
        assertThat(d.valueOf("Device.WiFi.Radio.3.Channel")).isEqualTo("37");
        assertThat(d.valueOf("Device.WiFi.Radio.3.SupportedStandards")).isEqualTo("ax,be");
        assertThat(Long.parseLong(d.valueOf("Device.WiFi.Radio.3.Stats.Noise"))).isBetween(-97L, -92L);
        assertThat(TestDevices.cwmp(model, clock, Set.of(), 31).valueOf("Device.WiFi.Radio.3.OperatingFrequencyBand"))
                .isEqualTo("6GHz");
    }

    @Test
    void highNoiseHitsTheFiveGigahertzRadioWhateverItsNumber() {
        for (VendorModel model : Set.of(ModelCatalog.NORDLINK_AX3000, ModelCatalog.VEXON_VX7000, ModelCatalog.NORDLINK_BE7200)) {
            VirtualDevice d = device(model, Scenario.HIGH_NOISE);
            for (int r = 1; r <= model.radios(); r++) {
                long noise = QoeProbe.num(d, "Device.WiFi.Radio." + r + ".Stats.Noise");
                if (model.band(r) == Band.GHZ_5) {
                    assertThat(noise).as(model.productClass() + " Radio." + r).isBetween(-72L, -65L);
                } else {
                    assertThat(noise).as(model.productClass() + " Radio." + r).isBetween(-97L, -92L);
                }
            }
        }
        assertThat(QoeProbe.num(device(ModelCatalog.VEXON_VX7000, Scenario.HIGH_NOISE), "Device.WiFi.Radio.1.Stats.Noise"))
                .isGreaterThanOrEqualTo(-80);
    }

    @Test
    void interferenceAndStickyClientsFollowTheTwoGigahertzRadioAndAccessPoint() throws Exception {
        VirtualDevice interfered = device(ModelCatalog.VEXON_VX7000, Scenario.INTERFERENCE);
        assertThat(QoeProbe.num(interfered, "Device.WiFi.Radio.2.Stats.Noise")).isBetween(-88L, -82L);
        assertThat(QoeProbe.num(interfered, "Device.WiFi.Radio.1.Stats.Noise")).isBetween(-97L, -92L);
        assertThat(QoeProbe.num(interfered, "Device.WiFi.Radio.2.Stats.ErrorsSent"))
                .isGreaterThan(10 * QoeProbe.num(interfered, "Device.WiFi.Radio.1.Stats.ErrorsSent"));
        VirtualDevice sticky = device(ModelCatalog.VEXON_VX7000, Scenario.STICKY_2G);
        assertThat(QoeProbe.findings(sticky)).containsExactly("WifiBandSteeringMissed");
        assertThat(sticky.valueOf("Device.WiFi.AccessPoint.2.AssociatedDevice.1.X_CPEOP_SupportedFrequencyBands"))
                .isEqualTo("2.4GHz,5GHz");
        assertThat(QoeProbe.num(sticky, "Device.WiFi.AccessPoint.2.AssociatedDevice.1.SignalStrength")).isGreaterThanOrEqualTo(-60);
    }

    @Test
    void neighbourResultsReferenceTheRadioOfTheirBand() throws Exception {
        for (VendorModel model : Set.of(ModelCatalog.NORDLINK_AX3000, ModelCatalog.VEXON_VX7000)) {
            VirtualDevice d = device(model, Scenario.INTERFERENCE);
            for (String result : QoeProbe.objects(d, "Device.WiFi.NeighboringWiFiDiagnostic.Result.")) {
                String radio = d.valueOf(result + "Radio");
                assertThat(d.valueOf(radio + ".OperatingFrequencyBand")).as(model.productClass() + " " + result)
                        .isEqualTo(d.valueOf(result + "OperatingFrequencyBand"));
            }
        }
    }
}
