package io.cpeoperator.bridge.bulkdata;

import io.cpeoperator.bridge.cwmp.auth.AuthResult;
import io.cpeoperator.bridge.cwmp.auth.CpeAuthenticator;

/**
 * The collector's narrow view of the ACS's CPE credential check: the same store, the same Basic and Digest rules,
 * the same device-bound credentials. {@link #of(CpeAuthenticator)} adapts the ACS's authenticator.
 */
public interface DeviceCredentials {

    /** Checks an {@code Authorization} header (null when absent); a refusal carries the challenge to send. */
    AuthResult check(String authorization, String method);

    /** A fresh challenge, for a request that must authenticate although the check let it in anonymously. */
    String challenge(String method);

    static DeviceCredentials of(CpeAuthenticator authenticator) {
        return new DeviceCredentials() {
            @Override
            public AuthResult check(String authorization, String method) {
                return authenticator.authenticate(authorization, method);
            }

            @Override
            public String challenge(String method) {
                // a Digest header without fields is always refused, with a fresh nonce in the challenge
                return authenticator.authenticate("Digest", method).challenge();
            }
        };
    }
}
