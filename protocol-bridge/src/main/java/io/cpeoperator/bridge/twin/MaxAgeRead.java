package io.cpeoperator.bridge.twin;

import java.util.List;

/**
 * The answer to a read with a maximum age: the values observed recently enough, and the paths whose values are too
 * old (or were never read), which the caller fetches from the device.
 */
public record MaxAgeRead(List<TwinParameter> fresh, List<String> stale) {
    public MaxAgeRead {
        fresh = List.copyOf(fresh);
        stale = List.copyOf(stale);
    }

    public boolean isFresh() {
        return stale.isEmpty();
    }
}
