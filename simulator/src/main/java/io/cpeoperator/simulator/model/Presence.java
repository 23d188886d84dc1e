package io.cpeoperator.simulator.model;

/**
 * Whether a dynamic instance (an associated Wi-Fi client, a LAN host) exists right now. Tables whose population
 * moves with time declare a number of slots; a slot's presence is a function of the device's facts.
 */
@FunctionalInterface
public interface Presence {

    boolean isPresent(DeviceFacts device);
}
