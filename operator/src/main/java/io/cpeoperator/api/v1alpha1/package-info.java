/**
 * The cpeoperator.io/v1alpha1 API: plain spec and status classes from which the CRDs in {@code crds/} are generated.
 * Validation lives here as schema annotations so that the API server rejects a bad spec with a clear message.
 */
package io.cpeoperator.api.v1alpha1;
