package io.cpeoperator.bridge.usp.mtp.mqtt;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The USP MQTT topic conventions. MQTT 3.1.1 has no Response Topic property, so the sender appends
 * {@code /reply-to=<its own topic, '/' escaped as %2F>} to the topic it publishes on (TR-369 R-MQTT-...; obuspa does
 * the same, see the vectors README).
 */
public final class MqttTopics {

    static final String REPLY_TO = "/reply-to=";
    /** Longer topics from a device are not accepted as a reply address. */
    static final int MAX_TOPIC_LENGTH = 512;

    private MqttTopics() {
    }

    /** {@code base/reply-to=<escaped replyTopic>}. */
    public static String withReplyTo(String base, String replyTopic) {
        return base + REPLY_TO + escape(replyTopic);
    }

    /** The reply topic carried in a 3.1.1-style topic name, if it has one and it is a usable topic. */
    public static Optional<String> replyToOf(String topic) {
        int at = topic.lastIndexOf(REPLY_TO);
        if (at < 0) {
            return Optional.empty();
        }
        return unescape(topic.substring(at + REPLY_TO.length())).filter(MqttTopics::isUsableReplyTopic);
    }

    /** A topic we may publish to on a device's behalf: non-empty, bounded, no wildcards, no control characters. */
    public static boolean isUsableReplyTopic(String topic) {
        if (topic.isEmpty() || topic.length() > MAX_TOPIC_LENGTH) {
            return false;
        }
        for (int i = 0; i < topic.length(); i++) {
            char c = topic.charAt(i);
            if (c == '+' || c == '#' || c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    static String escape(String topic) {
        return topic.replace("%", "%25").replace("/", "%2F");
    }

    static Optional<String> unescape(String escaped) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(escaped.length());
        byte[] bytes = escaped.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '%') {
                out.write(bytes[i]);
                continue;
            }
            if (i + 2 >= bytes.length) {
                return Optional.empty();
            }
            int high = Character.digit(bytes[i + 1], 16);
            int low = Character.digit(bytes[i + 2], 16);
            if (high < 0 || low < 0) {
                return Optional.empty();
            }
            out.write(high * 16 + low);
            i += 2;
        }
        return Optional.of(out.toString(StandardCharsets.UTF_8));
    }
}
