package io.cpeoperator.operator.fleet.aggregate;

import io.cpeoperator.api.v1alpha1.FindingCount;
import io.cpeoperator.api.v1alpha1.ModelCount;
import io.cpeoperator.api.v1alpha1.QoeDistribution;
import io.cpeoperator.api.v1alpha1.VersionCount;
import io.cpeoperator.operator.qoe.Grade;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class FleetTallyTest {

    private final FleetTally tally = new FleetTally();

    @Test
    void percentilesAndMeanAreExactNearestRank() {
        putScores(10, 20, 30, 40, 50, 60, 70, 80, 90, 100);
        assertQoe(10, 55, 10, 50, 90);

        FleetTally small = new FleetTally();
        int i = 0;
        for (int score : new int[]{4, 1, 3, 2}) {
            small.put("s" + i++, scored(score));
        }
        QoeDistribution qoe = small.snapshot(null, 5).qoe();
        assertThat(List.of(qoe.getMean(), qoe.getP10(), qoe.getP50(), qoe.getP90())).containsExactly(3, 1, 2, 4);
    }

    @Test
    void percentilesWithRepeatedScoresAndOneDevice() {
        putScores(0, 0, 0, 100);
        assertQoe(4, 25, 0, 0, 100);

        FleetTally one = new FleetTally();
        one.put("a", scored(73));
        QoeDistribution qoe = one.snapshot(null, 5).qoe();
        assertThat(List.of(qoe.getEvaluated(), qoe.getMean(), qoe.getP10(), qoe.getP50(), qoe.getP90()))
                .containsExactly(1, 73, 73, 73, 73);
    }

    @Test
    void scoresAreUnknownNotZeroWhenNoDeviceHasOne() {
        tally.put("a", DeviceContribution.NOTHING_KNOWN);
        tally.put("b", DeviceContribution.NOTHING_KNOWN);

        FleetAggregate aggregate = tally.snapshot(null, 5);

        QoeDistribution qoe = aggregate.qoe();
        assertThat(qoe.getEvaluated()).isZero();
        assertThat(qoe.getMean()).isNull();
        assertThat(qoe.getP10()).isNull();
        assertThat(qoe.getP50()).isNull();
        assertThat(qoe.getP90()).isNull();
        assertThat(qoe.getUnknown()).isEqualTo(2);
        assertThat(aggregate.qoeUnknown()).isEqualTo(2);
        assertThat(aggregate.firmware()).isEmpty();
        assertThat(FleetAggregate.empty().qoe().getMean()).isNull();
        assertThat(FleetAggregate.empty().total()).isZero();
    }

    @Test
    void gradesAreCountedAndTheRestIsUnknown() {
        putScores(95, 91, 80, 60, 10);
        tally.put("none", DeviceContribution.NOTHING_KNOWN);

        QoeDistribution qoe = tally.snapshot(null, 5).qoe();

        assertThat(List.of(qoe.getExcellent(), qoe.getGood(), qoe.getFair(), qoe.getPoor(), qoe.getUnknown()))
                .containsExactly(2, 1, 1, 1, 1);
    }

    @Test
    void replacingAContributionSubtractsTheOldOne() {
        tally.put("a", contribution(true, 40, "1.0", "M1", "WanDown"));
        tally.put("b", contribution(false, 90, "1.0", "M1"));

        assertThat(tally.put("a", contribution(false, 80, "2.0", "M2", "WifiHighNoise"))).isTrue();

        FleetAggregate aggregate = tally.snapshot(null, 5);
        assertThat(aggregate.total()).isEqualTo(2);
        assertThat(aggregate.connected()).isZero();
        assertThat(aggregate.firmware()).extracting(VersionCount::getVersion, VersionCount::getDevices)
                .containsExactly(tuple("1.0", 1), tuple("2.0", 1));
        assertThat(aggregate.models()).extracting(ModelCount::getModel, ModelCount::getDevices)
                .containsExactly(tuple("M1", 1), tuple("M2", 1));
        assertThat(aggregate.topFindings()).extracting(FindingCount::getCode).containsExactly("WifiHighNoise");
        assertThat(aggregate.qoe().getPoor()).isZero();
        assertThat(aggregate.qoe().getP10()).isEqualTo(80);
    }

    @Test
    void removalTakesEverythingBackAndNeverGoesNegative() {
        tally.put("a", contribution(true, 40, "1.0", "M1", "WanDown"));

        assertThat(tally.remove("a")).isTrue();
        assertThat(tally.remove("a")).isFalse();
        assertThat(tally.remove("never")).isFalse();

        assertThat(tally.size()).isZero();
        assertThat(tally.snapshot(null, 5)).isEqualTo(FleetAggregate.empty());
    }

    @Test
    void puttingTheSameContributionTwiceCountsOnce() {
        DeviceContribution c = contribution(true, 70, "1.0", "M1", "WanDown");
        assertThat(tally.put("a", c)).isTrue();
        FleetAggregate once = tally.snapshot(null, 5);

        assertThat(tally.put("a", contribution(true, 70, "1.0", "M1", "WanDown"))).isFalse();

        assertThat(tally.snapshot(null, 5)).isEqualTo(once);
        assertThat(once.total()).isEqualTo(1);
        assertThat(once.connected()).isEqualTo(1);
        assertThat(once.topFindings()).extracting(FindingCount::getDevices).containsExactly(1);
    }

    @Test
    void firmwareCurrentIsTheTargetVersionOrElseTheCondition() {
        tally.put("a", contribution(true, 70, "2.0", "M1"));
        tally.put("b", contribution(true, 70, "1.0", "M1"));
        tally.put("c", new DeviceContribution(true, true, false, false, true, false, null, null, Set.of(), "2.0", "M1"));

        assertThat(tally.snapshot("2.0", 5).firmwareCurrent()).isEqualTo(2);
        assertThat(tally.snapshot("9.9", 5).firmwareCurrent()).isZero();
        assertThat(tally.snapshot(null, 5).firmwareCurrent()).isEqualTo(2);
    }

    @Test
    void distributionsListTheTopNThenOther() {
        String[] versions = {"1.0", "1.0", "1.0", "1.0", "1.0", "2.0", "2.0", "2.0", "3.0", "3.0", "5.0", "4.0"};
        for (int i = 0; i < versions.length; i++) {
            tally.put("d" + i, contribution(true, 50, versions[i], "M" + (i % 3)));
        }
        tally.put("noVersion", DeviceContribution.NOTHING_KNOWN);

        FleetAggregate aggregate = tally.snapshot(null, 2);

        assertThat(aggregate.firmware()).extracting(VersionCount::getVersion, VersionCount::getDevices)
                .containsExactly(tuple("1.0", 5), tuple("2.0", 3), tuple(FleetAggregate.OTHER, 4));
        assertThat(aggregate.models()).extracting(ModelCount::getModel, ModelCount::getDevices)
                .containsExactly(tuple("M0", 4), tuple("M1", 4), tuple(FleetAggregate.OTHER, 4));
        assertThat(tally.snapshot(null, 5).firmware()).extracting(VersionCount::getVersion)
                .containsExactly("1.0", "2.0", "3.0", "4.0", "5.0");
        assertThatThrownBy(() -> tally.snapshot(null, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void topFindingsAreTheMostFrequentAtMostTopN() {
        tally.put("a", contribution(true, 50, "1.0", "M", "WanDown", "DhcpChurn", "CpuOverload"));
        tally.put("b", contribution(true, 50, "1.0", "M", "WanDown", "CpuOverload"));
        tally.put("c", contribution(true, 50, "1.0", "M", "WanDown", "Overheating"));

        assertThat(tally.snapshot(null, 3).topFindings()).extracting(FindingCount::getCode, FindingCount::getDevices)
                .containsExactly(tuple("WanDown", 3), tuple("CpuOverload", 2), tuple("DhcpChurn", 1));
    }

    @Test
    void aggregateCannotBeChangedThroughWhatItHandsOut() {
        tally.put("a", contribution(true, 50, "1.0", "M"));
        FleetAggregate aggregate = tally.snapshot(null, 5);

        aggregate.firmware().get(0).setDevices(99);
        aggregate.qoe().setMean(0);
        aggregate.firmware().clear();

        assertThat(aggregate.firmware()).extracting(VersionCount::getDevices).containsExactly(1);
        assertThat(aggregate.qoe().getMean()).isEqualTo(50);
        assertThat(aggregate).isEqualTo(tally.snapshot(null, 5));
    }

    private void putScores(int... scores) {
        for (int i = 0; i < scores.length; i++) {
            tally.put("d" + i, scored(scores[i]));
        }
    }

    private void assertQoe(int evaluated, int mean, int p10, int p50, int p90) {
        QoeDistribution qoe = tally.snapshot(null, 5).qoe();
        assertThat(List.of(qoe.getEvaluated(), qoe.getMean(), qoe.getP10(), qoe.getP50(), qoe.getP90()))
                .containsExactly(evaluated, mean, p10, p50, p90);
    }

    private static DeviceContribution scored(int score) {
        return contribution(true, score, "1.0", "M");
    }

    static DeviceContribution contribution(boolean connected, int score, String version, String model,
                                           String... findings) {
        return new DeviceContribution(connected, connected, false, true, score >= 70, false, Grade.of(score), score,
                Set.of(findings), version, model);
    }
}
