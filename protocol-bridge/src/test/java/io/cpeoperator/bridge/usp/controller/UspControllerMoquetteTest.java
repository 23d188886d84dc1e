package io.cpeoperator.bridge.usp.controller;

import io.cpeoperator.bridge.mqtt.EmbeddedMqttBroker;
import io.cpeoperator.bridge.usp.testing.TestBrokers;
import io.moquette.broker.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The scenarios with the controller on an external MQTT 3.1.1 broker: Moquette, started in the test. */
class UspControllerMoquetteTest extends ControllerOverMqttScenarios {

    private static Server moquette;

    @BeforeAll
    static void start() {
        brokerPort = EmbeddedMqttBroker.freePort();
        moquette = TestBrokers.startMoquette(brokerPort);
        // Moquette 0.17 speaks MQTT 3.1.1 only: controller and agents use the reply-to topic convention
        agentsUseMqtt311 = true;
        startController(config().withExternalBroker("tcp://127.0.0.1:" + brokerPort).withMqtt311(true));
    }

    @AfterAll
    static void stop() {
        controller.stop();
        moquette.stopServer();
    }
}
