package io.cpeoperator.simulator.engine;

import io.cpeoperator.simulator.clock.SimClock;
import io.cpeoperator.simulator.device.BootCause;
import io.cpeoperator.simulator.device.VirtualDevice;
import io.cpeoperator.simulator.scenario.FirmwareDefect;
import io.cpeoperator.simulator.scenario.Scenario;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Powers one device up and down: reboots with downtime, factory resets, firmware activation, and the crash loop
 * of the reboot-loop scenario (only while the device runs its model's buggy firmware) and of a firmware version
 * declared {@code reboot-loop} (from the boot into it until the boot into another).
 */
public final class DeviceLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceLifecycle.class);

    private final VirtualDevice device;
    private final ScheduledExecutorService scheduler;
    private final Timing timing;
    private final SimClock clock;
    private ManagementAgent agent;
    private ScheduledFuture<?> crashTimer;
    private boolean stopped;

    public DeviceLifecycle(VirtualDevice device, ScheduledExecutorService scheduler, Timing timing, SimClock clock) {
        this.device = device;
        this.scheduler = scheduler;
        this.timing = timing;
        this.clock = clock;
    }

    /** Set once, after the agent (which needs this lifecycle) is built. */
    public synchronized void attach(ManagementAgent agent) {
        this.agent = agent;
    }

    public VirtualDevice device() {
        return device;
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    public Timing timing() {
        return timing;
    }

    /** First power-on. */
    public synchronized void powerOn() {
        stopped = false;
        device.online(true);
        agent.goOnline();
        armCrashTimer();
    }

    /** Final power-off (simulator stop). */
    public synchronized void powerOff() {
        stopped = true;
        cancelCrashTimer();
        device.online(false);
        agent.goOffline();
    }

    /**
     * The device's scenarios, or the defect of the firmware it runs, changed at runtime: starts the crash loop when
     * one now applies and the device is up, stops it when none does.
     */
    public synchronized void scenariosChanged() {
        cancelCrashTimer();
        if (!stopped && device.isOnline()) {
            armCrashTimer();
        }
    }

    /** Reboots after the agent answered; the device is down for {@link Timing#rebootDowntime()}. */
    public void reboot(BootCause cause, String commandKey) {
        restart(cause, commandKey, false);
    }

    /**
     * A crash of the loop: the watchdog restarts the device, which looks like a power cycle to the protocols. The
     * reboot-loop scenario has its own WatchdogBootCount (see {@code Tr181DeviceInfo}); a bad firmware's crashes
     * are counted.
     */
    private void crash() {
        restart(BootCause.LOCAL_REBOOT, "", !scenarioLoops());
    }

    private void restart(BootCause cause, String commandKey, boolean watchdog) {
        synchronized (this) {
            if (stopped || !device.isOnline()) {
                return;
            }
            LOG.info("{} rebooting ({}{})", device.id(), cause, watchdog ? ", watchdog" : "");
            if (watchdog) {
                device.countWatchdogBoot();
            }
            cancelCrashTimer();
            device.online(false);
        }
        agent.goOffline();
        scheduler.schedule(() -> bootAgain(cause, commandKey), timing.rebootDowntime().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Resets configuration, then reboots. */
    public void factoryReset(String commandKey) {
        device.factoryReset();
        reboot(BootCause.REMOTE_FACTORY_RESET, commandKey);
    }

    private void bootAgain(BootCause cause, String commandKey) {
        synchronized (this) {
            if (stopped) {
                return;
            }
            device.boot(cause, commandKey);
            device.online(true);
        }
        try {
            agent.goOnline();
        } catch (RuntimeException e) {
            LOG.warn("{} failed to come back online after reboot", device.id(), e);
        }
        synchronized (this) {
            armCrashTimer();
        }
    }

    private void armCrashTimer() {
        if (!scenarioLoops() && !defectLoops()) {
            return;
        }
        long simMillis = timing.rebootLoopPeriod().toMillis();
        long realMillis = Math.max(timing.rebootDowntime().toMillis() * 2, (long) (simMillis / clock.compression()));
        crashTimer = scheduler.schedule(this::crash, realMillis, TimeUnit.MILLISECONDS);
    }

    private boolean scenarioLoops() {
        return device.has(Scenario.REBOOT_LOOP) && device.softwareVersion().equals(device.model().buggyFirmware());
    }

    private boolean defectLoops() {
        return device.runningDefect().map(d -> d.kind() == FirmwareDefect.Kind.REBOOT_LOOP).orElse(false);
    }

    private void cancelCrashTimer() {
        if (crashTimer != null) {
            crashTimer.cancel(false);
            crashTimer = null;
        }
    }
}
