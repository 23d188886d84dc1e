package io.cpeoperator.operator.fleet.aggregate;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.DeviceSummary;
import io.cpeoperator.operator.device.DeviceConditions;
import io.cpeoperator.operator.qoe.Grade;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.cpeoperator.operator.fleet.aggregate.TestDevices.device;
import static org.assertj.core.api.Assertions.assertThat;

class DeviceContributionTest {

    @Test
    void readsConditionsQoeAndSummary() {
        CpeDevice cpe = device("a")
                .condition(DeviceConditions.CONNECTED, "True")
                .condition(DeviceConditions.CONFIG_APPLIED, "True")
                .condition(DeviceConditions.FIRMWARE_CURRENT, "True")
                .condition(DeviceConditions.QOE_HEALTHY, "False")
                .score(62).findings("WifiWeakClientSignal", "WanHighLatency", "WifiWeakClientSignal")
                .firmware("2.1.0").model("BM632w").build();

        DeviceContribution c = DeviceContribution.of(cpe);

        assertThat(c).isEqualTo(new DeviceContribution(true, true, false, true, false, false, Grade.FAIR, 62,
                Set.of("WifiWeakClientSignal", "WanHighLatency"), "2.1.0", "BM632w"));
    }

    @Test
    void deviceWithoutStatusContributesNothingButMembership() {
        CpeDevice cpe = device("a").build();
        cpe.setStatus(null);

        assertThat(DeviceContribution.of(cpe)).isEqualTo(DeviceContribution.NOTHING_KNOWN);
        assertThat(DeviceContribution.of(device("b").build())).isEqualTo(DeviceContribution.NOTHING_KNOWN);
    }

    @Test
    void firmwareCountsAsCurrentWhenTheConditionIsTrueOrAbsent() {
        assertThat(DeviceContribution.of(device("a").condition(DeviceConditions.CONNECTED, "True").build())
                .firmwareConditionTrue()).isTrue();
        assertThat(DeviceContribution.of(device("a").condition(DeviceConditions.FIRMWARE_CURRENT, "False").build())
                .firmwareConditionTrue()).isFalse();
        assertThat(DeviceContribution.of(device("a").condition(DeviceConditions.FIRMWARE_CURRENT, "Unknown").build())
                .firmwareConditionTrue()).isFalse();
    }

    @Test
    void qoeIsUnknownWhenTheConditionIsAbsentOrUnknown() {
        assertThat(DeviceContribution.of(device("a").condition(DeviceConditions.CONNECTED, "True").build())
                .qoeUnknown()).isTrue();
        assertThat(DeviceContribution.of(device("a").condition(DeviceConditions.QOE_HEALTHY, "Unknown").build())
                .qoeUnknown()).isTrue();
        DeviceContribution degraded = DeviceContribution.of(device("a")
                .condition(DeviceConditions.QOE_HEALTHY, "False").build());
        assertThat(degraded.qoeUnknown()).isFalse();
        assertThat(degraded.qoeHealthy()).isFalse();
    }

    @Test
    void modelFallsBackToProductClassAndBlankTextIsNoValue() {
        CpeDevice cpe = device("a").firmware(" ").build();
        DeviceSummary summary = cpe.getStatus().getSummary();
        summary.setProductClass("IGD");

        DeviceContribution c = DeviceContribution.of(cpe);

        assertThat(c.model()).isEqualTo("IGD");
        assertThat(c.softwareVersion()).isNull();
    }

    @Test
    void gradesTheEngineDoesNotEmitAndScoresOutOfRangeAreNotCounted() {
        CpeDevice cpe = device("a").score(80).build();
        cpe.getStatus().getQoe().setGrade("Bad");
        cpe.getStatus().getQoe().setScore(140);

        DeviceContribution c = DeviceContribution.of(cpe);

        assertThat(c.grade()).isNull();
        assertThat(c.score()).isNull();
    }

    @Test
    void heartbeatGivesAnEqualContribution() {
        TestDevices cpe = device("a").condition(DeviceConditions.CONNECTED, "True").score(91).firmware("2.1.0")
                .lastContact("2025-01-01T00:00:00Z");
        DeviceContribution before = DeviceContribution.of(cpe.build());

        cpe.lastContact("2025-01-01T00:05:00Z");
        cpe.build().getStatus().getQoe().setReport("reworded");

        assertThat(DeviceContribution.of(cpe.build())).isEqualTo(before).hasSameHashCodeAs(before);
    }
}
