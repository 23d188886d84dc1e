package io.cpeoperator.bridge.cwmp.soap;

/**
 * An envelope that cannot be accepted, and why. The reason decides the answer: an envelope that could be read far
 * enough to know its {@code cwmp:ID} gets a SOAP Fault, anything worse gets HTTP 400.
 */
public final class CwmpDecodeException extends Exception {

    public enum Reason {
        /** Not well-formed XML. */
        MALFORMED_XML(false),
        /** A DOCTYPE, i.e. a possible XXE or entity-expansion attack. */
        FORBIDDEN_DTD(false),
        /** Body larger than the configured limit. */
        TOO_LARGE(false),
        /** Elements nested deeper than the configured limit. */
        TOO_DEEP(false),
        /** More elements than the configured limit. */
        TOO_MANY_ELEMENTS(false),
        /** One text node longer than the configured limit. */
        TEXT_TOO_LONG(false),
        /** Well-formed XML that is not a SOAP envelope with a body. */
        NOT_SOAP(false),
        /** A method this codec does not know (answered with ACS fault 8000 / CPE fault 9000). */
        UNKNOWN_METHOD(true),
        /** A known method with missing or invalid arguments (answered with 8003 / 9003). */
        INVALID_ARGUMENTS(true);

        private final boolean answerableWithFault;

        Reason(boolean answerableWithFault) {
            this.answerableWithFault = answerableWithFault;
        }

        /** True when the envelope was readable enough to answer it with a SOAP Fault rather than HTTP 400. */
        public boolean answerableWithFault() {
            return answerableWithFault;
        }
    }

    private final Reason reason;
    private final String cwmpId;
    private final CwmpVersion version;

    public CwmpDecodeException(Reason reason, String message) {
        this(reason, message, null, null);
    }

    public CwmpDecodeException(Reason reason, String message, String cwmpId, CwmpVersion version) {
        super(message, null, false, false);
        this.reason = reason;
        this.cwmpId = cwmpId;
        this.version = version;
    }

    /** A known method whose arguments are missing or unusable. */
    public static CwmpDecodeException invalidArguments(String message) {
        return new CwmpDecodeException(Reason.INVALID_ARGUMENTS, message);
    }

    public Reason reason() {
        return reason;
    }

    /** The envelope's {@code cwmp:ID} when it could be read, else null. */
    public String cwmpId() {
        return cwmpId;
    }

    /** The envelope's cwmp namespace version when it could be read, else null. */
    public CwmpVersion version() {
        return version;
    }

    /** Copies this failure with the envelope context learned after the body was read. */
    public CwmpDecodeException withEnvelope(String id, CwmpVersion envelopeVersion) {
        return new CwmpDecodeException(reason, getMessage(), id, envelopeVersion);
    }
}
