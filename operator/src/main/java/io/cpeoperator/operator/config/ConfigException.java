package io.cpeoperator.operator.config;

/** A setting that cannot be used; the message says which and what to write instead. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
