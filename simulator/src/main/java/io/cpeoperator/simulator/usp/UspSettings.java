package io.cpeoperator.simulator.usp;

/**
 * Where and how USP agents reach their controller.
 *
 * @param agentTopicPrefix agents subscribe to {@code <prefix><endpoint id>}, e.g. {@code usp/agent/}
 */
public record UspSettings(String brokerHost, int brokerPort, String controllerEndpointId, String controllerTopic,
                          String agentTopicPrefix) {

    public static final String RECORD_VERSION = "1.3";
}
