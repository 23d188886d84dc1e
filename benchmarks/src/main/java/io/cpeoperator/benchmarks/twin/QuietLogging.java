package io.cpeoperator.benchmarks.twin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises the twin store's log level to INFO for a benchmark run: without a logback configuration in the jar, logback
 * logs at DEBUG, and a debug line per loaded device would be measured along with the store. Works by reflection so
 * the benchmarks do not depend on one logging backend; with another backend it does nothing.
 */
public final class QuietLogging {

    private QuietLogging() {
    }

    public static void apply() {
        level("io.cpeoperator", "INFO");
    }

    /**
     * Sets one logger's level ({@code INFO}, {@code WARN}, ...): benchmarks that run the whole operator keep its
     * per-device INFO lines (discovery, syncs) out of the printed figures.
     */
    public static void level(String loggerName, String levelName) {
        Logger logger = LoggerFactory.getLogger(loggerName);
        try {
            Class<?> level = Class.forName("ch.qos.logback.classic.Level");
            Object value = level.getField(levelName).get(null);
            logger.getClass().getMethod("setLevel", level).invoke(logger, value);
        } catch (ReflectiveOperationException | RuntimeException notLogback) {
            // another backend: its own configuration decides
        }
    }
}
