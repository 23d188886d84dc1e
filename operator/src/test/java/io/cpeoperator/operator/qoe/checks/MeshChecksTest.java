package io.cpeoperator.operator.qoe.checks;

import io.cpeoperator.operator.qoe.CheckResult;
import io.cpeoperator.operator.qoe.Factor;
import io.cpeoperator.operator.qoe.Finding;
import io.cpeoperator.operator.qoe.QoeAssessment;
import io.cpeoperator.operator.qoe.QoeHome;
import io.cpeoperator.operator.qoe.Severity;
import io.cpeoperator.operator.qoe.signals.Evidence;
import org.junit.jupiter.api.Test;

import static io.cpeoperator.operator.qoe.FindingCodes.MESH_BACKHAUL_WEAK;
import static io.cpeoperator.operator.qoe.HomeTrees.BACKHAUL;
import static io.cpeoperator.operator.qoe.QoeHome.check;
import static io.cpeoperator.operator.qoe.QoeHome.codes;
import static io.cpeoperator.operator.qoe.QoeHome.finding;
import static org.assertj.core.api.Assertions.assertThat;

class MeshChecksTest {

    private static QoeAssessment mesh(int rcpi, long kbps) {
        return QoeHome.connected(QoeHome.tr181().mesh(rcpi, kbps)).assess();
    }

    @Test
    void notAMeshNodeIsNotApplicableAndNotAssessed() {
        QoeAssessment a = QoeHome.connected(QoeHome.tr181()).assess();

        assertThat(check(a, Factor.MESH, "backhaul").state()).isEqualTo(CheckResult.State.NOT_APPLICABLE);
        assertThat(a.factor(Factor.MESH).orElseThrow().assessed()).isFalse();
        assertThat(a.notAssessed()).noneMatch(l -> l.startsWith("mesh."));
    }

    @Test
    void aWeakBackhaulSignalIsRaisedAtMinus75Dbm() {
        // RCPI 70 = -75 dBm, RCPI 71 = -74.5 dBm
        QoeAssessment at = mesh(70, 866000);
        QoeAssessment above = mesh(71, 866000);

        Finding finding = finding(at, MESH_BACKHAUL_WEAK).orElseThrow();
        assertThat(finding.message()).isEqualTo("the backhaul signal is -75 dBm (RCPI 70), its rate 866 Mbps");
        assertThat(finding.evidence()).extracting(Evidence::path, Evidence::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(BACKHAUL + "Stats.SignalStrength", "70"));
        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(codes(above)).doesNotContain(MESH_BACKHAUL_WEAK);
        assertThat(above.factor(Factor.MESH).orElseThrow().assessed()).isTrue();
    }

    @Test
    void aSlowBackhaulIsRaisedAt100Mbps() {
        QoeAssessment at = mesh(150, 100000);
        QoeAssessment above = mesh(150, 100001);
        QoeAssessment both = mesh(40, 20000);

        assertThat(finding(at, MESH_BACKHAUL_WEAK).orElseThrow().evidence()).extracting(Evidence::path)
                .containsExactly(BACKHAUL + "Stats.LastDataDownlinkRate");
        assertThat(codes(above)).doesNotContain(MESH_BACKHAUL_WEAK);
        assertThat(finding(both, MESH_BACKHAUL_WEAK).orElseThrow().severity()).isEqualTo(Severity.CRITICAL);
    }
}
