package io.cpeoperator.operator.insights;

import io.cpeoperator.api.v1alpha1.FleetInsight;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.List;

import static io.cpeoperator.operator.insights.SyntheticFleet.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class InsightsFleetTest {

    private static FleetInsightsReport compute(SyntheticFleet fleet) {
        return compute(fleet, InsightSettings.defaults());
    }

    private static FleetInsightsReport compute(SyntheticFleet fleet, InsightSettings settings) {
        FleetInsightsReport report = FleetInsights.compute(fleet.facts(), fleet.history(), NOW, settings);
        System.out.println(report.report());
        return report;
    }

    private static List<FleetInsight> ofKind(FleetInsightsReport report, String kind) {
        return report.insights().stream().filter(i -> kind.equals(i.getKind())).toList();
    }

    @Test
    void badFirmwareVersionOfOneModelIsNamedWithItsCounts() {
        SyntheticFleet fleet = new SyntheticFleet(2000, 1);
        fleet.badFirmware = true;

        FleetInsightsReport report = compute(fleet);

        List<FleetInsight> firmware = ofKind(report, Insights.FIRMWARE_STABILITY);
        assertThat(firmware).hasSize(1);
        FleetInsight insight = firmware.get(0);
        assertThat(insight.getSubject()).isEqualTo("VX-7000 3.4.0");
        assertThat(insight.getSeverity()).isEqualTo("Warning");
        assertThat(insight.getDevices()).isEqualTo(100);
        assertThat(insight.getValue()).isCloseTo(0.8, within(0.15));
        assertThat(insight.getBaseline()).isLessThan(0.1);
        assertThat(insight.getMessage()).startsWith("VX-7000 on 3.4.0: 0.")
                .contains("over 100 devices (700 device-days")
                .contains("on 3.5.2, 3.5.1 and 3.3.9 (300 devices)")
                .contains("median QoE 78 against 86");
        assertThat(report.report()).contains("Most important: VX-7000 on 3.4.0");
        assertThat(report.insights()).extracting(FleetInsight::getKind).containsOnly(Insights.FIRMWARE_STABILITY);
    }

    @Test
    void channelSixCongestedEveryEveningIsARecurringPattern() {
        SyntheticFleet fleet = new SyntheticFleet(2000, 2);
        fleet.congestedChannel6 = true;

        FleetInsightsReport report = compute(fleet);

        assertThat(report.insights()).hasSize(1);
        FleetInsight insight = report.insights().get(0);
        assertThat(insight.getKind()).isEqualTo(Insights.RECURRING_INTERFERENCE);
        assertThat(insight.getSubject()).isEqualTo("channel 6 (2.4 GHz)");
        assertThat(insight.getMessage()).contains("at 20–22 h on 7 of 7 days").contains("above 70 % utilization");
        assertThat(insight.getValue()).isCloseTo(70, within(5.0));
        assertThat(insight.getBaseline()).isLessThan(2.0);
    }

    @Test
    void oneBadEveningOnChannelSixIsNotATrend() {
        SyntheticFleet fleet = new SyntheticFleet(2000, 3);
        fleet.oneBadEvening = true;

        assertThat(compute(fleet).insights()).isEmpty();
    }

    @Test
    void busyHourIsNamedWithHowFarItIsAboveTheDailyMean() {
        SyntheticFleet fleet = new SyntheticFleet(1000, 4);
        fleet.busyHour21 = true;

        FleetInsightsReport report = compute(fleet);

        assertThat(report.insights()).hasSize(1);
        FleetInsight insight = report.insights().get(0);
        assertThat(insight.getKind()).isEqualTo(Insights.PEAK_USAGE);
        assertThat(insight.getSubject()).isEqualTo("21 h");
        // 3 clients all day, 6.6 at 21 h and 4.5 at 20 h and 22 h: daily mean 3.3
        assertThat(insight.getValue()).isCloseTo(6.6, within(0.2));
        assertThat(insight.getBaseline()).isCloseTo(3.34, within(0.1));
        assertThat(insight.getMessage()).contains("the busy hour on 7 of 7 full days").contains("WAN traffic peaks at 21 h");
    }

    @Test
    void busyHourIsCountedInTheFleetsLocalTime() {
        SyntheticFleet fleet = new SyntheticFleet(1000, 4);
        fleet.busyHour21 = true;

        FleetInsightsReport report = compute(fleet, InsightSettings.defaults().withUtcOffset(ZoneOffset.ofHours(2)));

        assertThat(report.insights()).extracting(FleetInsight::getSubject).containsExactly("23 h");
    }

    @Test
    void accessNodeWhoseDevicesDegradeTogetherIsNamed() {
        SyntheticFleet fleet = new SyntheticFleet(2000, 5);
        fleet.badNode = true;

        FleetInsightsReport report = compute(fleet);

        assertThat(report.insights()).hasSize(1);
        FleetInsight insight = report.insights().get(0);
        assertThat(insight.getKind()).isEqualTo(Insights.ACCESS_NODE_BOTTLENECK);
        assertThat(insight.getSubject()).isEqualTo(SyntheticFleet.BAD_NODE);
        assertThat(insight.getDevices()).isEqualTo(20);
        assertThat(insight.getMessage()).contains("90 % of its 20 devices degraded together in 35 hours on 7 days")
                .contains("mostly at 19–23 h");
        assertThat(insight.getValue()).isCloseTo(150, within(15.0));
        assertThat(insight.getBaseline()).isCloseTo(20, within(2.0));
    }

    @Test
    void hotterBusierModelIsCompared() {
        SyntheticFleet fleet = new SyntheticFleet(2000, 6);
        fleet.hotModel = true;

        FleetInsightsReport report = compute(fleet);

        assertThat(report.insights()).hasSize(1);
        FleetInsight insight = report.insights().get(0);
        assertThat(insight.getKind()).isEqualTo(Insights.MODEL_COMPARISON);
        assertThat(insight.getSubject()).isEqualTo("Archer VR600");
        assertThat(insight.getSeverity()).isEqualTo("Info");
        assertThat(insight.getMessage()).startsWith("Archer VR600 (400 devices) against the rest of the fleet (1,600 devices):")
                .contains("temperature 70 °C against 50 °C").contains("CPU 55 % against 30 %")
                .doesNotContain("memory");
    }

    @Test
    void everyProblemAtOnceLeadsWithTheWarnings() {
        SyntheticFleet fleet = new SyntheticFleet(2000, 7);
        fleet.badFirmware = true;
        fleet.congestedChannel6 = true;
        fleet.busyHour21 = true;
        fleet.badNode = true;
        fleet.hotModel = true;

        FleetInsightsReport report = compute(fleet);

        assertThat(report.insights()).extracting(FleetInsight::getSubject).containsExactlyInAnyOrder(
                "VX-7000 3.4.0", "channel 6 (2.4 GHz)", "21 h", SyntheticFleet.BAD_NODE, "Archer VR600");
        assertThat(report.insights()).extracting(FleetInsight::getSeverity).endsWith("Info", "Info");
        assertThat(report.report()).startsWith("5 findings across 2,000 devices and 14,000 device-days of hourly data"
                + " (last 7 days). Most important: ");
    }

    @Test
    void healthyFleetWithNoiseSaysNothingStandsOut() {
        FleetInsightsReport report = compute(new SyntheticFleet(2000, 8));

        assertThat(report.insights()).isEmpty();
        assertThat(report.report()).isEqualTo("Nothing stands out across 2,000 devices and 14,000 device-days of hourly"
                + " data (last 7 days): firmware versions, models, Wi-Fi channels, busy hours and access nodes"
                + " behave alike.");
    }

    @Test
    void oneOutlierDeviceRaisesNothing() {
        SyntheticFleet fleet = new SyntheticFleet(2000, 9);
        fleet.outlier = 145; // VX-7000 on 3.4.0, on olt-007, on channel 6
        DeviceFacts facts = fleet.facts().get(145);
        assertThat(List.of(facts.model(), facts.firmwareVersion(), facts.accessNode()))
                .containsExactly("VX-7000", "3.4.0", SyntheticFleet.BAD_NODE);

        assertThat(compute(fleet).insights()).isEmpty();
    }

    @Test
    void tooLittleHistoryIsUnknownAndSaysWhatIsNeeded() {
        SyntheticFleet fleet = new SyntheticFleet(500, 10);
        fleet.badFirmware = true;
        fleet.hoursOfHistory = 20;

        FleetInsightsReport report = compute(fleet);

        assertThat(report.insights()).extracting(FleetInsight::getKind).containsExactly(Insights.UNKNOWN);
        assertThat(report.report()).isEqualTo("Too little history for fleet insights: 0 devices have a day of hourly"
                + " data, 20 are needed; trends need several days.");
    }

    @Test
    void devicesWithoutHistoryOrLabelsAreNotJudged() {
        SyntheticFleet fleet = new SyntheticFleet(100, 11);
        HourlyHistoryStore store = fleet.history();
        List<DeviceFacts> facts = fleet.facts().stream()
                .map(f -> new DeviceFacts(f.deviceId(), "VX-7000", "1.0", "1.0", null, 80.0)).toList();

        FleetInsightsReport report = FleetInsights.compute(facts, store, NOW, InsightSettings.defaults());

        assertThat(report.insights()).isEmpty();
        assertThat(report.report()).endsWith("Not judged: no model has two firmware versions with 20 devices and 40"
                + " device-days each; no device has an access-node label.");
    }
}
