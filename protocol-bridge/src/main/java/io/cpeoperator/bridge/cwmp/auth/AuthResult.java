package io.cpeoperator.bridge.cwmp.auth;

/**
 * The outcome of checking one HTTP request's credentials.
 *
 * @param credentials the credentials the request authenticated with; null when it was let in without credentials
 *                    (OPEN mode) or refused
 * @param challenge   the {@code WWW-Authenticate} value to send with a 401 when refused; null when accepted
 * @param reason      a short metric-friendly reason when refused
 */
public record AuthResult(boolean accepted, Credentials credentials, String challenge, String reason) {

    public static AuthResult anonymous() {
        return new AuthResult(true, null, null, null);
    }

    public static AuthResult authenticated(Credentials credentials) {
        return new AuthResult(true, credentials, null, null);
    }

    public static AuthResult refused(String challenge, String reason) {
        return new AuthResult(false, null, challenge, reason);
    }

    /** The authenticated username; null when none. */
    public String username() {
        return credentials == null ? null : credentials.username();
    }
}
