package io.cpeoperator.bridge.cwmp.sync;

import java.util.ArrayList;
import java.util.List;

/**
 * The split budget of one value fetch that tolerates vanished names: how many extra GetParameterValues requests
 * splitting refused chunks may cost, and which names were left out in the end. A vanished name costs about two
 * requests per halving of its chunk; the budget grows with the fetch, so a big tree with a few churning hosts goes
 * through, while a device that faults every name fails the fetch after a bounded number of requests instead of being
 * asked name by name.
 */
final class VanishedNames {

    private static final int MIN_SPLITS = 32;
    private static final int NAMES_PER_SPLIT = 8;

    private final List<String> leftOut = new ArrayList<>();
    private int splitsLeft;

    private VanishedNames(int splits) {
        this.splitsLeft = splits;
    }

    /** For a fetch of names somebody asked for by name: any fault fails it. */
    static VanishedNames notTolerated() {
        return new VanishedNames(0);
    }

    static VanishedNames forFetchOf(int names) {
        return new VanishedNames(Math.max(MIN_SPLITS, names / NAMES_PER_SPLIT));
    }

    /** Spends one split; false once the budget is gone (or for a fetch that tolerates nothing). */
    synchronized boolean trySplit() {
        if (splitsLeft <= 0) {
            return false;
        }
        splitsLeft--;
        return true;
    }

    /** A name the device refused standing alone: it is left out of the fetch. */
    synchronized void leftOut(String name) {
        leftOut.add(name);
    }

    /** The names left out so far, in the order the device refused them. */
    synchronized List<String> leftOut() {
        return List.copyOf(leftOut);
    }
}
