package io.cpeoperator.simulator.bulkdata;

/** Where a USP agent's {@code USPEventNotif} profiles go: the agent's Notify path. */
public interface PushSink {

    /** Whether a Push! of this profile would reach anyone now (the agent is connected and a subscription covers it). */
    boolean wanted(String profilePath);

    /** Sends {@code <profilePath>Push!} with the {@code Data} argument. */
    void push(String profilePath, String data);
}
