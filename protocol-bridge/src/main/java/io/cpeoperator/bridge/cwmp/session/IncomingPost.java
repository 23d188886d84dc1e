package io.cpeoperator.bridge.cwmp.session;

/**
 * One HTTP POST from a CPE, as the session engine needs it.
 *
 * @param connectionId  the TCP connection it arrived on (null when unknown)
 * @param cookie        the {@code cwmpsid} cookie value, or null
 * @param authorization the {@code Authorization} header, or null
 * @param body          the body, possibly empty (the CPE's "I have nothing more" POST)
 */
public record IncomingPost(String connectionId, String cookie, String authorization, byte[] body) {
    public IncomingPost {
        body = body == null ? new byte[0] : body;
    }
}
