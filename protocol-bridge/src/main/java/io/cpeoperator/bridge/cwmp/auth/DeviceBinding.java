package io.cpeoperator.bridge.cwmp.auth;

import io.cpeoperator.bridge.logging.FleetLogBudget;
import io.cpeoperator.bridge.device.DeviceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * Keeps a device-bound credential to its device: a CPE that authenticates with the credentials of device A and
 * Informs as device B would otherwise take over B's twin and session. Unbound credentials (a shared fleet
 * credential) and anonymous sessions of OPEN mode pass.
 */
final class DeviceBinding {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceBinding.class);
    /** A cloned or misconfigured batch of devices retries every few minutes each: its lines are capped. */
    private static final int LOG_LINES_PER_MINUTE = 20;

    private final FleetLogBudget logBudget;

    DeviceBinding(Clock clock) {
        this.logBudget = new FleetLogBudget(clock, LOG_LINES_PER_MINUTE);
    }

    /** True when the session of {@code deviceId} may go on with what {@code auth} authenticated. */
    boolean permits(AuthResult auth, DeviceId deviceId) {
        Credentials credentials = auth.credentials();
        if (credentials == null || credentials.permits(deviceId)) {
            return true;
        }
        long heldBack = logBudget.take();
        if (heldBack >= 0) {
            LOG.warn("{}: refused: it authenticated as '{}', a credential bound to {}{}", deviceId,
                    credentials.username(), credentials.device(),
                    heldBack > 0 ? " (" + heldBack + " similar lines held back)" : "");
        }
        return false;
    }
}
