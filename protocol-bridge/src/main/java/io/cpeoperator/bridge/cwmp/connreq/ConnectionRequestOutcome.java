package io.cpeoperator.bridge.cwmp.connreq;

/** What became of one Connection Request. */
public enum ConnectionRequestOutcome {
    /** The device answered 200/204: a session is on its way. */
    ACCEPTED,
    /** The device refused our credentials (401 after authenticating). */
    AUTH_FAILED,
    /** The device answered with another status. */
    REFUSED,
    /** No TCP connection or no answer in time (NAT, offline). */
    UNREACHABLE,
    /** The device never reported a ConnectionRequestURL. */
    NO_URL,
    /** Not sent: the ACS-wide rate is used up for now. */
    RATE_LIMITED,
    /** Not sent: the device was asked within the per-device interval (its session may be on its way). */
    RECENTLY_ASKED,
    /** Not sent: the device is in a session right now, which will pick the work up. */
    IN_SESSION
}
