package io.cpeoperator.bridge.usp.controller;

import io.cpeoperator.bridge.usp.wire.UspMessages;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Picks the USP version to speak with an agent: the highest one both sides list. */
final class ProtocolVersions {

    private static final Set<String> OURS = Set.of(UspMessages.CONTROLLER_VERSIONS.split(","));

    private ProtocolVersions() {
    }

    static Optional<String> highestCommon(String agentVersions) {
        return Arrays.stream(agentVersions.split(","))
                .map(String::trim)
                .filter(OURS::contains)
                .max(Comparator.comparingInt(ProtocolVersions::minor));
    }

    static boolean isSupported(String version) {
        return OURS.contains(version);
    }

    private static int minor(String version) {
        return Integer.parseInt(version.substring(version.indexOf('.') + 1));
    }

    static String supported() {
        return OURS.stream().sorted().collect(Collectors.joining(","));
    }
}
