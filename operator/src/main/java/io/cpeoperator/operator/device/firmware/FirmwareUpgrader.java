package io.cpeoperator.operator.device.firmware;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.FirmwareSpec;
import io.cpeoperator.api.v1alpha1.FirmwareStatus;
import io.cpeoperator.bridge.device.DeviceGateway;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.device.DeviceOperationException;
import io.cpeoperator.bridge.device.FirmwareDownload;
import io.cpeoperator.operator.conditions.Conditions;
import io.cpeoperator.operator.conditions.DesiredCondition;
import io.cpeoperator.operator.device.Backoff;
import io.cpeoperator.operator.device.ReconcileTrigger;
import io.cpeoperator.operator.device.events.DeviceActivity;
import io.cpeoperator.operator.device.summary.BootTimes;
import io.cpeoperator.operator.fleet.DesiredParameters;
import io.cpeoperator.operator.kube.EventRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import static io.cpeoperator.operator.device.DeviceConditions.FIRMWARE_CURRENT;

/**
 * Brings the device to {@code spec.firmware}: one download at a time, correlated by a command key with its completion
 * (TransferComplete / OperationComplete) and with the boot into the new version; a failure carries the device's fault
 * and the next attempt waits an exponentially growing time, so a bad image never becomes a download storm. The state
 * lives in {@code status.firmware}, so an operator restart neither forgets a download in progress nor repeats it.
 */
public final class FirmwareUpgrader {

    public static final String IDLE = "Idle";
    public static final String DOWNLOADING = "Downloading";
    public static final String INSTALLING = "Installing";
    public static final String SUCCEEDED = "Succeeded";
    public static final String FAILED = "Failed";
    public static final String EVENT_FAILED = "FirmwareFailed";
    public static final String EVENT_STARTED = "FirmwareDownloadStarted";
    /** How long a download may take to end in a completion or a boot into the new version. */
    static final Duration DOWNLOAD_DEADLINE = Duration.ofMinutes(30);
    /** How long after a boot the twin may still show the version from before it. */
    static final Duration BOOT_SETTLE = Duration.ofMinutes(2);
    private static final Logger LOG = LoggerFactory.getLogger(FirmwareUpgrader.class);

    private final DeviceGateway gateway;
    private final DeviceActivity activity;
    private final EventRecorder events;
    private final Clock clock;
    private final Backoff backoff;
    /** Failures of the call itself (the device refused to start the download), by device and command key. */
    private final Map<String, DeviceOperationException> refused = new ConcurrentHashMap<>();
    /** Command keys whose failure was already reported as an Event (status writes may lag behind). */
    private final Map<String, Boolean> reported = new ConcurrentHashMap<>();
    /**
     * The status last computed per device. Status writes are rate-limited, so the stored status may lag behind what
     * this process already did (a download started): within a process this is the truth; after a restart the stored
     * status is.
     */
    private final Map<DeviceId, FirmwareStatus> latest = new ConcurrentHashMap<>();

    public FirmwareUpgrader(DeviceGateway gateway, DeviceActivity activity, EventRecorder events, Clock clock,
                            Backoff backoff) {
        this.gateway = gateway;
        this.activity = activity;
        this.events = events;
        this.clock = clock;
        this.backoff = backoff;
    }

    /**
     * @param wanted         the device's own spec.firmware, or the firmware of the fleet whose rollout admitted it
     * @param source         where {@code wanted} comes from, for status.firmware.source
     * @param running        what the twin says the device runs and when it booted
     */
    public FirmwareOutcome reconcile(CpeDevice device, DeviceId id, FirmwareSpec wanted, String source,
                                     RunningFirmware running, boolean suspended, ReconcileTrigger lookAgain) {
        FirmwareStatus stored = device.getStatus() == null ? null : device.getStatus().getFirmware();
        FirmwareStatus previous = latest.getOrDefault(id, stored);
        FirmwareStatus status = startFrom(previous, wanted.getVersion());
        status.setSource(source);
        FirmwareOutcome outcome = decide(device, id, wanted, status, running, suspended, lookAgain);
        latest.put(id, outcome.status());
        return outcome;
    }

    private FirmwareOutcome decide(CpeDevice device, DeviceId id, FirmwareSpec wanted, FirmwareStatus status,
                                   RunningFirmware running, boolean suspended, ReconcileTrigger lookAgain) {
        String runningVersion = running.version();
        status.setCurrentVersion(runningVersion);
        Instant now = clock.instant();
        if (runningVersion == null) {
            return outcome(DesiredCondition.unknown(FIRMWARE_CURRENT, "WaitingForDevice", "Version "
                    + wanted.getVersion() + " is requested; the device has not reported its version yet."), status, null);
        }
        if (runningVersion.equals(wanted.getVersion())) {
            boolean upgraded = status.getAttempts() != null && status.getAttempts() > 0;
            status.setState(upgraded ? SUCCEEDED : IDLE);
            status.setNextAttemptAfter(null);
            if (upgraded && status.getUpgradedAt() == null) {
                status.setUpgradedAt(Conditions.format(now));
            }
            return outcome(DesiredCondition.isTrue(FIRMWARE_CURRENT, "UpToDate",
                    "The device runs " + runningVersion + " as requested."), status, null);
        }
        String state = status.getState();
        if ((DOWNLOADING.equals(state) || INSTALLING.equals(state)) && status.getCommandKey() != null) {
            return inProgress(device, id, status, running.bootTime(), now);
        }
        if (FAILED.equals(state) && DesiredParameters.isFleetSource(status.getSource())) {
            // a failure in a fleet rollout is the rollout's evidence: retrying would spend the budget twice
            return outcome(DesiredCondition.isFalse(FIRMWARE_CURRENT, "DownloadFailed", "Installing "
                    + wanted.getVersion() + " for " + status.getSource() + " failed with fault "
                    + status.getLastFaultCode() + " (" + status.getLastFaultMessage() + "); the fleet's rollout counts "
                    + "the device as failed and does not retry this version."), status, null);
        }
        Instant notBefore = Conditions.parse(status.getNextAttemptAfter());
        if (FAILED.equals(state) && notBefore != null && now.isBefore(notBefore)) {
            return outcome(DesiredCondition.isFalse(FIRMWARE_CURRENT, "RetryScheduled", "Attempt "
                    + status.getAttempts() + " to install " + wanted.getVersion() + " failed with fault "
                    + status.getLastFaultCode() + " (" + status.getLastFaultMessage() + "); the next attempt is "
                    + "not before " + status.getNextAttemptAfter() + "."), status, Duration.between(now, notBefore));
        }
        if (suspended) {
            return outcome(DesiredCondition.isFalse(FIRMWARE_CURRENT, "Suspended", "The device runs " + runningVersion
                    + "; " + wanted.getVersion() + " is requested but spec.suspend is true."), status, null);
        }
        if (!gateway.isConnected(id)) {
            return outcome(DesiredCondition.isFalse(FIRMWARE_CURRENT, "WaitingForDevice", "The device runs "
                    + runningVersion + "; the download of " + wanted.getVersion()
                    + " starts when it is connected."), status, null);
        }
        return start(device, id, wanted, status, now, lookAgain);
    }

    private FirmwareOutcome inProgress(CpeDevice device, DeviceId id, FirmwareStatus status, Instant bootTime,
                                       Instant now) {
        String key = status.getCommandKey();
        String target = status.getTargetVersion();
        Optional<DeviceActivity.Completion> completion = activity.completion(id, key);
        DeviceOperationException refusal = refused.get(id + "|" + key);
        if (refusal != null || completion.filter(c -> !c.succeeded()).isPresent()) {
            int code = refusal != null ? refusal.faultCode() : completion.get().faultCode();
            String message = refusal != null ? refusal.faultString() : completion.get().faultString();
            return failed(device, id, status, now, code, message);
        }
        Instant deadline = Conditions.parse(status.getNextAttemptAfter());
        Instant started = deadline == null ? null : deadline.minus(DOWNLOAD_DEADLINE);
        if (completion.isEmpty() && started != null && bootTime != null
                && bootTime.isAfter(started.plus(BootTimes.TOLERANCE)) && now.isAfter(bootTime.plus(BOOT_SETTLE))) {
            // it booted after the download started, is back on the old version and said nothing: the download is
            // gone (a crash or a power cut during it), and no completion will come for it
            return failed(device, id, status, now, DeviceOperationException.UNREACHABLE, "the device booted at "
                    + Conditions.format(bootTime) + " without installing " + target + " and reported no completion");
        }
        if (deadline != null && !now.isBefore(deadline)) {
            return failed(device, id, status, now, DeviceOperationException.UNREACHABLE,
                    "no completion and no boot into " + target + " within " + DOWNLOAD_DEADLINE.toMinutes() + " min");
        }
        if (completion.isPresent()) {
            status.setState(INSTALLING);
            return outcome(DesiredCondition.isFalse(FIRMWARE_CURRENT, INSTALLING, "The device downloaded " + target
                    + " and is installing it; waiting for it to boot into the new version."), status, null);
        }
        return outcome(DesiredCondition.isFalse(FIRMWARE_CURRENT, DOWNLOADING, "The device is downloading "
                + target + " (attempt " + status.getAttempts() + ")."), status,
                deadline == null ? null : Duration.between(now, deadline));
    }

    private FirmwareOutcome failed(CpeDevice device, DeviceId id, FirmwareStatus status, Instant now, int code,
                                   String message) {
        int attempts = status.getAttempts() == null ? 1 : status.getAttempts();
        Instant next = now.plus(backoff.after(attempts));
        status.setState(FAILED);
        status.setLastFaultCode(code);
        status.setLastFaultMessage(message);
        status.setNextAttemptAfter(Conditions.format(next));
        if (reported.putIfAbsent(id + "|" + status.getCommandKey(), Boolean.TRUE) == null) {
            LOG.warn("{}: firmware {} failed: {} {}", id, status.getTargetVersion(), code, message);
            events.warning(device, EVENT_FAILED, "Installing firmware " + status.getTargetVersion() + " failed with "
                    + "fault " + code + " (" + message + "); attempt " + (attempts + 1) + " not before "
                    + Conditions.format(next) + ".");
        }
        return outcome(DesiredCondition.isFalse(FIRMWARE_CURRENT, "DownloadFailed", "Attempt " + attempts
                + " to install " + status.getTargetVersion() + " failed with fault " + code + " (" + message
                + "); retrying after " + Conditions.format(next) + "."), status, Duration.between(now, next));
    }

    private FirmwareOutcome start(CpeDevice device, DeviceId id, FirmwareSpec wanted, FirmwareStatus status,
                                  Instant now, ReconcileTrigger lookAgain) {
        int attempt = (status.getAttempts() == null ? 0 : status.getAttempts()) + 1;
        // CWMP limits CommandKey to 32 characters
        String key = ("fw" + attempt + "-" + wanted.getVersion());
        key = key.length() > 32 ? key.substring(0, 32) : key;
        status.setAttempts(attempt);
        status.setCommandKey(key);
        status.setState(DOWNLOADING);
        status.setNextAttemptAfter(Conditions.format(now.plus(DOWNLOAD_DEADLINE)));
        String commandKey = key;
        LOG.info("{}: starting firmware download of {} (attempt {})", id, wanted.getVersion(), attempt);
        events.normal(device, EVENT_STARTED, "Downloading firmware " + wanted.getVersion() + " (attempt " + attempt
                + ").");
        try {
            gateway.downloadFirmware(id, new FirmwareDownload(wanted.getUrl(), wanted.getVersion(),
                    wanted.getChecksum(), commandKey, 0)).whenComplete((ignored, error) -> {
                        if (error != null) {
                            refused.put(id + "|" + commandKey, asFault(error));
                        }
                        lookAgain.lookAgain();
                    });
        } catch (RuntimeException e) {
            refused.put(id + "|" + commandKey, asFault(e));
        }
        return outcome(DesiredCondition.isFalse(FIRMWARE_CURRENT, DOWNLOADING, "The device is downloading "
                + wanted.getVersion() + " (attempt " + attempt + ")."), status, DOWNLOAD_DEADLINE);
    }

    private static DeviceOperationException asFault(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof DeviceOperationException fault ? fault
                : new DeviceOperationException(DeviceOperationException.UNREACHABLE, String.valueOf(cause.getMessage()));
    }

    /** The previous status, or a fresh one when the target version changed (attempts start again). */
    private static FirmwareStatus startFrom(FirmwareStatus previous, String target) {
        FirmwareStatus status = new FirmwareStatus();
        status.setTargetVersion(target);
        if (previous != null && Objects.equals(previous.getTargetVersion(), target)) {
            status.setState(previous.getState());
            status.setCommandKey(previous.getCommandKey());
            status.setAttempts(previous.getAttempts());
            status.setLastFaultCode(previous.getLastFaultCode());
            status.setLastFaultMessage(previous.getLastFaultMessage());
            status.setNextAttemptAfter(previous.getNextAttemptAfter());
            status.setUpgradedAt(previous.getUpgradedAt());
        } else {
            status.setState(IDLE);
            status.setAttempts(0);
        }
        return status;
    }

    private static FirmwareOutcome outcome(DesiredCondition condition, FirmwareStatus status, Duration retryAfter) {
        return new FirmwareOutcome(condition, status, retryAfter);
    }

    public void forget(DeviceId id) {
        latest.remove(id);
    }
}
