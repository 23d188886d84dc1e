package io.cpeoperator.operator.fleet.rollout;

import io.cpeoperator.api.v1alpha1.CpeDevice;

import java.time.Instant;
import java.util.Set;

/**
 * One selected device as the rollout sees it, all read from its CpeDevice.
 *
 * @param admitted  the rollout admitted it for the target version
 * @param why       for a failed device, what happened, with the evidence
 * @param installed false for a device whose download or install of the version failed (it never ran it)
 * @param settledAt when its QoE starts to count for the version (null unless it runs the version)
 * @param judgedAt  when its QoE was last evaluated (null if never)
 * @param score     its QoE score, or null when not scored
 * @param findings  the codes of its QoE findings
 */
public record Member(CpeDevice device, Standing standing, boolean admitted, String model, String why,
                     boolean installed, Instant settledAt, Instant judgedAt, Integer score, Set<String> findings) {

    public String name() {
        return device.getMetadata().getName();
    }

    /** Its QoE was evaluated after it settled on the version. */
    public boolean judgedOnVersion() {
        return settledAt != null && judgedAt != null && !judgedAt.isBefore(settledAt);
    }
}
