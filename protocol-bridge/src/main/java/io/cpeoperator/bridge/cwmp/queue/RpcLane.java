package io.cpeoperator.bridge.cwmp.queue;

/** Why an ACS request was queued; decides its order and what happens when a session dies under it. */
public enum RpcLane {
    /**
     * Work somebody asked for (configuration, reboot, firmware, refresh): sent first, and never lost - when the
     * session dies mid-request it goes back to the head of the queue for the next session.
     */
    OPERATION,
    /**
     * The ACS's own upkeep (twin sync, max-age refresh, notification setup): sent after operations, and abandoned
     * when the session dies, because the next session re-plans it from the twin's state.
     */
    MAINTENANCE
}
