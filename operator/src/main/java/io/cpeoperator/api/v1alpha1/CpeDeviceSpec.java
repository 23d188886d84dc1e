package io.cpeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the device should be: its identity and the desired configuration, firmware and actions. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.protocol != 'CWMP' || (has(self.identity.oui) && has(self.identity.serialNumber))",
        message = "a CWMP device needs spec.identity.oui and spec.identity.serialNumber")
@ValidationRule(value = "self.protocol != 'USP' || has(self.identity.endpointId)",
        message = "a USP device needs spec.identity.endpointId")
public class CpeDeviceSpec {

    @JsonPropertyDescription("How the device is recognised when it connects; filled in by discovery, or written ahead of time for zero-touch provisioning.")
    @Required
    private DeviceIdentitySpec identity;

    @JsonPropertyDescription("Management protocol of the device: CWMP (TR-069) or USP (TR-369).")
    @Required
    private Protocol protocol;

    @JsonPropertyDescription("Desired parameter values, full path to value as on the wire, e.g. Device.WiFi.SSID.1.SSID: home. Paths start with Device. or InternetGatewayDevice. and contain no wildcards. Only the difference from the device's twin is sent.")
    @Size(max = 1000)
    @ValidationRule(value = ApiPatterns.PARAMETER_KEYS_RULE,
            message = "every key of spec.parameters must be a full parameter path under Device. or InternetGatewayDevice., without wildcards and not ending in '.'")
    private Map<String, String> parameters = new LinkedHashMap<>();

    @JsonPropertyDescription("Firmware the device should run; the operator downloads and activates it and tracks the upgrade across the reboot.")
    private FirmwareSpec firmware;

    @JsonPropertyDescription("Reboot the device once for every new requestedAt.")
    private OneShotAction reboot;

    @JsonPropertyDescription("Reset the device to factory defaults once for every new requestedAt. Desired parameters are re-applied afterwards.")
    private OneShotAction factoryReset;

    @JsonPropertyDescription("When true the operator makes no change to the device (no parameter writes, firmware or actions) but keeps observing it.")
    private Boolean suspend;

    public DeviceIdentitySpec getIdentity() {
        return identity;
    }

    public void setIdentity(DeviceIdentitySpec identity) {
        this.identity = identity;
    }

    public Protocol getProtocol() {
        return protocol;
    }

    public void setProtocol(Protocol protocol) {
        this.protocol = protocol;
    }

    public Map<String, String> getParameters() {
        return parameters;
    }

    public void setParameters(Map<String, String> parameters) {
        this.parameters = parameters == null ? new LinkedHashMap<>() : parameters;
    }

    public FirmwareSpec getFirmware() {
        return firmware;
    }

    public void setFirmware(FirmwareSpec firmware) {
        this.firmware = firmware;
    }

    public OneShotAction getReboot() {
        return reboot;
    }

    public void setReboot(OneShotAction reboot) {
        this.reboot = reboot;
    }

    public OneShotAction getFactoryReset() {
        return factoryReset;
    }

    public void setFactoryReset(OneShotAction factoryReset) {
        this.factoryReset = factoryReset;
    }

    public Boolean getSuspend() {
        return suspend;
    }

    public void setSuspend(Boolean suspend) {
        this.suspend = suspend;
    }

    /** True when writes to the device are suspended. */
    public boolean suspended() {
        return Boolean.TRUE.equals(suspend);
    }
}
