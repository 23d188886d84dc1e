package io.cpeoperator.bridge.twin.api;

/** Either the response body (HTTP 200) or an error body with its status; never anything that maps to a 500. */
public sealed interface ParametersQueryResult {

    int status();

    record Ok(ParametersResponse body) implements ParametersQueryResult {
        @Override
        public int status() {
            return 200;
        }
    }

    record Failed(ApiError error) implements ParametersQueryResult {
        @Override
        public int status() {
            return error.status();
        }
    }
}
