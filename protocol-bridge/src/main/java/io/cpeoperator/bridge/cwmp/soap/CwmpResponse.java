package io.cpeoperator.bridge.cwmp.soap;

/** A successful answer to a {@link CwmpRequest}. */
public interface CwmpResponse extends CwmpMessage {
}
