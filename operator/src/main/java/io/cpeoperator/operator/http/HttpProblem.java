package io.cpeoperator.operator.http;

/** A client error with its HTTP status and a message that says what to fix. */
public class HttpProblem extends RuntimeException {

    private final int status;

    public HttpProblem(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
