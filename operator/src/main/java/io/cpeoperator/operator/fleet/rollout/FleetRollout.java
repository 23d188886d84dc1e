package io.cpeoperator.operator.fleet.rollout;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.CpeFleet;
import io.cpeoperator.api.v1alpha1.RolloutStatus;
import io.cpeoperator.operator.kube.EventRecorder;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A fleet's firmware rollout, one look at a time: classify the selected devices, plan, admit, announce. Returns what
 * the fleet's status and conditions need.
 */
public final class FleetRollout {

    private final MemberClassifier classifier;
    private final RolloutAdmitter admitter;
    private final EventRecorder events;
    private final Clock clock;

    public FleetRollout(RolloutAdmissions admissions, RolloutAdmitter admitter, EventRecorder events, Clock clock) {
        this.classifier = new MemberClassifier(admissions);
        this.admitter = admitter;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The outcome of a look.
     *
     * @param status  status.rollout (null when the fleet sets no firmware)
     * @param problem why spec.rollout cannot be used (null when it can)
     * @param recheck when to look again at the latest (null: device changes will say)
     */
    public record Outcome(RolloutStatus status, String problem, Duration recheck) {
        public static Outcome none() {
            return new Outcome(null, null, null);
        }
    }

    /**
     * @param selected    the devices the fleet selects
     * @param otherFleets the other fleets of the namespace
     */
    public Outcome look(CpeFleet fleet, List<CpeDevice> selected, List<CpeFleet> otherFleets) {
        if (fleet.getSpec() == null || fleet.getSpec().getFirmware() == null) {
            return Outcome.none();
        }
        RolloutPolicy.Result policy = RolloutPolicy.from(fleet.getSpec().getRollout());
        RolloutStatus previous = fleet.getStatus() == null ? null : fleet.getStatus().getRollout();
        if (policy.policy() == null) {
            return new Outcome(previous, policy.problem(), null);
        }
        RolloutPolicy rules = policy.policy();
        String target = fleet.getSpec().getFirmware().getVersion();
        List<CpeFleet> firmwareFleets = otherFleets.stream().filter(f -> f.getSpec() != null
                && f.getSpec().getFirmware() != null).toList();
        List<Member> members = selected.stream()
                .map(device -> classifier.classify(fleet, device, firmwareFleets, rules.settleTime()))
                .toList();
        RolloutPlan plan = RolloutPlanner.plan(target, members, rules, previous,
                member -> label(member.device(), rules.spreadByLabel()), clock.instant());
        int admitted = plan.admit().isEmpty() ? 0 : admitter.admit(fleet, target, plan.admit());
        RolloutStatus status = plan.status();
        if (admitted < plan.admit().size()) {
            int missed = plan.admit().size() - admitted;
            status.setInProgress(status.getInProgress() - missed);
            status.setPending(status.getPending() + missed);
        }
        for (RolloutPlan.Announcement event : plan.events()) {
            EventRecorder.Type type = event.warning() ? EventRecorder.Type.Warning : EventRecorder.Type.Normal;
            if (event.once() != null) {
                events.recordOnce(fleet, type, event.reason(), event.message(), event.once());
            } else {
                events.record(fleet, type, event.reason(), event.message());
            }
        }
        return new Outcome(status, null, plan.recheck());
    }

    private static String label(CpeDevice device, String key) {
        Map<String, String> labels = device.getMetadata().getLabels();
        return labels == null ? null : labels.get(key);
    }
}
