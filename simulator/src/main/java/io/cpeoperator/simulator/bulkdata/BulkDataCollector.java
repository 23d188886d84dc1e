package io.cpeoperator.simulator.bulkdata;

import io.cpeoperator.simulator.device.DataModelReader;
import io.cpeoperator.simulator.device.VirtualDevice;
import org.eclipse.jetty.client.HttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one device's enabled {@code BulkData.Profile.{i}.}: every {@code ReportingInterval} it collects the referenced
 * parameters and sends one report, over HTTP or (USP agents) as a {@code Push!} event.
 *
 * <p>Intervals are <em>simulated</em> time, unlike inform intervals: reports sample telemetry, which follows the
 * simulated clock, so a 3600 s profile gives 24 reports per simulated day whatever the time compression (every
 * 12.5 s of real time at 288x). Reports are aligned to {@code TimeReference} when one is set. The check runs every
 * {@link #TICK_MILLIS} of real time on the shared scheduler, which is also the shortest real gap between two
 * reports of a profile.
 *
 * <p>A failed POST keeps its collection; the next report carries the kept ones first (TR-181
 * {@code NumberOfRetainedFailedReports}, at most {@link ProfileSettings#RETAIN_LIMIT}). There is no retry between
 * intervals ({@code HTTP.RetryEnable} is stored, not acted on).
 */
public final class BulkDataCollector {

    public static final long TICK_MILLIS = 500;
    private static final Logger LOG = LoggerFactory.getLogger(BulkDataCollector.class);

    private final VirtualDevice device;
    private final HttpReportSender sender;
    private final PushSink pushSink;
    private final Map<String, ProfileState> states = new LinkedHashMap<>();
    private ScheduledFuture<?> ticker;

    /**
     * @param http     the simulator's shared client; null when no profile may use HTTP (then HTTP profiles stay silent)
     * @param pushSink the USP agent's Push! path; null for a CWMP device
     */
    public BulkDataCollector(VirtualDevice device, HttpClient http, PushSink pushSink) {
        this.device = device;
        this.sender = http == null ? null : new HttpReportSender(http);
        this.pushSink = pushSink;
    }

    /** Starts checking the profiles, first after {@code initialDelayMillis} (spread devices over the tick). */
    public synchronized void start(ScheduledExecutorService scheduler, long initialDelayMillis) {
        if (ticker == null) {
            ticker = scheduler.scheduleWithFixedDelay(this::safeTick, initialDelayMillis, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    public synchronized void stop() {
        if (ticker != null) {
            ticker.cancel(false);
            ticker = null;
        }
    }

    /** What each profile (by path, in the order first seen) has sent so far, deleted profiles included. */
    public synchronized List<ProfileReports> reports() {
        List<ProfileReports> all = new ArrayList<>();
        states.forEach((path, s) -> all.add(new ProfileReports(path, s.alias, s.delivered, s.failed, s.lastBody, s.lastFormat)));
        return all;
    }

    /** The reports of the profile with this Alias (the latest one, if the alias was used again after a delete). */
    public Optional<ProfileReports> reports(String alias) {
        List<ProfileReports> all = reports();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).alias().equals(alias)) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("{} bulk-data check failed", device.id(), e);
        }
    }

    /** One check of every profile; sends what is due. Package-private so tests can drive it with a manual clock. */
    synchronized void tick() {
        if (!device.isOnline()) {
            return;
        }
        String root = device.schema().root() + "BulkData.";
        Set<String> present = new HashSet<>();
        if ("true".equals(device.valueOf(root + "Enable"))) {
            long now = device.now();
            for (Integer number : DataModelReader.instanceNumbers(device, root + "Profile.")) {
                String path = root + "Profile." + number + ".";
                if (!"true".equals(DataModelReader.internalValue(device, path + "Enable"))) {
                    continue;
                }
                present.add(path);
                ProfileSettings settings = ProfileSettings.read(device, path);
                ProfileState state = states.computeIfAbsent(path, p -> new ProfileState());
                state.alias = settings.alias();
                if (!settings.sameSchedule(state.settings)) {
                    state.nextDue = firstDue(settings, now);
                }
                state.settings = settings;
                if (now >= state.nextDue) {
                    long interval = settings.intervalSeconds() * 1000;
                    state.nextDue += ((now - state.nextDue) / interval + 1) * interval;
                    report(settings, state);
                }
            }
        }
        for (Map.Entry<String, ProfileState> entry : states.entrySet()) {
            if (!present.contains(entry.getKey())) {
                // disabled or deleted: a later enable starts a fresh schedule, kept reports are dropped
                entry.getValue().settings = null;
                entry.getValue().retained.clear();
            }
        }
    }

    private static long firstDue(ProfileSettings settings, long now) {
        long interval = settings.intervalSeconds() * 1000;
        Long reference = settings.timeReference();
        if (reference == null) {
            return now + interval;
        }
        return reference + (Math.floorDiv(now - reference, interval) + 1) * interval;
    }

    private void report(ProfileSettings settings, ProfileState state) {
        if (ProfileSettings.USP_EVENT.equals(settings.protocol())) {
            if (pushSink == null || !pushSink.wanted(settings.path())) {
                return;
            }
            ReportCollector.Collection collection = ReportCollector.collect(device, settings.parameters());
            boolean hierarchy = "ObjectHierarchy".equals(settings.jsonFormat());
            String data = ReportEncoder.json(List.of(collection), hierarchy, settings.jsonTimestamp());
            pushSink.push(settings.path(), data);
            state.sent(data, hierarchy ? "ObjectHierarchy" : "NameValuePair");
            return;
        }
        if (sender == null || settings.http().url().isEmpty()) {
            return;
        }
        ReportCollector.Collection collection = ReportCollector.collect(device, settings.parameters());
        if (state.inFlight) {
            state.retain(collection, settings.retainedFailedReports());
            return;
        }
        List<ReportCollector.Collection> batch = new ArrayList<>(state.retained);
        batch.add(collection);
        state.retained.clear();
        ReportEncoder.Encoded encoded = ReportEncoder.encode(settings, batch);
        List<String[]> query = new ArrayList<>();
        for (ProfileSettings.Reference parameter : settings.uriParameters()) {
            String value = device.valueOf(parameter.reference());
            query.add(new String[] {parameter.name().isEmpty() ? parameter.reference() : parameter.name(),
                    value == null ? "" : value});
        }
        state.inFlight = true;
        sender.post(settings.http(), query, encoded, collection.timeMillis(), ok -> {
            synchronized (this) {
                state.inFlight = false;
                if (ok) {
                    state.sent(encoded.body(), encoded.reportFormat());
                    return;
                }
                state.failed++;
                List<ReportCollector.Collection> keep = new ArrayList<>(batch);
                keep.addAll(state.retained);
                state.retained.clear();
                if (state.settings != null) {
                    for (ReportCollector.Collection kept : keep) {
                        state.retain(kept, state.settings.retainedFailedReports());
                    }
                }
            }
        });
    }

    private static final class ProfileState {
        private ProfileSettings settings;
        private String alias = "";
        private long nextDue;
        private boolean inFlight;
        private final List<ReportCollector.Collection> retained = new ArrayList<>();
        private int delivered;
        private int failed;
        private String lastBody = "";
        private String lastFormat = "";

        void sent(String body, String format) {
            delivered++;
            lastBody = body;
            lastFormat = format;
        }

        /** Keeps the newest {@code limit} collections. */
        void retain(ReportCollector.Collection collection, int limit) {
            retained.add(collection);
            while (retained.size() > limit) {
                retained.remove(0);
            }
        }
    }
}
