package io.cpeoperator.operator.kube;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.util.Objects;

/** Compares status objects by their JSON form, which is what the API server stores and what a patch would send. */
public final class StatusComparison {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private StatusComparison() {
    }

    public static boolean sameJson(Object a, Object b) {
        if (a == null || b == null) {
            return Objects.equals(a, b);
        }
        return SERIALIZATION.convertValue(a, com.fasterxml.jackson.databind.JsonNode.class)
                .equals(SERIALIZATION.convertValue(b, com.fasterxml.jackson.databind.JsonNode.class));
    }
}
