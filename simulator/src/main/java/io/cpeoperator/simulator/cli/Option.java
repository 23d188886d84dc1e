package io.cpeoperator.simulator.cli;

/** One command-line option: name, value placeholder (null for flags), default shown in --help, description. */
record Option(String name, String value, String defaultValue, String description) {
}
