package io.cpeoperator.operator.insights;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Every device's {@link HourlyHistory}, keyed by device id, all with the same number of days. In memory only: after
 * a restart the insights speak of fewer days until the history has filled again (they say how much they had).
 */
public final class HourlyHistoryStore {

    public static final int DEFAULT_DAYS = 7;

    private final int days;
    private final ConcurrentMap<String, HourlyHistory> histories = new ConcurrentHashMap<>();

    public HourlyHistoryStore() {
        this(DEFAULT_DAYS);
    }

    public HourlyHistoryStore(int days) {
        HourlyHistory.checkDays(days);
        this.days = days;
    }

    public int days() {
        return days;
    }

    /** The device's history, created empty on first use. */
    public HourlyHistory of(String deviceId) {
        return histories.computeIfAbsent(deviceId, id -> new HourlyHistory(days));
    }

    /** The device's history, or null when nothing was recorded for it. */
    public HourlyHistory find(String deviceId) {
        return histories.get(deviceId);
    }

    public void forget(String deviceId) {
        histories.remove(deviceId);
    }

    public int size() {
        return histories.size();
    }
}
