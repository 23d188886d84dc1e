package io.cpeoperator.bridge.cwmp.soap;

/** Reads one message type from its method element. */
@FunctionalInterface
public interface MessageReader {
    CwmpMessage read(XmlElement method) throws CwmpDecodeException;
}
