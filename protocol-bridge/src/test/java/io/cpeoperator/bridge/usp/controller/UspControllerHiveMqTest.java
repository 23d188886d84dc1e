package io.cpeoperator.bridge.usp.controller;

import io.cpeoperator.bridge.mqtt.EmbeddedMqttBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The scenarios with the controller owning its embedded HiveMQ CE broker. */
class UspControllerHiveMqTest extends ControllerOverMqttScenarios {

    @BeforeAll
    static void start() {
        brokerPort = EmbeddedMqttBroker.freePort();
        agentsUseMqtt311 = false;
        startController(config().withEmbeddedBroker("127.0.0.1", brokerPort));
    }

    @AfterAll
    static void stop() {
        controller.stop();
    }
}
