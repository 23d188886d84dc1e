package io.cpeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.util.Objects;

/** A QoE finding and how many devices have it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FindingCount {

    @JsonPropertyDescription("Finding code, e.g. WifiWeakClientSignal.")
    private String code;

    @JsonPropertyDescription("Devices with the finding among their top findings.")
    private Integer devices;

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public Integer getDevices() {
        return devices;
    }

    public void setDevices(Integer devices) {
        this.devices = devices;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FindingCount that && Objects.equals(code, that.code)
                && Objects.equals(devices, that.devices);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, devices);
    }

    @Override
    public String toString() {
        return code + "=" + devices;
    }
}
