package io.cpeoperator.bridge.twin.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * The body of {@code GET /api/v1/devices/{namespace}/{name}/parameters?path=...&maxAge=...}.
 *
 * @param device     the device as the caller named it ({@code namespace/name})
 * @param path       the path pattern that was read
 * @param maxAge     the ISO-8601 max age applied, absent when none was given (then nothing is stale)
 * @param readAt     when the twin was read (ISO-8601)
 * @param parameters values observed within {@code maxAge}, in path order
 * @param stale      paths whose values are older than {@code maxAge}, or the pattern itself when the twin has
 *                   nothing under it yet; the caller refreshes these from the device
 */
@JsonPropertyOrder({"device", "path", "maxAge", "readAt", "parameters", "stale"})
public record ParametersResponse(String device, String path,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) String maxAge,
                                 String readAt, List<ParameterEntry> parameters, List<String> stale) {
    public ParametersResponse {
        parameters = List.copyOf(parameters);
        stale = List.copyOf(stale);
    }
}
