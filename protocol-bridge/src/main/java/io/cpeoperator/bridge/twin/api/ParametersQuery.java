package io.cpeoperator.bridge.twin.api;

import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.twin.MaxAgeRead;
import io.cpeoperator.bridge.twin.ParameterPath;
import io.cpeoperator.bridge.twin.TwinParameter;
import io.cpeoperator.bridge.twin.TwinStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Answers the parameters read API from the twin, independent of the HTTP server that serves it: validates the query
 * parameters, reads, and returns either the response or a typed error whose message says what to fix. User input
 * never causes an exception here.
 */
public final class ParametersQuery {

    /** Longer query values are not worth parsing (and not worth echoing into messages). */
    private static final int MAX_MAX_AGE_LENGTH = 64;

    private final TwinStore twins;
    private final Clock clock;

    public ParametersQuery(TwinStore twins, Clock clock) {
        this.twins = twins;
        this.clock = clock;
    }

    /**
     * @param deviceName how the caller named the device ({@code namespace/name}), echoed in the response
     * @param deviceId   the device's identity, or null when no such device is known (answered with 404)
     * @param path       the {@code path} query parameter (required): a parameter path or a partial path ending in
     *                   '.', with optional {@code *} instance segments
     * @param maxAge     the {@code maxAge} query parameter, an ISO-8601 duration such as {@code PT5M}; may be null
     */
    public ParametersQueryResult handle(String deviceName, DeviceId deviceId, String path, String maxAge) {
        if (path == null || path.isEmpty()) {
            return badRequest(ApiError.INVALID_PATH,
                    "the query parameter 'path' is required, e.g. ?path=Device.WiFi. or ?path=Device.DeviceInfo.UpTime");
        }
        Optional<String> pathProblem = ParameterPath.problem(path, ParameterPath.Usage.PATTERN);
        if (pathProblem.isPresent()) {
            return badRequest(ApiError.INVALID_PATH, "invalid 'path': " + pathProblem.get());
        }
        Duration age = null;
        if (maxAge != null) {
            Optional<Duration> parsed = parseMaxAge(maxAge);
            if (parsed.isEmpty()) {
                return badRequest(ApiError.INVALID_MAX_AGE, "invalid 'maxAge' '" + shorten(maxAge)
                        + "': use a non-negative ISO-8601 duration such as PT30S, PT5M or PT1H");
            }
            age = parsed.get();
        }
        if (deviceId == null || !twins.contains(deviceId)) {
            return new ParametersQueryResult.Failed(new ApiError(404, ApiError.DEVICE_NOT_FOUND,
                    "no parameters known for device " + deviceName + ": it does not exist, or has not been synced "
                            + "since the operator started (it will be on its next contact)"));
        }
        Instant now = clock.instant();
        List<TwinParameter> fresh;
        List<String> stale;
        if (age == null) {
            fresh = twins.read(deviceId, path);
            stale = List.of();
        } else {
            MaxAgeRead read = twins.readWithMaxAge(deviceId, path, age, now);
            fresh = read.fresh();
            stale = read.stale();
        }
        List<ParameterEntry> entries = fresh.stream().map(ParameterEntry::of).toList();
        return new ParametersQueryResult.Ok(new ParametersResponse(deviceName, path,
                age == null ? null : age.toString(), now.toString(), entries, stale));
    }

    private static Optional<Duration> parseMaxAge(String text) {
        if (text.length() > MAX_MAX_AGE_LENGTH) {
            return Optional.empty();
        }
        try {
            Duration duration = Duration.parse(text);
            return duration.isNegative() ? Optional.empty() : Optional.of(duration);
        } catch (DateTimeParseException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static ParametersQueryResult badRequest(String reason, String message) {
        return new ParametersQueryResult.Failed(new ApiError(400, reason, message));
    }

    private static String shorten(String text) {
        String cut = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
