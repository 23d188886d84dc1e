package io.cpeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.util.List;
import java.util.Objects;

/** One origin of a device's desired parameters and the paths it contributes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ConfigSource {

    @JsonPropertyDescription("spec.parameters for the device's own values, or CpeFleet/<name>.")
    private String source;

    @JsonPropertyDescription("How many desired parameters come from this source.")
    private Integer parameters;

    @JsonPropertyDescription("The paths, sorted, at most 50.")
    private List<String> paths;

    public ConfigSource() {
    }

    public ConfigSource(String source, int parameters, List<String> paths) {
        this.source = source;
        this.parameters = parameters;
        this.paths = paths;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public Integer getParameters() {
        return parameters;
    }

    public void setParameters(Integer parameters) {
        this.parameters = parameters;
    }

    public List<String> getPaths() {
        return paths;
    }

    public void setPaths(List<String> paths) {
        this.paths = paths;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigSource other && Objects.equals(source, other.source)
                && Objects.equals(parameters, other.parameters) && Objects.equals(paths, other.paths);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, parameters, paths);
    }
}
