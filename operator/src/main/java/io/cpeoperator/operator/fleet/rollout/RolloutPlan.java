package io.cpeoperator.operator.fleet.rollout;

import io.cpeoperator.api.v1alpha1.RolloutStatus;

import java.time.Duration;
import java.util.List;

/**
 * What one look at a fleet's rollout concluded.
 *
 * @param status  the new status.rollout
 * @param admit   devices to admit now, in order
 * @param events  what to announce on the fleet
 * @param recheck when to look again at the latest (null: device changes will say)
 */
public record RolloutPlan(RolloutStatus status, List<Member> admit, List<Announcement> events, Duration recheck) {

    /**
     * An Event for the fleet.
     *
     * @param once for a transition that happens once per version (a wave started or completed, the rollout completed):
     *             what identifies it, so that deciding it again after a restart does not record it twice; else null
     */
    public record Announcement(boolean warning, String reason, String message, String once) {

        Announcement(boolean warning, String reason, String message) {
            this(warning, reason, message, null);
        }
    }
}
