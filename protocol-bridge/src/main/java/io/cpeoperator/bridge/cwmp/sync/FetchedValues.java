package io.cpeoperator.bridge.cwmp.sync;

import io.cpeoperator.bridge.cwmp.soap.rpc.ParameterValueStruct;

import java.util.List;

/**
 * What a value fetch that tolerates vanished names brought back.
 *
 * @param values   the values the device answered with
 * @param vanished the names it refused as unknown (fault 9005), each alone, and that were left out
 */
public record FetchedValues(List<ParameterValueStruct> values, List<String> vanished) {

    public FetchedValues {
        values = List.copyOf(values);
        vanished = List.copyOf(vanished);
    }
}
