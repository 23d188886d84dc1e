package io.cpeoperator.benchmarks.twin;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Used heap after full collections: what a data structure retains, not what its construction allocated. */
final class HeapMeter {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private HeapMeter() {
    }

    static long retainedBytes() throws InterruptedException {
        long previous = Long.MAX_VALUE;
        // collect until the figure stops falling: finalizers, reference queues and soft caches settle
        for (int round = 0; round < 10; round++) {
            System.gc();
            Thread.sleep(100);
            long used = MEMORY.getHeapMemoryUsage().getUsed();
            if (round >= 2 && Math.abs(previous - used) < 512 * 1024) {
                return used;
            }
            previous = used;
        }
        return previous;
    }
}
