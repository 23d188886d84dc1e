package io.cpeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.util.List;
import java.util.Objects;

/** A parameter two or more fleets of a device set to different values. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ParameterConflict {

    @JsonPropertyDescription("The parameter path.")
    private String path;

    @JsonPropertyDescription("The CpeFleets that disagree, by name.")
    private List<String> fleets;

    public ParameterConflict() {
    }

    public ParameterConflict(String path, List<String> fleets) {
        this.path = path;
        this.fleets = fleets;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public List<String> getFleets() {
        return fleets;
    }

    public void setFleets(List<String> fleets) {
        this.fleets = fleets;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterConflict other && Objects.equals(path, other.path)
                && Objects.equals(fleets, other.fleets);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, fleets);
    }
}
