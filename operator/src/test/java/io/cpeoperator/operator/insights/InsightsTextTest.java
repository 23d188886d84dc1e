package io.cpeoperator.operator.insights;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class InsightsTextTest {

    @Test
    void hourRunsMergeConsecutiveHoursAndWrapPastMidnight() {
        boolean[] set = new boolean[24];
        set[20] = set[21] = set[22] = true;
        set[7] = true;
        assertThat(Insights.hourRuns(set)).isEqualTo("7 h, 20–22 h");
        set[7] = false;
        set[23] = set[0] = set[1] = true;
        assertThat(Insights.hourRuns(set)).isEqualTo("20–1 h");
    }

    @Test
    void conditionalZOfEqualRatesIsZeroAndGrowsWithTheExcess() {
        assertThat(FirmwareStability.conditionalZ(10, 100, 40, 400)).isCloseTo(0, within(1e-9));
        // 80 reboots over 100 device-days against 20 over 400: expected 20 of 100 on the first side
        assertThat(FirmwareStability.conditionalZ(80, 100, 20, 400)).isCloseTo(15.0, within(0.01));
        assertThat(FirmwareStability.conditionalZ(0, 100, 0, 400)).isZero();
    }

    @Test
    void proportionZComparesShares() {
        assertThat(FirmwareStability.proportionZ(20, 100, 60, 300)).isCloseTo(0, within(1e-9));
        // 50 % against 20 %: pooled 27.5 %, standard error 0.0516
        assertThat(FirmwareStability.proportionZ(50, 100, 60, 300)).isCloseTo(5.82, within(0.01));
    }

    @Test
    void histogramMedianAndTails() {
        Histogram h = new Histogram(0, 0.5, 201);
        for (double v : new double[] {80, 81, 82, 90, 95}) {
            h.add(v);
        }
        h.add(Double.NaN);
        assertThat(h.total()).isEqualTo(5);
        assertThat(h.median()).isEqualTo(82);
        assertThat(h.countBelow(82)).isEqualTo(2);
        assertThat(h.countAbove(82)).isEqualTo(2);
    }
}
