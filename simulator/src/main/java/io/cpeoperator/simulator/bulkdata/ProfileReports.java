package io.cpeoperator.simulator.bulkdata;

/**
 * What one profile of a device sent so far: for tests and benchmarks.
 *
 * @param delivered   reports the collector accepted (2xx) or the agent sent as Push!
 * @param failed      attempts that failed (their collections are kept for the next attempt, up to the retain limit)
 * @param lastBody    the last body sent (uncompressed), empty before the first
 * @param lastFormat  its BBF-Report-Format ({@code NameValuePair}, {@code ParameterPerRow}, ...)
 */
public record ProfileReports(String profilePath, String alias, int delivered, int failed, String lastBody, String lastFormat) {
}
