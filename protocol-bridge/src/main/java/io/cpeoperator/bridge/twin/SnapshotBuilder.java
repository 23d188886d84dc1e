package io.cpeoperator.bridge.twin;

import io.cpeoperator.bridge.device.DeviceId;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;

/**
 * Builds the {@link SlotTable} of a full snapshot outside any lock, so the swap into the twin is a few field writes.
 * Paths are interned in the snapshot's order (a CWMP GetParameterNames walk is in tree order), which keeps a
 * schema's ids close to path order and later sorts cheap. When a path appears twice, the last value wins.
 */
final class SnapshotBuilder {

    private SnapshotBuilder() {
    }

    static SlotTable build(DeviceId device, TwinSchema schema, Collection<ParameterValue> parameters, Instant at,
                           IngestGuard guard) {
        ParameterValue[] accepted = new ParameterValue[parameters.size()];
        // (path id << 32 | input position): sorting gives id order, and for equal ids input order
        long[] order = new long[parameters.size()];
        int count = 0;
        for (ParameterValue parameter : parameters) {
            String path = parameter.path();
            if (!guard.acceptValue(device, path, parameter.value())) {
                continue;
            }
            int pathId = guard.pathId(device, schema, path, IngestGuard.usageOf(path));
            if (pathId < 0) {
                continue;
            }
            accepted[count] = parameter;
            order[count] = ((long) pathId << 32) | count;
            count++;
        }
        Arrays.sort(order, 0, count);

        long second = at.getEpochSecond();
        SlotTable table = new SlotTable(count, second);
        for (int k = 0; k < count; k++) {
            int pathId = (int) (order[k] >>> 32);
            if (k + 1 < count && (int) (order[k + 1] >>> 32) == pathId) {
                continue; // a later duplicate follows; it wins
            }
            ParameterValue parameter = accepted[(int) order[k]];
            if (!guard.acceptNewSlot(device, table.size(), parameter.path())) {
                break;
            }
            int slot = table.append(pathId);
            if (!ParameterPath.isPartial(parameter.path())) {
                table.setValue(slot, parameter.value());
                table.setType(slot, parameter.type());
                table.setWritable(slot, Boolean.TRUE.equals(parameter.writable()));
            }
            table.setObservedSecond(slot, second);
        }
        table.trim();
        return table;
    }
}
