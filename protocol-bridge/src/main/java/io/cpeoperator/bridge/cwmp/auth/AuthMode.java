package io.cpeoperator.bridge.cwmp.auth;

/** How strictly CPEs must authenticate to the ACS. */
public enum AuthMode {
    /**
     * Discovery: a CPE without credentials, or with a username the store does not know, is let in (new devices
     * appear on their own). A known username with a wrong password is still refused.
     */
    OPEN,
    /** Every session must authenticate with credentials the store knows (Basic up front, or Digest after a 401). */
    STRICT
}
