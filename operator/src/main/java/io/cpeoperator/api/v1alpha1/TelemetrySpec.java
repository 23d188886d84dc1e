package io.cpeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** What the operator keeps fresh in the twins of the fleet's devices. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TelemetrySpec {

    @JsonPropertyDescription("Subtrees and their maximum age.")
    @Size(max = 50)
    private List<TelemetrySubtree> subtrees;

    public List<TelemetrySubtree> getSubtrees() {
        return subtrees;
    }

    public void setSubtrees(List<TelemetrySubtree> subtrees) {
        this.subtrees = subtrees;
    }
}
