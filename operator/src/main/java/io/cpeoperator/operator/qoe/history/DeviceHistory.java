package io.cpeoperator.operator.qoe.history;

import io.cpeoperator.operator.qoe.signals.DeviceSignals;
import io.cpeoperator.operator.qoe.signals.InterfaceCounters;
import io.cpeoperator.operator.qoe.signals.Reading;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What one device's twin showed over the last while, in bounded memory: the last {@value #SAMPLES} readings of each
 * value that needs history (CPU, WAN counters), and the last {@value #EVENTS} boots and PPP session starts. A sample
 * is taken only when the device reported something new (a value with a newer observation time), so re-evaluating the
 * same twin does not fill the window with copies. Thread-safe.
 */
public final class DeviceHistory {

    static final int SAMPLES = 12;
    static final int EVENTS = 16;
    /**
     * Two derived boot (or session start) times this close are the same boot seen twice: the derivation (observation
     * second minus whole seconds of uptime, plus the time a reading takes to arrive) moves by a few seconds.
     */
    private static final Duration SAME_EVENT = Duration.ofSeconds(30);
    /** How long after a boot the WAN session may take to come up. */
    public static final Duration SESSION_AFTER_BOOT = Duration.ofMinutes(3);

    /** One observation: NaN for what was not reported. */
    private record CpuSample(Instant at, double cpu) {
    }

    private record CounterSample(Instant at, double packets, double errors) {
    }

    // apart: the subtrees of one re-read arrive one by one, and the counters must not push the CPU readings out
    private final Deque<CpuSample> cpuSamples = new ArrayDeque<>();
    private final Deque<CounterSample> counterSamples = new ArrayDeque<>();
    private final Deque<Instant> boots = new ArrayDeque<>();
    private final Deque<Instant> sessionStarts = new ArrayDeque<>();
    /** One entry per boot counted by Reboots.BootCount, at the time the higher count was seen. */
    private final Deque<Instant> countedBoots = new ArrayDeque<>();
    private double lastBootCount = Double.NaN;
    private Instant lastCpuAt;
    private Instant lastCountersAt;
    private Instant firstUptimeAt;
    private Instant lastUptimeAt;
    private Instant lastSessionAt;

    public synchronized void record(DeviceSignals signals) {
        Optional<Reading> cpu = signals.system().cpuPercent();
        Optional<InterfaceCounters> counters = signals.wan().counters();
        Instant cpuAt = cpu.map(Reading::observedAt).orElse(null);
        Instant countersAt = counters.flatMap(InterfaceCounters::packetsReceived).map(Reading::observedAt).orElse(null);
        boolean newCpu = cpuAt != null && (lastCpuAt == null || cpuAt.isAfter(lastCpuAt));
        boolean newCounters = countersAt != null && (lastCountersAt == null || countersAt.isAfter(lastCountersAt));
        if (newCpu) {
            keep(cpuSamples, new CpuSample(cpuAt, cpu.get().value()));
            lastCpuAt = cpuAt;
        }
        if (newCounters) {
            InterfaceCounters c = counters.get();
            double errors = c.errorsReceived().map(Reading::value).orElse(0.0)
                    + c.discardsReceived().map(Reading::value).orElse(0.0);
            keep(counterSamples, new CounterSample(countersAt, c.packetsReceived().get().value(), errors));
            lastCountersAt = countersAt;
        }
        signals.system().uptimeSeconds().ifPresent(uptime -> {
            if (lastUptimeAt == null || uptime.observedAt().isAfter(lastUptimeAt)) {
                lastUptimeAt = uptime.observedAt();
                firstUptimeAt = firstUptimeAt == null ? lastUptimeAt : firstUptimeAt;
                remember(boots, uptime.observedAt().minusMillis((long) (uptime.value() * 1000)));
            }
        });
        signals.system().bootCount().ifPresent(count -> {
            // boots faster than the readings come leave no uptime behind, but they do raise the count
            if (!Double.isNaN(lastBootCount) && count.value() > lastBootCount) {
                for (int i = 0; i < Math.min(EVENTS, count.value() - lastBootCount); i++) {
                    countedBoots.addLast(count.observedAt());
                }
                while (countedBoots.size() > EVENTS) {
                    countedBoots.removeFirst();
                }
            }
            lastBootCount = count.value();
        });
        signals.wan().ppp().ifPresent(ppp -> {
            Reading session = ppp.sessionSeconds();
            if (lastSessionAt == null || session.observedAt().isAfter(lastSessionAt)) {
                lastSessionAt = session.observedAt();
                remember(sessionStarts, session.observedAt().minusMillis((long) (session.value() * 1000)));
            }
        });
    }

    private static <T> void keep(Deque<T> samples, T sample) {
        samples.addLast(sample);
        while (samples.size() > SAMPLES) {
            samples.removeFirst();
        }
    }

    private static void remember(Deque<Instant> events, Instant at) {
        Instant last = events.peekLast();
        if (last != null && Duration.between(last, at).abs().compareTo(SAME_EVENT) <= 0) {
            return;
        }
        events.addLast(at);
        while (events.size() > EVENTS) {
            events.removeFirst();
        }
    }

    /**
     * The lowest CPU use over the newest readings that span {@code minSpan} (walking back from the newest reading
     * to the first one at least that much older): a sustained load, not a spike, and as soon as the readings show
     * it. Empty until such a span lies within {@code window} of the newest reading.
     */
    public synchronized Optional<SustainedCpu> sustainedCpu(Duration window, Duration minSpan) {
        Instant newest = null;
        double lowest = Double.MAX_VALUE;
        int readings = 0;
        for (Iterator<CpuSample> it = cpuSamples.descendingIterator(); it.hasNext(); ) {
            CpuSample sample = it.next();
            if (newest == null) {
                newest = sample.at();
            } else if (sample.at().isBefore(newest.minus(window))) {
                break;
            }
            lowest = Math.min(lowest, sample.cpu());
            readings++;
            Duration span = Duration.between(sample.at(), newest);
            if (readings >= 2 && span.compareTo(minSpan) >= 0) {
                return Optional.of(new SustainedCpu(lowest, readings, span));
            }
        }
        return Optional.empty();
    }

    /** A CPU load held over {@code readings} readings spanning {@code span}. */
    public record SustainedCpu(double lowest, int readings, Duration span) {
    }

    /**
     * Errors and discards per received packet between the two newest samples with counters; empty when there are not
     * two, or a counter was reset in between (a reboot).
     */
    public synchronized Optional<CounterWindow> wanErrorWindow() {
        if (counterSamples.size() < 2) {
            return Optional.empty();
        }
        CounterSample newer = counterSamples.peekLast();
        CounterSample older = null;
        for (CounterSample sample : counterSamples) {
            if (sample != newer) {
                older = sample;
            }
        }
        OptionalDouble packets = CounterDelta.between(older.packets(), newer.packets());
        OptionalDouble errors = CounterDelta.between(older.errors(), newer.errors());
        if (packets.isEmpty() || errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CounterWindow(older.at(), newer.at(), packets.getAsDouble(),
                errors.getAsDouble()));
    }

    /**
     * Boots within {@code window} before {@code now}: those whose time the uptime readings show (the current boot
     * included), or those the boot counter rose by, whichever is more.
     */
    public synchronized int bootsWithin(Duration window, Instant now) {
        return Math.max(countSince(boots, now.minus(window)), countSince(countedBoots, now.minus(window)));
    }

    /** How long the device's uptime has been watched: from its first observation to its newest. */
    public synchronized Duration uptimeWatched() {
        return firstUptimeAt == null ? Duration.ZERO : Duration.between(firstUptimeAt, lastUptimeAt);
    }

    public synchronized int sessionStartsWithin(Duration window, Instant now) {
        return countSince(sessionStarts, now.minus(window));
    }

    /**
     * Session starts within {@code window} that followed an earlier known session: restarts. The first session seen
     * may be the one of a boot; any later start replaced a session.
     */
    public synchronized int sessionRestartsWithin(Duration window, Instant now) {
        Instant from = now.minus(window);
        int count = 0;
        boolean first = true;
        for (Instant at : sessionStarts) {
            if (!first && !at.isBefore(from) && !followsBoot(at)) {
                count++;
            }
            first = false;
        }
        return count;
    }

    /** A session that came up in the minutes after a boot was started by the boot, not dropped by the line. */
    private boolean followsBoot(Instant sessionStart) {
        for (Instant boot : boots) {
            Duration after = Duration.between(boot, sessionStart);
            if (!after.isNegative() && after.compareTo(SESSION_AFTER_BOOT) <= 0) {
                return true;
            }
        }
        return false;
    }

    private static int countSince(Deque<Instant> events, Instant from) {
        int count = 0;
        for (Instant at : events) {
            if (!at.isBefore(from)) {
                count++;
            }
        }
        return count;
    }

    /** A counter increase between two observations. */
    public record CounterWindow(Instant from, Instant to, double packets, double errors) {
        public double ratio() {
            return packets <= 0 ? 0 : errors / packets;
        }
    }
}
