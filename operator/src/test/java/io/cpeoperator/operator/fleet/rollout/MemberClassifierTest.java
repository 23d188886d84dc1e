package io.cpeoperator.operator.fleet.rollout;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.CpeDeviceSpec;
import io.cpeoperator.api.v1alpha1.CpeDeviceStatus;
import io.cpeoperator.api.v1alpha1.CpeFleet;
import io.cpeoperator.api.v1alpha1.CpeFleetSpec;
import io.cpeoperator.api.v1alpha1.DeviceSummary;
import io.cpeoperator.api.v1alpha1.FirmwareSpec;
import io.cpeoperator.api.v1alpha1.FirmwareStatus;
import io.cpeoperator.api.v1alpha1.QoeFinding;
import io.cpeoperator.api.v1alpha1.QoeStatus;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MemberClassifierTest {

    private static final String TARGET = "9.0.0";
    private static final Instant UPGRADED = Instant.parse("2026-12-06T10:00:30Z");
    private final RolloutAdmissions admissions = new RolloutAdmissions();
    private final MemberClassifier classifier = new MemberClassifier(admissions);
    private final CpeFleet fleet = fleet("ax", TARGET);

    @Test
    void aDeviceNotAdmittedWaitsAndAnAdmittedOneIsInFlight() {
        CpeDevice device = device("d1", "3.5.2");
        assertThat(classify(device).standing()).isEqualTo(Standing.PENDING);

        device.getMetadata().setAnnotations(Map.of(RolloutAdmissions.ANNOTATION, "ax@" + TARGET));
        Member member = classify(device);
        assertThat(member.standing()).isEqualTo(Standing.IN_FLIGHT);
        assertThat(member.admitted()).isTrue();
        // an admission for another version or another fleet is none
        device.getMetadata().setAnnotations(Map.of(RolloutAdmissions.ANNOTATION, "ax@8.0.0"));
        assertThat(classify(device).standing()).isEqualTo(Standing.PENDING);
    }

    @Test
    void anUpgradedDeviceSettlesFromItsUpgradeAndIsJudgedByALaterEvaluation() {
        CpeDevice device = upgraded("d2", "2026-12-06T10:00:20Z");
        device.getStatus().getQoe().setEvaluatedAt("2026-12-06T10:05:00Z");

        Member member = classifier.classify(fleet, device, List.of(), Duration.ofMinutes(10));
        assertThat(member.standing()).isEqualTo(Standing.UPDATED);
        assertThat(member.settledAt()).isEqualTo(UPGRADED.plus(Duration.ofMinutes(10)));
        assertThat(member.judgedOnVersion()).isFalse();
        device.getStatus().getQoe().setEvaluatedAt("2026-12-06T10:11:00Z");
        assertThat(classifier.classify(fleet, device, List.of(), Duration.ofMinutes(10)).judgedOnVersion()).isTrue();
    }

    @Test
    void aBootAfterTheUpgradeIsAFailureButAnOlderLoopIsNot() {
        CpeDevice crashed = upgraded("d3", "2026-12-06T10:02:00Z");
        Member member = classify(crashed);
        assertThat(member.standing()).isEqualTo(Standing.FAILED);
        assertThat(member.why()).contains("rebooted on its own at 2026-12-06T10:02:00Z").contains(TARGET);
        assertThat(member.installed()).isTrue();

        CpeDevice looping = upgraded("d4", "2026-12-06T10:00:20Z");
        QoeFinding finding = new QoeFinding();
        finding.setCode("RebootLoop");
        looping.getStatus().getQoe().setFindings(List.of(finding));
        // RebootLoop looks back an hour: on a device that just left a looping version it speaks of that version
        assertThat(classify(looping).standing()).isEqualTo(Standing.UPDATED);

        // the boot into the version itself, seen a few seconds apart, is no failure
        assertThat(classify(upgraded("d5", "2026-12-06T10:00:35Z")).standing()).isEqualTo(Standing.UPDATED);
    }

    @Test
    void aFailedDownloadIsAFailureThatNeverInstalled() {
        CpeDevice device = device("d6", "3.5.2");
        FirmwareStatus firmware = new FirmwareStatus();
        firmware.setTargetVersion(TARGET);
        firmware.setState("Failed");
        firmware.setLastFaultCode(9010);
        firmware.setLastFaultMessage("Download failure");
        device.getStatus().setFirmware(firmware);

        Member member = classify(device);
        assertThat(member.standing()).isEqualTo(Standing.FAILED);
        assertThat(member.installed()).isFalse();
        assertThat(member.why()).contains("9010 (Download failure)");
    }

    @Test
    void theDevicesOwnFirmwareOrAnotherFleetsDifferentFirmwareExcludesIt() {
        CpeDevice own = device("d7", "3.5.2");
        own.getSpec().setFirmware(firmware("3.6.0"));
        assertThat(classify(own).standing()).isEqualTo(Standing.EXCLUDED);

        CpeDevice disputed = device("d8", "3.5.2");
        assertThat(classifier.classify(fleet, disputed, List.of(fleet("other", "9.9.9")), Duration.ZERO).standing())
                .isEqualTo(Standing.EXCLUDED);
        assertThat(classifier.classify(fleet, disputed, List.of(fleet("same", TARGET)), Duration.ZERO).standing())
                .isEqualTo(Standing.PENDING);
    }

    private Member classify(CpeDevice device) {
        return classifier.classify(fleet, device, List.of(), Duration.ZERO);
    }

    /** Upgraded to the target at {@link #UPGRADED}, last booted at {@code bootTime}. */
    private static CpeDevice upgraded(String name, String bootTime) {
        CpeDevice device = device(name, TARGET);
        device.getMetadata().setAnnotations(Map.of(RolloutAdmissions.ANNOTATION, "ax@" + TARGET));
        device.getStatus().getSummary().setBootTime(bootTime);
        FirmwareStatus firmware = new FirmwareStatus();
        firmware.setTargetVersion(TARGET);
        firmware.setState("Succeeded");
        firmware.setUpgradedAt(UPGRADED.toString());
        device.getStatus().setFirmware(firmware);
        return device;
    }

    private static CpeDevice device(String name, String version) {
        CpeDevice device = new CpeDevice();
        device.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("ns")
                .withLabels(Map.of("group", "a")).build());
        device.setSpec(new CpeDeviceSpec());
        CpeDeviceStatus status = new CpeDeviceStatus();
        DeviceSummary summary = new DeviceSummary();
        summary.setModelName("NL-AX3000");
        summary.setSoftwareVersion(version);
        status.setSummary(summary);
        QoeStatus qoe = new QoeStatus();
        qoe.setScore(90);
        status.setQoe(qoe);
        device.setStatus(status);
        return device;
    }

    private static CpeFleet fleet(String name, String version) {
        CpeFleet fleet = new CpeFleet();
        fleet.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("ns").build());
        CpeFleetSpec spec = new CpeFleetSpec();
        spec.setSelector(new LabelSelectorBuilder().addToMatchLabels("group", "a").build());
        spec.setFirmware(firmware(version));
        fleet.setSpec(spec);
        return fleet;
    }

    private static FirmwareSpec firmware(String version) {
        FirmwareSpec firmware = new FirmwareSpec();
        firmware.setVersion(version);
        firmware.setUrl("https://fw.example.net/ax-" + version + ".bin");
        return firmware;
    }
}
