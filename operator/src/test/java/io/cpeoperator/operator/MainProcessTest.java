package io.cpeoperator.operator;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the real main class in its own JVM: it serves /healthz, then stops on SIGTERM within 10 s. */
class MainProcessTest {

    @Test
    void startsInEmbeddedModeWithoutKubeconfigAndStopsOnSigterm() throws Exception {
        int port = freePort();
        Path home = Files.createTempDirectory("cpe-home");
        Path log = Files.createTempFile("cpe-operator", ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Duser.home=" + home,
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--bind-address", "127.0.0.1", "--http-port", Integer.toString(port),
                "--acs-port", "0", "--mqtt-port", "0"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("KUBECONFIG");
        builder.environment().remove("KUBERNETES_SERVICE_HOST");
        Process process = builder.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            int status = 0;
            while (status != 200 && Instant.now().isBefore(deadline) && process.isAlive()) {
                status = healthz(http, port);
                Thread.sleep(200);
            }
            assertThat(status).as("healthz; log:%n%s", Files.readString(log)).isEqualTo(200);

            Instant stopAsked = Instant.now();
            process.destroy(); // SIGTERM
            boolean exited = process.waitFor(10, TimeUnit.SECONDS);
            assertThat(exited).as("exited within 10 s of SIGTERM; log:%n%s", Files.readString(log)).isTrue();
            assertThat(Duration.between(stopAsked, Instant.now())).isLessThan(Duration.ofSeconds(10));
            assertThat(Files.readString(log))
                    .contains("starting in embedded mode")
                    .contains("cpe-operator stopped");
        } finally {
            process.destroyForcibly();
        }
    }

    private static int healthz(HttpClient http, int port) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
