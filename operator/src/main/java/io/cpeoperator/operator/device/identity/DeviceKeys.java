package io.cpeoperator.operator.device.identity;

import io.cpeoperator.api.v1alpha1.CpeDevice;
import io.cpeoperator.api.v1alpha1.CpeDeviceSpec;
import io.cpeoperator.api.v1alpha1.DeviceIdentitySpec;
import io.cpeoperator.api.v1alpha1.Protocol;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.device.DeviceIdentity;

import java.util.Locale;
import java.util.Optional;

/** Translates between a CpeDevice's {@code spec.identity} and the bridges' {@link DeviceId}. */
public final class DeviceKeys {

    private DeviceKeys() {
    }

    /** The device a CpeDevice stands for; empty when its spec does not name one completely. */
    public static Optional<DeviceId> idOf(CpeDevice device) {
        return device.getSpec() == null ? Optional.empty() : idOf(device.getSpec());
    }

    public static Optional<DeviceId> idOf(CpeDeviceSpec spec) {
        DeviceIdentitySpec identity = spec.getIdentity();
        if (identity == null || spec.getProtocol() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(spec.getProtocol() == Protocol.CWMP
                    // TR-069 says the OUI is sent in upper case; a spec written by hand may use either
                    ? DeviceId.cwmp(identity.getOui() == null ? null : identity.getOui().toUpperCase(Locale.ROOT),
                    identity.getProductClass(), identity.getSerialNumber())
                    : DeviceId.usp(identity.getEndpointId()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The spec identity written for a discovered device. */
    public static DeviceIdentitySpec identitySpec(DeviceIdentity identity) {
        if (identity.id().protocol() == io.cpeoperator.bridge.device.Protocol.USP) {
            return DeviceIdentitySpec.usp(identity.id().key());
        }
        return DeviceIdentitySpec.cwmp(identity.oui(),
                identity.productClass().isEmpty() ? null : identity.productClass(), identity.serialNumber());
    }

    public static Protocol protocolOf(DeviceId id) {
        return id.protocol() == io.cpeoperator.bridge.device.Protocol.USP ? Protocol.USP : Protocol.CWMP;
    }
}
