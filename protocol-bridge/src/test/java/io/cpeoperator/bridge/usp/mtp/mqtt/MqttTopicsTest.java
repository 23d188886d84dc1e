package io.cpeoperator.bridge.usp.mtp.mqtt;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The MQTT 3.1.1 reply-to convention, checked against the topics obuspa used in the captured vectors. */
class MqttTopicsTest {

    @Test
    void readsTheAgentTopicFromACapturedAgentPublish() {
        assertThat(MqttTopics.replyToOf("usp/controller/cpe-operator/reply-to=usp%2Fagent%2Fos::012345-CPE0002"))
                .contains("usp/agent/os::012345-CPE0002");
    }

    @Test
    void writesTheTopicTheCapturedControllerUsed() {
        assertThat(MqttTopics.withReplyTo("usp/agent/os::012345-CPE0002", "usp/controller/cpe-operator"))
                .isEqualTo("usp/agent/os::012345-CPE0002/reply-to=usp%2Fcontroller%2Fcpe-operator");
    }

    @Test
    void topicsWithoutSuffixOrWithUnusableRepliesHaveNoReplyTopic() {
        assertThat(MqttTopics.replyToOf("usp/controller/cpe-operator")).isEmpty();
        assertThat(MqttTopics.replyToOf("usp/controller/x/reply-to=usp%2F%2B")).isEmpty();
        assertThat(MqttTopics.replyToOf("usp/controller/x/reply-to=usp%2F%23")).isEmpty();
        assertThat(MqttTopics.replyToOf("usp/controller/x/reply-to=")).isEmpty();
        assertThat(MqttTopics.replyToOf("usp/controller/x/reply-to=bad%G1")).isEmpty();
        assertThat(MqttTopics.replyToOf("usp/controller/x/reply-to=" + "a".repeat(600))).isEmpty();
    }

    @Test
    void escapingRoundTripsPercentSigns() {
        String topic = MqttTopics.withReplyTo("a", "c/100%/d");
        assertThat(MqttTopics.replyToOf(topic)).contains("c/100%/d");
    }
}
