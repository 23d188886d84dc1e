package io.cpeoperator.operator.kube;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The project's CRDs, as generated into {@code crds/} and packaged in the jar under {@code crds/}. */
public final class CustomResourceDefinitions {

    public static final List<String> FILES = List.of("cpedevices.cpeoperator.io-v1.yml", "cpefleets.cpeoperator.io-v1.yml");

    private CustomResourceDefinitions() {
    }

    public static List<CustomResourceDefinition> load() {
        return FILES.stream().map(CustomResourceDefinitions::load).toList();
    }

    /** Creates or replaces every CRD. */
    public static void install(KubernetesClient client) {
        for (CustomResourceDefinition crd : load()) {
            client.apiextensions().v1().customResourceDefinitions().resource(crd).createOr(existing -> existing.update());
        }
    }

    private static CustomResourceDefinition load(String file) {
        try (InputStream in = CustomResourceDefinitions.class.getResourceAsStream("/crds/" + file)) {
            if (in == null) {
                throw new IllegalStateException("crds/" + file + " is not on the classpath; the build packages it");
            }
            return Serialization.unmarshal(in, CustomResourceDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
