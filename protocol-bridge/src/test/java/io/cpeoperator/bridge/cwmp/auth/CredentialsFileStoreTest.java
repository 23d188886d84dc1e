package io.cpeoperator.bridge.cwmp.auth;

import io.cpeoperator.bridge.device.DeviceId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Credentials from a file that changes the way Kubernetes changes a mounted Secret. */
class CredentialsFileStoreTest {

    @TempDir
    Path dir;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final InMemoryCredentialStore fallback = new InMemoryCredentialStore()
            .putCpe("simulated", "sim-pw").defaultConnectionRequest("cr", "cr-pw");

    @Test
    void aSecretUpdatedBySymlinkSwapIsPickedUpAtTheNextCheck() throws Exception {
        // the kubelet's layout: credentials -> ..data/credentials, ..data -> ..<timestamp>
        Path first = Files.createDirectory(dir.resolve("..2026_11_25_20_00_00"));
        Files.writeString(first.resolve("credentials"), "fleet:one\n00D09E-1:pw:00D09E-IGD-2\n");
        Files.createSymbolicLink(dir.resolve("..data"), first.getFileName());
        Path file = Files.createSymbolicLink(dir.resolve("credentials"), Path.of("..data", "credentials"));

        try (CredentialsFileStore store = CredentialsFileStore.load(file, fallback, registry)) {
            assertThat(store.cpeCredentials("fleet")).map(Credentials::password).contains("one");
            assertThat(store.reloadIfChanged()).as("nothing changed").isFalse();

            Path second = Files.createDirectory(dir.resolve("..2026_11_25_20_05_00"));
            // same size, same time: only the resolved path tells the kubelet swapped the file
            Files.writeString(second.resolve("credentials"), "fleet:two\n00D09E-1:pw:00D09E-IGD-1\n");
            Files.setLastModifiedTime(second.resolve("credentials"),
                    Files.getLastModifiedTime(first.resolve("credentials")));
            Path swap = Files.createSymbolicLink(dir.resolve("..data_tmp"), second.getFileName());
            Files.move(swap, dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);

            assertThat(store.reloadIfChanged()).isTrue();
            assertThat(store.cpeCredentials("fleet")).map(Credentials::password).contains("two");
            assertThat(store.cpeCredentials("00D09E-1")).flatMap(Credentials::boundDevice)
                    .contains(DeviceId.cwmp("00D09E", "IGD", "1"));
            assertThat(store.size()).isEqualTo(2);
            assertThat(registry.get("cpe.cwmp.auth.credentials.reloads").tag("outcome", "applied").counter().count())
                    .isEqualTo(1);
        }
    }

    @Test
    void aBrokenNewFileKeepsTheCredentialsInUse() throws Exception {
        Path file = dir.resolve("credentials");
        Files.writeString(file, "fleet:one\n");
        try (CredentialsFileStore store = CredentialsFileStore.load(file, fallback, registry)) {
            Files.writeString(file, "fleet:one\nbroken line without a colon\n");
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(1_000));
            assertThat(store.reloadIfChanged()).isFalse();
            assertThat(store.cpeCredentials("fleet")).map(Credentials::password).contains("one");
            assertThat(registry.get("cpe.cwmp.auth.credentials.reloads").tag("outcome", "failed").counter().count())
                    .isEqualTo(1);
            assertThat(store.reloadIfChanged()).as("the same broken file is reported once").isFalse();
            assertThat(registry.get("cpe.cwmp.auth.credentials.reloads").tag("outcome", "failed").counter().count())
                    .isEqualTo(1);

            Files.delete(file);
            assertThat(store.reloadIfChanged()).isFalse();
            assertThat(store.cpeCredentials("fleet")).isPresent();

            Files.writeString(file, "fleet:fixed\n");
            assertThat(store.reloadIfChanged()).isTrue();
            assertThat(store.cpeCredentials("fleet")).map(Credentials::password).contains("fixed");
        }
    }

    @Test
    void unknownUsernamesAndConnectionRequestsGoToTheFallback() throws Exception {
        Path file = dir.resolve("credentials");
        Files.writeString(file, "fleet:one\n");
        try (CredentialsFileStore store = CredentialsFileStore.load(file, fallback, registry)) {
            assertThat(store.cpeCredentials("simulated")).map(Credentials::password).contains("sim-pw");
            assertThat(store.cpeCredentials("nobody")).isEmpty();
            assertThat(store.connectionRequestCredentials(DeviceId.cwmp("00D09E", "IGD", "1")))
                    .map(Credentials::username).contains("cr");
        }
    }

    @Test
    void aMissingOrMalformedFileAtStartIsAnError() throws Exception {
        assertThatThrownBy(() -> CredentialsFileStore.load(dir.resolve("absent"), fallback, registry))
                .isInstanceOf(java.nio.file.NoSuchFileException.class);
        Path file = dir.resolve("credentials");
        Files.writeString(file, "fleet:one\nfleet:two\n");
        assertThatThrownBy(() -> CredentialsFileStore.load(file, fallback, registry))
                .isInstanceOf(CredentialsFile.FormatException.class).hasMessageContaining("line 2");
    }
}
