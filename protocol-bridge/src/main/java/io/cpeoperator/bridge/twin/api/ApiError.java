package io.cpeoperator.bridge.twin.api;

/**
 * The body of an error answer of the read API.
 *
 * @param status  the HTTP status to answer with (400 or 404)
 * @param reason  a CamelCase reason, stable for scripts ({@code InvalidPath}, {@code InvalidMaxAge},
 *                {@code DeviceNotFound})
 * @param message what went wrong and what to change, for people
 */
public record ApiError(int status, String reason, String message) {

    public static final String INVALID_PATH = "InvalidPath";
    public static final String INVALID_MAX_AGE = "InvalidMaxAge";
    public static final String DEVICE_NOT_FOUND = "DeviceNotFound";
}
