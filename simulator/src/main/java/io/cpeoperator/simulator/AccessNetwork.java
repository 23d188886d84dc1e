package io.cpeoperator.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Which access node (an OLT port group or a DSLAM) each device hangs off: {@value #DEVICES_PER_NODE} devices per node,
 * dealt out at random but reproducibly from the fleet seed. Node names are {@code olt-<k>} or, every third node,
 * {@code dslam-<k>}.
 */
public final class AccessNetwork {

    public static final int DEVICES_PER_NODE = 8;

    private final List<String> nodeOfDevice;

    private AccessNetwork(List<String> nodeOfDevice) {
        this.nodeOfDevice = List.copyOf(nodeOfDevice);
    }

    public static AccessNetwork plan(long seed, int devices) {
        int nodes = Math.max(1, (devices + DEVICES_PER_NODE - 1) / DEVICES_PER_NODE);
        List<String> slots = new ArrayList<>(devices);
        for (int i = 0; i < devices; i++) {
            slots.add(nodeName(i % nodes));
        }
        Collections.shuffle(slots, new Random(seed * 7_919L + 17));
        return new AccessNetwork(slots);
    }

    static String nodeName(int k) {
        return (k % 3 == 2 ? "dslam-" : "olt-") + k;
    }

    /** The node of the device at {@code index} (creation order). */
    public String nodeOf(int index) {
        return nodeOfDevice.get(index);
    }

    /** Node names in order of first use. */
    public List<String> nodes() {
        return List.copyOf(new LinkedHashSet<>(nodeOfDevice));
    }

    /** Indexes of the devices on {@code node}. */
    public List<Integer> devicesOn(String node) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < nodeOfDevice.size(); i++) {
            if (nodeOfDevice.get(i).equals(node)) {
                indexes.add(i);
            }
        }
        return indexes;
    }

    /** Picks {@code count} distinct nodes, reproducibly. */
    List<String> pick(int count, Random random) {
        List<String> all = new ArrayList<>(nodes());
        Collections.shuffle(all, random);
        Set<String> picked = new LinkedHashSet<>(all.subList(0, Math.min(count, all.size())));
        return List.copyOf(picked);
    }
}
