package io.cpeoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.LinkedHashMap;
import java.util.Map;

/** A group of devices selected by labels and what applies to all of them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CpeFleetSpec {

    @JsonPropertyDescription("Label selector over CpeDevices in the fleet's namespace, e.g. matchLabels cpeoperator.io/product-class: BM632w.")
    @Required
    private LabelSelector selector;

    @JsonPropertyDescription("Desired parameter values for every device of the fleet; a device's own spec.parameters win.")
    @Size(max = 1000)
    @ValidationRule(value = ApiPatterns.PARAMETER_KEYS_RULE, message = "every key of spec.parameters must be a full parameter path under Device. or InternetGatewayDevice., without wildcards and not ending in '.'")
    private Map<String, String> parameters = new LinkedHashMap<>();

    @JsonPropertyDescription("Firmware every device of the fleet should run, rolled out as spec.rollout says; a device's own spec.firmware wins.")
    private FirmwareSpec firmware;

    @JsonPropertyDescription("How spec.firmware is rolled out: waves, how many devices at once, and the budgets that pause it.")
    private RolloutSpec rollout;

    @JsonPropertyDescription("Which subtrees to keep fresh, and how fresh.")
    private TelemetrySpec telemetry;

    @JsonPropertyDescription("QoE weights and thresholds.")
    private QoeSpec qoe;

    public LabelSelector getSelector() {
        return selector;
    }

    public void setSelector(LabelSelector selector) {
        this.selector = selector;
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

    public RolloutSpec getRollout() {
        return rollout;
    }

    public void setRollout(RolloutSpec rollout) {
        this.rollout = rollout;
    }

    public TelemetrySpec getTelemetry() {
        return telemetry;
    }

    public void setTelemetry(TelemetrySpec telemetry) {
        this.telemetry = telemetry;
    }

    public QoeSpec getQoe() {
        return qoe;
    }

    public void setQoe(QoeSpec qoe) {
        this.qoe = qoe;
    }
}
