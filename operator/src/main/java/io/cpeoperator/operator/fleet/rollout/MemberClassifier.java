package io.cpeoperator.operator.fleet.rollout;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.CpeFleet;
import io.cpeoperator.api.v1alpha1.DeviceSummary;
import io.cpeoperator.api.v1alpha1.FirmwareStatus;
import io.cpeoperator.api.v1alpha1.QoeFinding;
import io.cpeoperator.api.v1alpha1.QoeStatus;
import io.cpeoperator.operator.conditions.Conditions;
import io.cpeoperator.operator.device.firmware.FirmwareUpgrader;
import io.cpeoperator.operator.device.summary.BootTimes;
import io.cpeoperator.operator.fleet.FleetDirectory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads where each selected device stands in a fleet's rollout from its CpeDevice (annotation and status). */
public final class MemberClassifier {

    private final RolloutAdmissions admissions;

    public MemberClassifier(RolloutAdmissions admissions) {
        this.admissions = admissions;
    }

    /**
     * @param otherFleets the other fleets of the namespace that set firmware: a device they also select with a
     *                    different spec.firmware is excluded
     */
    public Member classify(CpeFleet fleet, CpeDevice device, List<CpeFleet> otherFleets, Duration settleTime) {
        String target = fleet.getSpec().getFirmware().getVersion();
        String fleetName = fleet.getMetadata().getName();
        DeviceSummary summary = device.getStatus() == null ? null : device.getStatus().getSummary();
        FirmwareStatus firmware = device.getStatus() == null ? null : device.getStatus().getFirmware();
        QoeStatus qoe = device.getStatus() == null ? null : device.getStatus().getQoe();
        String model = summary == null ? "unknown" : Objects.requireNonNullElse(summary.getModelName(),
                Objects.requireNonNullElse(summary.getProductClass(), "unknown"));
        Set<String> findings = qoe == null || qoe.getFindings() == null ? Set.of()
                : qoe.getFindings().stream().map(QoeFinding::getCode).filter(Objects::nonNull).collect(Collectors.toSet());
        Integer score = qoe == null ? null : qoe.getScore();
        Instant judgedAt = qoe == null ? null : Conditions.parse(qoe.getEvaluatedAt());
        boolean admitted = admissions.isAdmitted(device, fleetName, target);

        if (device.getSpec() != null && device.getSpec().getFirmware() != null
                || otherFleets.stream().anyMatch(other -> FleetDirectory.selects(other, device)
                && !fleet.getSpec().getFirmware().equals(other.getSpec().getFirmware()))) {
            return new Member(device, Standing.EXCLUDED, admitted, model, null, true, null, judgedAt, score, findings);
        }
        String running = summary == null ? null : summary.getSoftwareVersion();
        boolean triedTarget = firmware != null && target.equals(firmware.getTargetVersion());
        if (triedTarget && FirmwareUpgrader.FAILED.equals(firmware.getState()) && !target.equals(running)) {
            return new Member(device, Standing.FAILED, admitted, model, "download or install failed with fault "
                    + firmware.getLastFaultCode() + " (" + firmware.getLastFaultMessage() + ")", false, null, judgedAt,
                    score, findings);
        }
        if (target.equals(running)) {
            Instant upgradedAt = triedTarget ? Conditions.parse(firmware.getUpgradedAt()) : null;
            Instant bootTime = summary == null ? null : Conditions.parse(summary.getBootTime());
            // not the RebootLoop finding: it looks back an hour, so it still shows a loop on the version before
            if (upgradedAt != null && bootTime != null && bootTime.isAfter(upgradedAt.plus(BootTimes.TOLERANCE))) {
                return new Member(device, Standing.FAILED, admitted, model, "rebooted on its own at " + bootTime
                        + " after booting into " + target + " at " + upgradedAt, true, null, judgedAt, score,
                        findings);
            }
            Instant since = latest(upgradedAt, bootTime);
            Instant settledAt = since == null ? null : since.plus(settleTime);
            return new Member(device, Standing.UPDATED, admitted, model, null, true, settledAt, judgedAt, score,
                    findings);
        }
        return new Member(device, admitted ? Standing.IN_FLIGHT : Standing.PENDING, admitted, model, null, false,
                null, judgedAt, score, findings);
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
