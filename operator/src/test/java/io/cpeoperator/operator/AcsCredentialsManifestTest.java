package io.cpeoperator.operator;

import io.cpeoperator.bridge.cwmp.auth.AuthMode;
import io.cpeoperator.bridge.cwmp.auth.Credentials;
import io.cpeoperator.bridge.cwmp.auth.CredentialsFile;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.operator.config.OperatorConfig;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The Deployment runs a strict ACS on credentials from a mounted Secret, and the README's example file parses. */
class AcsCredentialsManifestTest {

    private static final Path README = Path.of(System.getProperty("cpe.readme", "../README.md"));

    @Test
    void theDeploymentReadsStrictModeCredentialsFromAnOptionalSecretMountedAsADirectory() throws IOException {
        Deployment deployment;
        try (InputStream in = Files.newInputStream(README.resolveSibling("manifests").resolve("deployment.yaml"))) {
            deployment = Serialization.unmarshal(in);
        }
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().get(0);
        Map<String, String> env = container.getEnv().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
        OperatorConfig config = OperatorConfig.parse(new String[0], env);
        assertThat(config.bridges().acsSecurity().authMode()).isEqualTo(AuthMode.STRICT);
        Path file = config.bridges().acsSecurity().credentialsFile().orElseThrow();

        VolumeMount mount = container.getVolumeMounts().stream()
                .filter(m -> file.startsWith(Path.of(m.getMountPath()))).findFirst().orElseThrow();
        // a subPath mount would never see the Secret's updates
        assertThat(mount.getSubPath()).isNull();
        assertThat(mount.getReadOnly()).isTrue();
        Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst()
                .orElseThrow();
        assertThat(volume.getSecret().getSecretName()).isEqualTo("cpe-operator-acs-credentials");
        assertThat(file.getFileName().toString()).isEqualTo("credentials");
        // readable by the non-root operator through its group only
        assertThat(pod.getSecurityContext().getFsGroup()).isEqualTo(pod.getSecurityContext().getRunAsUser());
    }

    @Test
    void theReadmesExampleCredentialsFileParses() throws Exception {
        String readme = Files.readString(README);
        int start = readme.indexOf("cat > cpe-credentials <<'EOF'\n");
        assertThat(start).isPositive();
        int bodyStart = readme.indexOf('\n', start) + 1;
        String body = readme.substring(bodyStart, readme.indexOf("\nEOF\n", bodyStart));
        Map<String, Credentials> credentials = CredentialsFile.parse(new StringReader(body), "README");
        assertThat(credentials.get("fleet-2026").boundDevice()).isEmpty();
        assertThat(credentials.get("00D09E-000042").boundDevice()).contains(DeviceId.cwmp("00D09E", "IGD", "000042"));
    }
}
