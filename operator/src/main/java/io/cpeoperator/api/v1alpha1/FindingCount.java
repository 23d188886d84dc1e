package io.cpeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A QoE finding and how many devices have it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FindingCount {

    @JsonPropertyDescription("Finding code.")
    private String code;

    @JsonPropertyDescription("Devices with the finding.")
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
}
