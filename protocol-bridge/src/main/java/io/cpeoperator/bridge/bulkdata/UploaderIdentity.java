package io.cpeoperator.bridge.bulkdata;

import io.cpeoperator.bridge.cwmp.auth.AuthResult;
import io.cpeoperator.bridge.cwmp.auth.Credentials;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.device.Protocol;

import java.util.Map;
import java.util.Optional;

/**
 * Who is uploading: the rule that keeps every upload to the twin of the device that sent it.
 * <ol>
 *   <li>A URL token names its device; nothing else is needed.</li>
 *   <li>Without a token, the request must authenticate (Basic or Digest) with a credential bound to one device; that
 *   device is the uploader. A shared (fleet) credential names no device and is refused ({@code device-mismatch}),
 *   as is an anonymous request ({@code unauthenticated}, with a challenge).</li>
 *   <li>URI parameters {@code oui}, {@code pc}, {@code sn} (or {@code eid} for a USP agent), which TR-069 and TR-369
 *   agents add to every upload, never choose the device: when present they must name the device the token or
 *   credential names ({@code device-mismatch} otherwise).</li>
 * </ol>
 * The body never names a device.
 */
final class UploaderIdentity {

    /** The device, or the refusal with the challenge to send for a 401. */
    record Resolution(DeviceId device, BulkDataRejected refusal, String challenge) {
        static Resolution of(DeviceId device) {
            return new Resolution(device, null, null);
        }

        static Resolution refused(BulkDataRejected.Reason reason, String message, String challenge) {
            return new Resolution(null, new BulkDataRejected(reason, message), challenge);
        }
    }

    private final BulkDataTokens tokens;
    private final DeviceCredentials credentials;

    UploaderIdentity(BulkDataTokens tokens, DeviceCredentials credentials) {
        this.tokens = tokens;
        this.credentials = credentials;
    }

    /**
     * @param token         the path token, or null for the credential endpoint
     * @param authorization the Authorization header, or null
     * @param query         the URI query parameters (first value of each)
     */
    Resolution resolve(String token, String authorization, String method, Map<String, String> query) {
        DeviceId device;
        if (token != null) {
            Optional<DeviceId> holder = tokens.deviceFor(token);
            if (holder.isEmpty()) {
                return Resolution.refused(BulkDataRejected.Reason.UNKNOWN_TOKEN, "unknown bulk-data URL", null);
            }
            device = holder.get();
        } else {
            AuthResult auth = credentials == null ? null : credentials.check(authorization, method);
            if (auth == null) {
                return Resolution.refused(BulkDataRejected.Reason.UNAUTHENTICATED,
                        "this collector accepts token URLs only", null);
            }
            if (!auth.accepted()) {
                return Resolution.refused(BulkDataRejected.Reason.UNAUTHENTICATED, "authentication required",
                        auth.challenge());
            }
            Credentials used = auth.credentials();
            if (used == null) {
                return Resolution.refused(BulkDataRejected.Reason.UNAUTHENTICATED, "authentication required",
                        credentials.challenge(method));
            }
            if (used.boundDevice().isEmpty()) {
                return Resolution.refused(BulkDataRejected.Reason.DEVICE_MISMATCH, "a shared credential does not "
                        + "name a device: use the profile's token URL or the device's own credential", null);
            }
            device = used.boundDevice().get();
        }
        try {
            if (uriContradicts(device, query)) {
                return Resolution.refused(BulkDataRejected.Reason.DEVICE_MISMATCH,
                        "the URI names another device than the credential or token", null);
            }
        } catch (IllegalArgumentException e) {
            return Resolution.refused(BulkDataRejected.Reason.MALFORMED, "the oui/pc/sn or eid URI parameters "
                    + "are not a device identity", null);
        }
        return Resolution.of(device);
    }

    /**
     * True when the URI parameters name another device: for a CWMP device its {@code oui}/{@code pc}/{@code sn},
     * for a USP agent its {@code eid} (a USP agent sends its OUI, product class and serial number too, which are
     * not its identity here).
     */
    static boolean uriContradicts(DeviceId device, Map<String, String> query) {
        if (device.protocol() == Protocol.CWMP) {
            String oui = query.get("oui");
            String sn = query.get("sn");
            return oui != null && sn != null && !DeviceId.cwmp(oui, query.get("pc"), sn).equals(device);
        }
        String eid = query.get("eid");
        return eid != null && !DeviceId.usp(eid).equals(device);
    }
}
