package io.cpeoperator.simulator.scenario;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The firmware versions declared bad, shared by every device of a simulator: version (as installed, that is as
 * read from the image file name) → defect. Thread-safe; a declaration replaces an earlier one for the same version.
 */
public final class FirmwareDefects {

    private final Map<String, FirmwareDefect> byVersion = new ConcurrentHashMap<>();

    public void declare(String version, FirmwareDefect defect) {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("a firmware defect needs a version");
        }
        if (defect == null) {
            throw new IllegalArgumentException("no defect given for firmware " + version);
        }
        byVersion.put(version.trim(), defect);
    }

    /** The defect of this version, if it was declared bad. */
    public Optional<FirmwareDefect> of(String version) {
        return version == null ? Optional.empty() : Optional.ofNullable(byVersion.get(version));
    }

    /** A copy of the declarations, by version. */
    public Map<String, FirmwareDefect> all() {
        return new TreeMap<>(byVersion);
    }

    /**
     * Reads the command-line form {@code 9.0.0=reboot-loop,9.1.0=wifi-degraded,9.2.0=download-fails:30}.
     *
     * @throws IllegalArgumentException naming the entry at fault and the accepted forms
     */
    public static Map<String, FirmwareDefect> parse(String spec) {
        Map<String, FirmwareDefect> defects = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return defects;
        }
        for (String part : spec.split(",")) {
            String entry = part.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.indexOf('=');
            String version = eq < 0 ? "" : entry.substring(0, eq).trim();
            if (eq < 0 || version.isEmpty() || version.contains(" ")) {
                throw new IllegalArgumentException("firmware defect '" + entry + "' must look like VERSION=DEFECT, as in "
                        + "9.0.0=reboot-loop; defects: " + FirmwareDefect.forms());
            }
            FirmwareDefect defect;
            try {
                defect = FirmwareDefect.parse(entry.substring(eq + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("firmware defect '" + entry + "': " + e.getMessage(), e);
            }
            if (defects.putIfAbsent(version, defect) != null) {
                throw new IllegalArgumentException("firmware " + version + " is given more than one defect");
            }
        }
        return defects;
    }
}
