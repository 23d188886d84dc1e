package io.cpeoperator.bridge.usp.controller;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProtocolVersionsTest {

    @Test
    void picksTheHighestVersionBothSidesSpeak() {
        assertThat(ProtocolVersions.highestCommon("1.0,1.1,1.2,1.3")).contains("1.3");
        assertThat(ProtocolVersions.highestCommon("1.4, 1.3")).contains("1.4");
        assertThat(ProtocolVersions.highestCommon("1.0")).contains("1.0");
    }

    @Test
    void nothingInCommonOrGarbageYieldsNothing() {
        assertThat(ProtocolVersions.highestCommon("2.0,1.9")).isEmpty();
        assertThat(ProtocolVersions.highestCommon("")).isEmpty();
        assertThat(ProtocolVersions.highestCommon("x,,1.")).isEmpty();
    }
}
