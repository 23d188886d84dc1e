package io.cpeoperator.simulator.model;

import io.cpeoperator.simulator.scenario.Scenario;

/**
 * What a value source may know about the device whose value it computes. Values that move with time are pure
 * functions of these facts, so a device stores nothing for them: that is what keeps 10,000 devices small.
 */
public interface DeviceFacts {

    /** Per-device random seed; derived values (MACs, base RSSI, noise phases) hash it. */
    long seed();

    /** Simulated epoch milliseconds "now". */
    long now();

    /** Simulated seconds since the last boot. */
    long uptimeSeconds();

    /** How many times the device booted since it was made. */
    int bootCount();

    /** How many of those boots were the watchdog restarting a crashed device (the crash loop of a bad firmware). */
    default int watchdogBootCount() {
        return 0;
    }

    String manufacturer();

    String oui();

    String productClass();

    String serialNumber();

    String softwareVersion();

    /** The firmware the device ran before the last upgrade, or its current one. */
    String previousSoftwareVersion();

    /** Where the ACS reaches the device (CWMP); empty for USP devices. */
    String connectionRequestUrl();

    /** The USP endpoint ID, or empty for CWMP devices. */
    String endpointId();

    boolean has(Scenario scenario);

    /** The product the device is: its radios and their bands, its WAN, its memory. */
    VendorModel model();

    /** Seconds the device has been leaking memory (its uptime, unless a leak was switched on at runtime). */
    default long leakSeconds() {
        return uptimeSeconds();
    }

    /**
     * The current value of another parameter of the same device (a channel, a configured count), or null. Besides
     * parameter paths it answers {@code <table path>#count} (instances present) and the environment keys
     * {@code #broker.host}, {@code #broker.port}, {@code #acs.username}, {@code #acs.password},
     * {@code #cr.username}, {@code #cr.password}, {@code #parameterKey}, {@code #inform.interval}.
     */
    String valueOf(String path);
}
