package io.cpeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.util.Objects;

/** How many devices are of one model. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelCount {

    @JsonPropertyDescription("Model name (the product class when the device reports no model name).")
    private String model;

    @JsonPropertyDescription("Devices of this model.")
    private Integer devices;

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public Integer getDevices() {
        return devices;
    }

    public void setDevices(Integer devices) {
        this.devices = devices;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ModelCount that && Objects.equals(model, that.model)
                && Objects.equals(devices, that.devices);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, devices);
    }

    @Override
    public String toString() {
        return model + "=" + devices;
    }
}
