package io.cpeoperator.operator.qoe;

import io.cpeoperator.api.v1alpha1.CpeDeviceStatus;
import io.cpeoperator.api.v1alpha1.QoeStatus;
import io.cpeoperator.operator.conditions.DesiredCondition;
import io.cpeoperator.operator.device.status.MaterialStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QoeStatusMapperTest {

    @Test
    void statusCarriesTheSummaryAndTheConditionTheTopFinding() {
        QoeAssessment a = QoeHome.connected(QoeHome.tr181().weakClient(HomeTrees.CLIENT_5G_A, -84)
                .radioNoise(HomeTrees.RADIO_5G, -66)).assess();

        QoeStatus status = QoeStatusMapper.status(a);
        assertThat(status.getScore()).isEqualTo(a.score().orElseThrow());
        assertThat(status.getGrade()).isEqualTo(a.grade().orElseThrow().label());
        assertThat(status.getFactors()).containsKeys("wifi", "wan", "system").doesNotContainKey("mesh");
        assertThat(status.getFindings()).extracting(f -> f.getCode()).containsExactlyInAnyOrder(
                FindingCodes.WIFI_WEAK_CLIENT_SIGNAL, FindingCodes.WIFI_HIGH_NOISE);
        assertThat(status.getFindings().get(0).getEvidence()).contains("@ 20");
        assertThat(status.getReport()).isEqualTo(a.report());

        DesiredCondition condition = QoeStatusMapper.condition(a);
        assertThat(condition.status().name()).isEqualTo("FALSE");
        assertThat(condition.reason()).isEqualTo(a.topFinding().orElseThrow().code());
        assertThat(condition.message()).doesNotContain("-84").doesNotContain("-66");
    }

    @Test
    void aScoreMovingIsNotMaterialButAGradeOrAFindingIs() {
        CpeDeviceStatus before = withQoe(81, "Good", "WifiHighNoise", "noise -76 dBm");
        CpeDeviceStatus scoreMoved = withQoe(80, "Good", "WifiHighNoise", "noise -75 dBm");
        CpeDeviceStatus gradeMoved = withQoe(74, "Fair", "WifiHighNoise", "noise -75 dBm");
        CpeDeviceStatus findingChanged = withQoe(81, "Good", "WifiChannelCongested", "noise -76 dBm");

        assertThat(MaterialStatus.materialPart(scoreMoved)).isEqualTo(MaterialStatus.materialPart(before));
        assertThat(MaterialStatus.materialPart(gradeMoved)).isNotEqualTo(MaterialStatus.materialPart(before));
        assertThat(MaterialStatus.materialPart(findingChanged)).isNotEqualTo(MaterialStatus.materialPart(before));
    }

    private static CpeDeviceStatus withQoe(int score, String grade, String code, String message) {
        QoeStatus qoe = new QoeStatus();
        qoe.setScore(score);
        qoe.setGrade(grade);
        qoe.setReport("report: " + message);
        io.cpeoperator.api.v1alpha1.QoeFinding finding = new io.cpeoperator.api.v1alpha1.QoeFinding();
        finding.setCode(code);
        finding.setSeverity("Warning");
        finding.setMessage(message);
        qoe.setFindings(java.util.List.of(finding));
        CpeDeviceStatus status = new CpeDeviceStatus();
        status.setQoe(qoe);
        return status;
    }
}
