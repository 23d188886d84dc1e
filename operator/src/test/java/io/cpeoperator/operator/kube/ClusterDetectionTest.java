package io.cpeoperator.operator.kube;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterDetectionTest {

    @TempDir
    Path home;

    @Test
    void noConfigurationMeansEmbedded() {
        assertThat(ClusterDetection.configSource(Map.of(), home)).isEmpty();
        assertThat(ClusterDetection.configSource(Map.of("KUBECONFIG", home.resolve("missing").toString()), home)).isEmpty();
    }

    @Test
    void kubeconfigFromEnvironmentOrHome() throws IOException {
        Path file = Files.writeString(home.resolve("kc"), "apiVersion: v1\n");
        assertThat(ClusterDetection.configSource(Map.of("KUBECONFIG", file.toString()), home)).contains("KUBECONFIG " + file);

        Files.createDirectories(home.resolve(".kube"));
        Files.writeString(home.resolve(".kube/config"), "apiVersion: v1\n");
        assertThat(ClusterDetection.configSource(Map.of(), home)).contains(home.resolve(".kube/config").toString());
    }
}
