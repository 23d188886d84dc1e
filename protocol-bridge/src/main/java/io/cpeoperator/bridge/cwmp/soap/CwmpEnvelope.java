package io.cpeoperator.bridge.cwmp.soap;

import java.util.Objects;

/**
 * One SOAP envelope of a CWMP session.
 *
 * @param version        the cwmp namespace it uses; the ACS answers in the version the device used
 * @param id             the {@code cwmp:ID} header (null if absent), echoed in the response to a request
 * @param holdRequests   the {@code cwmp:HoldRequests} header: from the ACS, "CPE: send no requests for now"
 * @param noMoreRequests the deprecated {@code cwmp:NoMoreRequests} header of CWMP 1.0
 * @param message        the single body message; null for an envelope with an empty body
 */
public record CwmpEnvelope(CwmpVersion version, String id, boolean holdRequests, boolean noMoreRequests,
                           CwmpMessage message) {

    public CwmpEnvelope {
        Objects.requireNonNull(version, "version");
    }

    public static CwmpEnvelope of(CwmpVersion version, String id, CwmpMessage message) {
        return new CwmpEnvelope(version, id, false, false, message);
    }

    public CwmpEnvelope withHoldRequests(boolean hold) {
        return new CwmpEnvelope(version, id, hold, noMoreRequests, message);
    }

    public boolean isEmpty() {
        return message == null;
    }
}
