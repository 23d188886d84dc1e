package io.cpeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Outcomes of the one-shot actions. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ActionsStatus {

    @JsonPropertyDescription("Outcome of spec.reboot.")
    private ActionStatus reboot;

    @JsonPropertyDescription("Outcome of spec.factoryReset.")
    private ActionStatus factoryReset;

    public ActionStatus getReboot() {
        return reboot;
    }

    public void setReboot(ActionStatus reboot) {
        this.reboot = reboot;
    }

    public ActionStatus getFactoryReset() {
        return factoryReset;
    }

    public void setFactoryReset(ActionStatus factoryReset) {
        this.factoryReset = factoryReset;
    }
}
