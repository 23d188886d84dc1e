package io.cpeoperator.simulator.device;

/** One entry of a GetParameterNames answer: an object (path ends in '.') or a parameter. */
public record NameEntry(String path, boolean writable) {
}
