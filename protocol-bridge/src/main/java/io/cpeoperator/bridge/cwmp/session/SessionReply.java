package io.cpeoperator.bridge.cwmp.session;

/**
 * The HTTP answer to one CPE POST, independent of the server it is written to.
 *
 * @param status          HTTP status
 * @param body            SOAP envelope bytes, or null for an empty body
 * @param sessionCookie   the session id to set as cookie, or null
 * @param wwwAuthenticate the challenge of a 401, or null
 */
public record SessionReply(int status, byte[] body, String sessionCookie, String wwwAuthenticate) {

    public static SessionReply envelope(byte[] body) {
        return new SessionReply(200, body, null, null);
    }

    public static SessionReply envelope(byte[] body, String sessionCookie) {
        return new SessionReply(200, body, sessionCookie, null);
    }

    /** 204: the ACS has nothing (more) to send; ends the session once the CPE has nothing either. */
    public static SessionReply endOfSession() {
        return new SessionReply(204, null, null, null);
    }

    public static SessionReply status(int status) {
        return new SessionReply(status, null, null, null);
    }

    public static SessionReply unauthorized(String challenge) {
        return new SessionReply(401, null, null, challenge);
    }
}
