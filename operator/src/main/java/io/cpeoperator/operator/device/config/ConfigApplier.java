package io.cpeoperator.operator.device.config;

import io.cpeoperator.api.v1alpha1.ConfigStatus;
import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.ParameterFailure;
import io.cpeoperator.bridge.device.DeviceGateway;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.device.DeviceOperationException;
import io.cpeoperator.bridge.device.ParameterFault;
import io.cpeoperator.bridge.twin.ConfigDiff;
import io.cpeoperator.operator.conditions.Conditions;
import io.cpeoperator.operator.conditions.DesiredCondition;
import io.cpeoperator.operator.device.Backoff;
import io.cpeoperator.operator.device.ReconcileTrigger;
import io.cpeoperator.operator.fleet.DesiredParameters;
import io.cpeoperator.operator.fleet.FleetConflicts;
import io.cpeoperator.operator.kube.EventRecorder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static io.cpeoperator.operator.device.DeviceConditions.CONFIG_APPLIED;

/**
 * Brings a device's parameters to {@code spec.parameters}: diffs the desired values against the twin and sends only the
 * difference, in one operation, never twice at once. A success is verified on the twin; a device fault goes to the
 * condition with the device's own codes; a permanent fault (bad path, read-only, bad value) is not retried until the
 * spec changes; a transient one is retried with backoff. A twin value that moves away from the desired one after it
 * was applied is drift: it is sent again and the repair is reported as an Event. Devices do not report every change
 * by themselves (a CWMP parameter without active notification, a USP path outside the controller's ValueChange
 * subscription), so the desired paths of a device are also read back every drift-check interval.
 */
public final class ConfigApplier {

    public static final String REASON_APPLIED = "Applied";
    public static final String REASON_APPLYING = "Applying";
    public static final String REASON_VERIFYING = "Verifying";
    public static final String REASON_REJECTED = "DeviceRejected";
    public static final String REASON_INVALID_PARAMETERS = "InvalidParameters";
    public static final String REASON_RETRY = "RetryScheduled";
    public static final String REASON_WAITING_FOR_SYNC = "WaitingForSync";
    public static final String REASON_WAITING_FOR_DEVICE = "WaitingForDevice";
    public static final String REASON_FLEET_CONFLICT = "FleetConflict";
    public static final String EVENT_APPLIED = "ConfigApplied";
    public static final String EVENT_FAILED = "ConfigFailed";
    public static final String EVENT_DRIFT_REPAIRED = "DriftRepaired";
    private static final Logger LOG = LoggerFactory.getLogger(ConfigApplier.class);

    private final DeviceGateway gateway;
    private final EventRecorder events;
    private final Clock clock;
    private final Backoff backoff;
    private final Map<DeviceId, ConfigAttempt> attempts = new ConcurrentHashMap<>();
    private final Counter writes;
    private final DriftChecks driftChecks;

    /** @param driftCheckInterval how often the desired paths are read back from the device; zero for never */
    public ConfigApplier(DeviceGateway gateway, EventRecorder events, Clock clock, Backoff backoff,
                         Duration driftCheckInterval, MeterRegistry registry) {
        this.gateway = gateway;
        this.events = events;
        this.clock = clock;
        this.backoff = backoff;
        this.driftChecks = new DriftChecks(gateway, clock, driftCheckInterval, registry);
        this.writes = Counter.builder("cpe.config.writes")
                .description("Parameter writes sent to devices (each carries only the difference)").register(registry);
    }

    /**
     * One step towards the desired parameters. Call only with a valid spec that has parameters and is not suspended
     * (suspension is observed by the caller: the diff is still reported, nothing is sent).
     */
    public ConfigOutcome reconcile(CpeDevice device, DeviceId id, DesiredParameters wanted, boolean suspended,
                                   ReconcileTrigger lookAgain) {
        ConfigOutcome outcome = reconcileValues(device, id, wanted, suspended, lookAgain);
        ConfigStatus status = outcome.status();
        status.setSources(wanted.sources().isEmpty() ? null : new ArrayList<>(wanted.sources()));
        status.setOverridden(wanted.overridden().isEmpty() ? null : new ArrayList<>(wanted.overridden()));
        status.setConflicts(wanted.conflicts().isEmpty() ? null : new ArrayList<>(wanted.conflicts()));
        if (wanted.conflicts().isEmpty()) {
            return outcome;
        }
        return new ConfigOutcome(DesiredCondition.isFalse(CONFIG_APPLIED, REASON_FLEET_CONFLICT,
                FleetConflicts.describe(wanted.conflicts()) + " Other parameters: "
                        + outcome.condition().message()), status, outcome.retryAfter());
    }

    private ConfigOutcome reconcileValues(CpeDevice device, DeviceId id, DesiredParameters wanted, boolean suspended,
                                          ReconcileTrigger lookAgain) {
        Map<String, String> desired = wanted.values();
        long generation = generationOf(device);
        ConfigStatus previous = device.getStatus() == null ? null : device.getStatus().getConfig();
        if (!gateway.twins().contains(id) && !gateway.isConnected(id)) {
            return new ConfigOutcome(DesiredCondition.unknown(CONFIG_APPLIED, REASON_WAITING_FOR_DEVICE,
                    desired.size() + " desired parameter(s) wait for the device to connect."),
                    progress(previous, desired.size(), 0, List.of(), null), null);
        }
        if (!gateway.twins().contains(id) || gateway.twins().needsFullSync(id)) {
            return new ConfigOutcome(DesiredCondition.unknown(CONFIG_APPLIED, REASON_WAITING_FOR_SYNC,
                    desired.size() + " desired parameter(s) wait for the device's data model to be synchronised."),
                    progress(previous, desired.size(), 0, List.of(), null), null);
        }
        ConfigDiff diff = gateway.twins().diff(id, desired);
        if (!diff.rejected().isEmpty()) {
            List<ParameterFailure> failures = diff.rejected().stream()
                    .map(r -> failure(r.path(), null, r.message())).toList();
            return new ConfigOutcome(DesiredCondition.isFalse(CONFIG_APPLIED, REASON_INVALID_PARAMETERS,
                    "Nothing was sent: " + failures.size() + " desired parameter(s) cannot be set on this device ("
                            + describeFailures(failures) + "). Fix spec.parameters, or the fleet that sets them (see status.config.sources)."),
                    progress(previous, diff.changes().size(), diff.matching().size(), failures, null), null);
        }
        String desiredKey = wanted.revision();
        ConfigAttempt attempt = attempts.get(id);
        if (attempt != null && !attempt.desiredKey().equals(desiredKey) && !attempt.inFlight()) {
            attempts.remove(id);
            attempt = null;
        }
        if (diff.changes().isEmpty()) {
            return inSync(device, id, previous, diff, generation, wanted, attempt);
        }
        Map<String, String> changes = new LinkedHashMap<>();
        diff.changes().forEach(change -> changes.put(change.path(), change.desiredValue()));
        int pending = changes.size();
        int applied = diff.matching().size();
        if (attempt != null && attempt.inFlight()) {
            return new ConfigOutcome(DesiredCondition.isFalse(CONFIG_APPLIED, REASON_APPLYING,
                    "Sent " + attempt.sent().size() + " parameter(s) to the device; waiting for its answer."),
                    progress(previous, pending, applied, List.of(), null), null);
        }
        if (attempt != null && attempt.permanent()) {
            List<ParameterFailure> failures = failuresOf(attempt);
            return new ConfigOutcome(DesiredCondition.isFalse(CONFIG_APPLIED, REASON_REJECTED,
                    "The device refused the change with fault " + attempt.faultCode() + " ("
                            + attempt.faultMessage() + "): " + describeFailures(failures)
                            + ". Not retried until spec.parameters changes."),
                    progress(previous, pending, applied, failures, null), null);
        }
        if (attempt != null && attempt.succeeded() && attempt.sent().equals(changes) && !attempt.verifyAsked()) {
            // the device accepted exactly these values but the twin does not show them yet: re-read, don't resend
            attempts.put(id, attempt.verifying());
            readBack(id, List.copyOf(changes.keySet()), lookAgain);
            return new ConfigOutcome(DesiredCondition.unknown(CONFIG_APPLIED, REASON_VERIFYING,
                    "The device accepted " + pending + " parameter(s); re-reading them to verify."),
                    progress(previous, pending, applied, List.of(), null), Duration.ofSeconds(10));
        }
        if (attempt != null && attempt.failures() > 0) {
            Instant next = attempt.finishedAt().plus(backoff.after(attempt.failures()));
            if (clock.instant().isBefore(next)) {
                List<ParameterFailure> failures = failuresOf(attempt);
                return new ConfigOutcome(DesiredCondition.isFalse(CONFIG_APPLIED, REASON_RETRY,
                        "The last attempt failed with " + attempt.faultCode() + " (" + attempt.faultMessage()
                                + "); attempt " + (attempt.failures() + 1) + " after " + Conditions.format(next) + "."),
                        progress(previous, pending, applied, failures, null),
                        Duration.between(clock.instant(), next));
            }
        }
        if (suspended) {
            return new ConfigOutcome(DesiredCondition.isFalse(CONFIG_APPLIED, "Suspended",
                    "spec.suspend is true: " + pending + " parameter(s) differ from the device and are not sent."),
                    progress(previous, pending, applied, List.of(), null), driftChecks.lookAgainAfter(id, desired.keySet()));
        }
        if (!gateway.isConnected(id)) {
            return new ConfigOutcome(DesiredCondition.isFalse(CONFIG_APPLIED, REASON_WAITING_FOR_DEVICE,
                    pending + " parameter(s) differ and are sent when the device is connected again."),
                    progress(previous, pending, applied, List.of(), null), null);
        }
        // the same desired parameters were applied before: the device moved away from them by itself
        boolean repair = previous != null && Objects.equals(previous.getAppliedRevision(), wanted.revision());
        send(device, id, desiredKey, changes, repair, attempt == null ? 0 : attempt.failures(), lookAgain);
        return new ConfigOutcome(DesiredCondition.isFalse(CONFIG_APPLIED, REASON_APPLYING,
                (repair ? "Drift detected; re-sending " : "Sending ") + pending + " parameter(s) to the device."),
                progress(previous, pending, applied, List.of(), null), null);
    }

    private ConfigOutcome inSync(CpeDevice device, DeviceId id, ConfigStatus previous, ConfigDiff diff,
                                 long generation, DesiredParameters wanted, ConfigAttempt attempt) {
        if (attempt != null && attempt.succeeded() && attempt.repair()) {
            events.normal(device, EVENT_DRIFT_REPAIRED, "Repaired drift: set " + String.join(", ",
                    attempt.sent().keySet()) + " back to the desired value(s).");
            LOG.info("{}: drift repaired on {}", id, attempt.sent().keySet());
        }
        attempts.remove(id);
        boolean wasApplied = previous != null && Objects.equals(previous.getAppliedRevision(), wanted.revision());
        String appliedAt = wasApplied && previous.getLastAppliedTime() != null ? previous.getLastAppliedTime()
                : Conditions.format(clock.instant());
        ConfigStatus status = progress(previous, 0, diff.matching().size(), List.of(), appliedAt);
        status.setAppliedGeneration(generation);
        status.setAppliedRevision(wanted.revision());
        return new ConfigOutcome(DesiredCondition.isTrue(CONFIG_APPLIED, REASON_APPLIED,
                "All " + diff.matching().size() + " desired parameter(s) match the device."), status,
                driftChecks.lookAgainAfter(id, wanted.values().keySet()));
    }

    private void send(CpeDevice device, DeviceId id, String desiredKey, Map<String, String> changes, boolean repair,
                      int failures, ReconcileTrigger lookAgain) {
        attempts.put(id, ConfigAttempt.started(desiredKey, changes, repair, failures));
        writes.increment();
        String parameterKey = "cpe-" + device.getMetadata().getGeneration();
        LOG.info("{}: sending {} parameter(s){}", id, changes.size(), repair ? " to repair drift" : "");
        try {
            gateway.setParameters(id, changes, parameterKey).whenComplete((result, error) -> {
                Instant now = clock.instant();
                attempts.computeIfPresent(id, (key, current) -> {
                    if (!current.desiredKey().equals(desiredKey)) {
                        return current;
                    }
                    if (error == null) {
                        return current.succeeded(now);
                    }
                    return failedAttempt(device, id, current, error, now);
                });
                lookAgain.lookAgain();
            });
        } catch (RuntimeException e) {
            attempts.computeIfPresent(id, (key, current) -> failedAttempt(device, id, current, e, clock.instant()));
            lookAgain.lookAgain();
        }
    }

    /**
     * Reads the written paths back in one request (one round trip for the whole change, not one per parameter) and
     * looks again once they are in the twin: then they either match, or the change is sent again.
     */
    private void readBack(DeviceId id, List<String> paths, ReconcileTrigger lookAgain) {
        try {
            gateway.refresh(id, paths).whenComplete((ignored, error) -> {
                if (error != null) {
                    LOG.debug("{}: reading back {} parameter(s) failed: {}", id, paths.size(), error.toString());
                }
                lookAgain.lookAgain();
            });
        } catch (RuntimeException e) {
            LOG.debug("{}: reading back {} parameter(s) failed: {}", id, paths.size(), e.toString());
        }
    }

    private ConfigAttempt failedAttempt(CpeDevice device, DeviceId id, ConfigAttempt current, Throwable error,
                                        Instant now) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof DeviceOperationException fault) {
            LOG.warn("{}: parameter write failed: {} {}", id, fault.faultCode(), fault.faultString());
            ConfigAttempt failed = current.failed(now, fault.isPermanent(), fault.faultCode(), fault.faultString(),
                    fault.parameterFaults());
            if (failed.permanent() || failed.failures() == 1) {
                events.warning(device, EVENT_FAILED, "The device refused spec.parameters with fault "
                        + fault.faultCode() + " (" + fault.faultString() + ")"
                        + (fault.parameterFaults().isEmpty() ? "" : ": " + describeFaults(fault.parameterFaults()))
                        + (failed.permanent() ? "; not retried until spec.parameters changes." : "; retrying."));
            }
            return failed;
        }
        LOG.warn("{}: parameter write failed: {}", id, cause.toString());
        return current.failed(now, false, DeviceOperationException.UNREACHABLE, String.valueOf(cause.getMessage()),
                List.of());
    }

    /** Forgets the device (its CpeDevice was deleted). */
    public void forget(DeviceId id) {
        attempts.remove(id);
        driftChecks.forget(id);
    }

    private static List<ParameterFailure> failuresOf(ConfigAttempt attempt) {
        if (attempt.faults().isEmpty()) {
            return attempt.sent().keySet().stream()
                    .map(path -> failure(path, attempt.faultCode(), attempt.faultMessage())).toList();
        }
        return attempt.faults().stream().map(f -> failure(f.path(), f.code(), f.message())).toList();
    }

    private static ConfigStatus progress(ConfigStatus previous, int pending, int applied,
                                         List<ParameterFailure> failed, String lastAppliedTime) {
        ConfigStatus status = new ConfigStatus();
        status.setPending(pending);
        status.setApplied(applied);
        status.setFailed(failed.isEmpty() ? null : new ArrayList<>(failed));
        if (previous != null) {
            status.setAppliedGeneration(previous.getAppliedGeneration());
            status.setAppliedRevision(previous.getAppliedRevision());
            status.setLastAppliedTime(previous.getLastAppliedTime());
        }
        if (lastAppliedTime != null) {
            status.setLastAppliedTime(lastAppliedTime);
        }
        return status;
    }

    private static ParameterFailure failure(String path, Integer code, String message) {
        ParameterFailure failure = new ParameterFailure();
        failure.setPath(path);
        failure.setFaultCode(code);
        failure.setFaultMessage(message);
        return failure;
    }

    private static String describeFailures(List<ParameterFailure> failures) {
        return failures.stream().limit(5).map(f -> f.getPath() + ": "
                + (f.getFaultCode() == null ? "" : f.getFaultCode() + " ") + f.getFaultMessage())
                .collect(Collectors.joining("; ")) + (failures.size() > 5 ? "; ..." : "");
    }

    private static String describeFaults(List<ParameterFault> faults) {
        return faults.stream().limit(5).map(f -> f.path() + " " + f.code() + " " + f.message())
                .collect(Collectors.joining("; "));
    }

    private static long generationOf(CpeDevice device) {
        Long generation = device.getMetadata().getGeneration();
        return generation == null ? 0 : generation;
    }
}
