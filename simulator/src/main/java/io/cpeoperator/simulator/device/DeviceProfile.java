package io.cpeoperator.simulator.device;

import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.simulator.model.ModelSchema;
import io.cpeoperator.simulator.model.VendorModel;
import io.cpeoperator.simulator.scenario.Scenario;

import java.util.EnumSet;
import java.util.Set;

/**
 * The fixed identity of a simulated device: who it is, what it runs, how it is managed and what is wrong with it.
 *
 * @param transport  how it talks to its management system
 * @param endpointId USP endpoint ID; empty for CWMP devices
 * @param scenarios  conditions it was planned with (empty or {@link Scenario#HEALTHY} for the control group); what
 *                   it suffers from now, after runtime changes, is {@link VirtualDevice#scenarios()}
 */
public record DeviceProfile(DeviceId id, VendorModel model, ModelSchema schema, Transport transport, String serialNumber,
                            String endpointId, String initialFirmware, long seed, Set<Scenario> scenarios) {

    public DeviceProfile {
        scenarios = scenarios.isEmpty() ? EnumSet.noneOf(Scenario.class) : EnumSet.copyOf(scenarios);
    }

    /** The management transports. */
    public enum Transport {
        CWMP("cwmp", null),
        USP_MQTT5("usp-mqtt5", "5.0"),
        USP_MQTT311("usp-mqtt3", "3.1.1");

        private final String label;
        private final String mqttVersion;

        Transport(String label, String mqttVersion) {
            this.label = label;
            this.mqttVersion = mqttVersion;
        }

        public String label() {
            return label;
        }

        /** "5.0" / "3.1.1" for USP over MQTT, null for CWMP. */
        public String mqttVersion() {
            return mqttVersion;
        }

        public boolean isUsp() {
            return mqttVersion != null;
        }
    }
}
