package io.cpeoperator.operator.device.events;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.operator.fleet.rollout.RolloutAdmissions;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;

import java.util.Objects;

/**
 * Which updates of a CpeDevice are news for its reconciler: a spec change (generation), labels (they decide which
 * fleets select the device, and so its desired parameters and firmware), its rollout admission, deletion and
 * finalizers. Status writes, the operator's own and most of them, are not.
 */
public final class DeviceUpdateFilter implements OnUpdateFilter<CpeDevice> {

    @Override
    public boolean accept(CpeDevice updated, CpeDevice old) {
        var now = updated.getMetadata();
        var before = old.getMetadata();
        return !Objects.equals(now.getGeneration(), before.getGeneration())
                || !Objects.equals(now.getLabels(), before.getLabels())
                || !Objects.equals(RolloutAdmissions.annotation(updated), RolloutAdmissions.annotation(old))
                || !Objects.equals(now.getDeletionTimestamp(), before.getDeletionTimestamp())
                || !Objects.equals(now.getFinalizers(), before.getFinalizers());
    }
}
