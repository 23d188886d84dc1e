package io.cpeoperator.bridge.cwmp.auth;

/**
 * The outcome of checking one HTTP request's credentials.
 *
 * @param username the authenticated username; null when the request was let in without credentials (OPEN mode)
 * @param challenge the {@code WWW-Authenticate} value to send with a 401 when refused; null when accepted
 * @param reason a short metric-friendly reason when refused
 */
public record AuthResult(boolean accepted, String username, String challenge, String reason) {

    public static AuthResult anonymous() {
        return new AuthResult(true, null, null, null);
    }

    public static AuthResult authenticated(String username) {
        return new AuthResult(true, username, null, null);
    }

    public static AuthResult refused(String challenge, String reason) {
        return new AuthResult(false, null, challenge, reason);
    }
}
