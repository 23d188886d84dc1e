package io.cpeoperator.bridge.bulkdata;

import io.cpeoperator.bridge.twin.ParameterPath;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on one bulk-data upload; anything beyond them is refused before it costs memory. Defaults
 * ({@link #defaults()}) fit a CPE that retains a day of failed 5-minute reports of a few hundred parameters.
 *
 * @param maxBodyBytes        bytes on the wire (compressed or not); default 4 MiB
 * @param maxDecodedBytes     bytes after gzip/deflate decoding, against zip bombs; default 16 MiB
 * @param maxReports          reports in one upload (retained failed reports plus the current one); default 512
 * @param maxRows             parameter values in one upload, all reports together; default 200,000
 * @param maxPathLength       longest parameter path; longer rows are skipped; default 256 (TR-069's limit)
 * @param maxValueLength      longest value; longer rows are skipped; default 4,096
 * @param maxJsonDepth        JSON nesting (ObjectHierarchy reports nest one level per path segment); default 40
 * @param maxClockSkew        a report time further than this ahead of the receive time is taken as the receive
 *                            time, so a device with a wrong clock cannot pin values in the future; default 5 min
 */
public record BulkDataLimits(int maxBodyBytes, int maxDecodedBytes, int maxReports, int maxRows, int maxPathLength,
                             int maxValueLength, int maxJsonDepth, Duration maxClockSkew) {

    public BulkDataLimits {
        if (maxBodyBytes < 1 || maxDecodedBytes < 1 || maxReports < 1 || maxRows < 1 || maxPathLength < 1
                || maxValueLength < 1 || maxJsonDepth < 4) {
            throw new IllegalArgumentException("bulk-data limits must be positive (JSON depth at least 4)");
        }
        Objects.requireNonNull(maxClockSkew, "maxClockSkew");
    }

    public static BulkDataLimits defaults() {
        return new BulkDataLimits(4 << 20, 16 << 20, 512, 200_000, ParameterPath.MAX_LENGTH, 4_096, 40,
                Duration.ofMinutes(5));
    }

    public BulkDataLimits withMaxBodyBytes(int bytes, int decodedBytes) {
        return new BulkDataLimits(bytes, decodedBytes, maxReports, maxRows, maxPathLength, maxValueLength,
                maxJsonDepth, maxClockSkew);
    }

    public BulkDataLimits withMaxReportsAndRows(int reports, int rows) {
        return new BulkDataLimits(maxBodyBytes, maxDecodedBytes, reports, rows, maxPathLength, maxValueLength,
                maxJsonDepth, maxClockSkew);
    }

    public BulkDataLimits withMaxLengths(int pathLength, int valueLength, int jsonDepth) {
        return new BulkDataLimits(maxBodyBytes, maxDecodedBytes, maxReports, maxRows, pathLength, valueLength,
                jsonDepth, maxClockSkew);
    }
}
