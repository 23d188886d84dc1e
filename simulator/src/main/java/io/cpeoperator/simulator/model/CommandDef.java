package io.cpeoperator.simulator.model;

import java.util.List;

/**
 * A USP command ({@code Device.Reboot()}) or event ({@code Device.Boot!}) the model supports, for
 * GetSupportedDM.
 *
 * @param path  full path including "()" or "!"
 * @param async true for asynchronous commands (OperationComplete follows)
 */
public record CommandDef(String path, List<String> inputArgs, List<String> outputArgs, boolean async) {

    public CommandDef {
        inputArgs = List.copyOf(inputArgs);
        outputArgs = List.copyOf(outputArgs);
    }

    public boolean isEvent() {
        return path.endsWith("!");
    }

    public String objectPath() {
        return path.substring(0, path.lastIndexOf('.') + 1);
    }

    public String name() {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
