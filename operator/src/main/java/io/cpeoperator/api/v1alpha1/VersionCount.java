package io.cpeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** How many devices run one firmware version. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VersionCount {

    @JsonPropertyDescription("Software version.")
    private String version;

    @JsonPropertyDescription("Devices running it.")
    private Integer devices;

    @JsonPropertyDescription("Reboots per device and day observed on this version (stability).")
    private Integer rebootsPerDeviceDay;

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public Integer getDevices() {
        return devices;
    }

    public void setDevices(Integer devices) {
        this.devices = devices;
    }

    public Integer getRebootsPerDeviceDay() {
        return rebootsPerDeviceDay;
    }

    public void setRebootsPerDeviceDay(Integer rebootsPerDeviceDay) {
        this.rebootsPerDeviceDay = rebootsPerDeviceDay;
    }
}
