package io.cpeoperator.operator.kube;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Finds out whether a Kubernetes cluster is configured: in-cluster service account, $KUBECONFIG or ~/.kube/config. */
public final class ClusterDetection {

    static final Path SERVICE_ACCOUNT_TOKEN = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token");

    private ClusterDetection() {
    }

    /** Where the cluster configuration comes from, or empty when there is none. */
    public static Optional<String> configSource(Map<String, String> env, Path home) {
        if (env.containsKey("KUBERNETES_SERVICE_HOST") && Files.isReadable(SERVICE_ACCOUNT_TOKEN)) {
            return Optional.of("in-cluster service account");
        }
        String kubeconfig = env.get("KUBECONFIG");
        if (kubeconfig != null && !kubeconfig.isBlank()) {
            for (String file : kubeconfig.split(File.pathSeparator)) {
                if (!file.isBlank() && Files.isReadable(Path.of(file))) {
                    return Optional.of("KUBECONFIG " + file);
                }
            }
        }
        Path fallback = home.resolve(".kube").resolve("config");
        if (Files.isReadable(fallback)) {
            return Optional.of(fallback.toString());
        }
        return Optional.empty();
    }
}
