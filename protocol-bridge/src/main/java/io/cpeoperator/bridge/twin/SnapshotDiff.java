package io.cpeoperator.bridge.twin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The changes between a twin's old and new table when a full snapshot replaces it. */
final class SnapshotDiff {

    private SnapshotDiff() {
    }

    static List<TwinChange> changes(TwinSchema oldSchema, SlotTable oldTable, TwinSchema newSchema,
                                    SlotTable newTable) {
        List<TwinChange> changes = new ArrayList<>();
        if (oldSchema == newSchema) {
            mergeByPathId(newSchema, oldTable, newTable, changes);
        } else {
            compareByPath(oldSchema, oldTable, newSchema, newTable, changes);
        }
        return changes;
    }

    /** Both tables are sorted by ids of the same schema: walk them side by side. */
    private static void mergeByPathId(TwinSchema schema, SlotTable before, SlotTable after, List<TwinChange> out) {
        int i = 0;
        int j = 0;
        while (i < before.size() || j < after.size()) {
            int oldId = i < before.size() ? before.pathId(i) : Integer.MAX_VALUE;
            int newId = j < after.size() ? after.pathId(j) : Integer.MAX_VALUE;
            if (oldId < newId) {
                removed(schema.path(oldId), before, i++, out);
            } else if (newId < oldId) {
                added(schema.path(newId), after, j++, out);
            } else {
                changed(schema.path(newId), before, i++, after, j++, out);
            }
        }
    }

    private static void compareByPath(TwinSchema oldSchema, SlotTable before, TwinSchema newSchema, SlotTable after,
                                      List<TwinChange> out) {
        Map<String, Integer> oldSlots = new HashMap<>();
        for (int i = 0; i < before.size(); i++) {
            oldSlots.put(oldSchema.path(before.pathId(i)), i);
        }
        for (int j = 0; j < after.size(); j++) {
            String path = newSchema.path(after.pathId(j));
            Integer i = oldSlots.remove(path);
            if (i == null) {
                added(path, after, j, out);
            } else {
                changed(path, before, i, after, j, out);
            }
        }
        oldSlots.forEach((path, i) -> removed(path, before, i, out));
    }

    private static void added(String path, SlotTable after, int j, List<TwinChange> out) {
        out.add(after.isObject(j)
                ? new TwinChange(TwinChange.Kind.OBJECT_CREATED, path, null, null)
                : new TwinChange(TwinChange.Kind.PARAMETER_ADDED, path, null, after.value(j)));
    }

    private static void removed(String path, SlotTable before, int i, List<TwinChange> out) {
        out.add(before.isObject(i)
                ? new TwinChange(TwinChange.Kind.OBJECT_DELETED, path, null, null)
                : new TwinChange(TwinChange.Kind.PARAMETER_REMOVED, path, before.value(i), null));
    }

    private static void changed(String path, SlotTable before, int i, SlotTable after, int j, List<TwinChange> out) {
        if (before.isObject(i) || after.isObject(j)) {
            return;
        }
        String oldValue = before.value(i);
        String newValue = after.value(j);
        if (!oldValue.equals(newValue)) {
            out.add(new TwinChange(TwinChange.Kind.VALUE_CHANGED, path, oldValue, newValue));
        }
    }
}
