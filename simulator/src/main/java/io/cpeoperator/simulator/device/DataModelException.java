package io.cpeoperator.simulator.device;

import java.util.List;

/** A refused data-model operation: the overall fault and, for writes, one fault per offending parameter. */
public final class DataModelException extends Exception {

    private final Fault fault;
    private final List<ParamFault> paramFaults;

    public DataModelException(Fault fault, String message) {
        this(fault, message, List.of());
    }

    public DataModelException(Fault fault, String message, List<ParamFault> paramFaults) {
        super(message, null, false, false);
        this.fault = fault;
        this.paramFaults = List.copyOf(paramFaults);
    }

    public Fault fault() {
        return fault;
    }

    public List<ParamFault> paramFaults() {
        return paramFaults;
    }

    /** One parameter's fault in a refused write. */
    public record ParamFault(String path, Fault fault, String message) {
    }
}
