package io.cpeoperator.operator.fleet.rollout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.zip.CRC32C;

/**
 * The order in which a rollout admits devices: deterministic for a version (the same fleet and version always give
 * the same order, across restarts), and spread so that the first devices come from as many models and access nodes
 * as there are. Devices are grouped by model and spread label; groups take turns, each giving its next device.
 */
public final class WaveOrder {

    private WaveOrder() {
    }

    /**
     * @param group    the group of a device, e.g. "model|access-node"
     * @param name     the device's unique name
     * @param salt     mixed into the hashes, e.g. the target version, so that each version starts somewhere else
     */
    public static <T> List<T> order(List<T> devices, Function<T, String> group, Function<T, String> name, String salt) {
        Map<String, List<T>> groups = new TreeMap<>();
        for (T device : devices) {
            groups.computeIfAbsent(group.apply(device), g -> new ArrayList<>()).add(device);
        }
        List<Deque<T>> turns = new ArrayList<>();
        groups.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, List<T>> e) -> hash(e.getKey(), salt))
                        .thenComparing(Map.Entry::getKey))
                .forEach(entry -> {
                    List<T> members = new ArrayList<>(entry.getValue());
                    members.sort(Comparator.comparingLong((T d) -> hash(name.apply(d), salt))
                            .thenComparing(name));
                    turns.add(new ArrayDeque<>(members));
                });
        List<T> ordered = new ArrayList<>(devices.size());
        while (!turns.isEmpty()) {
            turns.removeIf(turn -> {
                ordered.add(turn.pollFirst());
                return turn.isEmpty();
            });
        }
        return ordered;
    }

    static long hash(String value, String salt) {
        CRC32C crc = new CRC32C();
        crc.update(salt.getBytes(StandardCharsets.UTF_8));
        crc.update(0);
        crc.update(value.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
