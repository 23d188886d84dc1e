package io.cpeoperator.bridge.cwmp.session;

import io.cpeoperator.bridge.cwmp.CwmpAcsConfig;
import io.cpeoperator.bridge.cwmp.auth.AuthResult;
import io.cpeoperator.bridge.cwmp.auth.CpeAuthenticator;
import io.cpeoperator.bridge.cwmp.inform.CpeRequestResponder;
import io.cpeoperator.bridge.cwmp.inform.InformProcessor;
import io.cpeoperator.bridge.cwmp.queue.PendingRpc;
import io.cpeoperator.bridge.cwmp.registry.CwmpDevice;
import io.cpeoperator.bridge.cwmp.registry.CwmpDeviceRegistry;
import io.cpeoperator.bridge.cwmp.soap.CwmpCodec;
import io.cpeoperator.bridge.cwmp.soap.CwmpDecodeException;
import io.cpeoperator.bridge.cwmp.soap.CwmpEnvelope;
import io.cpeoperator.bridge.cwmp.soap.CwmpMessage;
import io.cpeoperator.bridge.cwmp.soap.CwmpResponse;
import io.cpeoperator.bridge.cwmp.soap.CwmpVersion;
import io.cpeoperator.bridge.cwmp.soap.rpc.CwmpFault;
import io.cpeoperator.bridge.cwmp.soap.rpc.Inform;
import io.cpeoperator.bridge.cwmp.soap.rpc.InformResponse;
import io.cpeoperator.bridge.cwmp.sync.TwinSynchronizer;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.device.DeviceOperationException;
import io.cpeoperator.bridge.twin.TwinSchemaKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.LongSupplier;

/**
 * The CWMP session state machine, free of HTTP: each CPE POST in, one reply out. A new Inform always starts a new
 * session (devices resend stale cookies); then the CPE's own requests are answered, and after its empty POST the
 * device's queued requests go out one per reply (MaxEnvelopes 1) until a 204 ends the session.
 *
 * <p>Requests the device never answered because its session died go back to its queue (operations) or are
 * dropped to be re-planned (maintenance): nothing is lost, and a future completes at most once.
 */
public final class CwmpSessionEngine {

    private static final Logger LOG = LoggerFactory.getLogger(CwmpSessionEngine.class);

    private final CwmpAcsConfig config;
    private final CwmpCodec codec;
    private final CwmpDeviceRegistry devices;
    private final CpeAuthenticator authenticator;
    private final InformProcessor informs;
    private final CpeRequestResponder cpeRequests;
    private final TwinSynchronizer synchronizer;
    private final CwmpMetrics metrics;
    private final LongSupplier nanoTime;
    private final SessionRegistry sessions = new SessionRegistry();
    private final SecureRandom random = new SecureRandom();

    public CwmpSessionEngine(CwmpAcsConfig config, CwmpCodec codec, CwmpDeviceRegistry devices,
                             CpeAuthenticator authenticator, InformProcessor informs, CpeRequestResponder cpeRequests,
                             TwinSynchronizer synchronizer, CwmpMetrics metrics, LongSupplier nanoTime) {
        this.config = config;
        this.codec = codec;
        this.devices = devices;
        this.authenticator = authenticator;
        this.informs = informs;
        this.cpeRequests = cpeRequests;
        this.synchronizer = synchronizer;
        this.metrics = metrics;
        this.nanoTime = nanoTime;
        metrics.activeSessions(sessions::size);
    }

    /** Handles one POST. Never throws for anything a device can send. */
    public SessionReply handle(IncomingPost post) {
        CwmpSession session = sessions.find(post.connectionId(), post.cookie());
        AuthResult auth = null;
        if (session == null) {
            // outside a session nobody gets the parser's time without credentials (STRICT mode)
            auth = authenticator.authenticate(post.authorization(), "POST");
            if (!auth.accepted()) {
                return refuse(auth);
            }
        }
        if (post.body().length == 0) {
            return emptyPost(session);
        }
        CwmpEnvelope envelope;
        try {
            envelope = codec.decode(post.body());
        } catch (CwmpDecodeException e) {
            return undecodable(e, session);
        }
        if (envelope.message() instanceof Inform inform) {
            if (auth == null) {
                auth = authenticator.authenticate(post.authorization(), "POST");
                if (!auth.accepted()) {
                    return refuse(auth);
                }
            }
            return startSession(post, envelope, inform, auth);
        }
        if (envelope.message() == null) {
            return emptyPost(session);
        }
        return inSession(session, live -> continueSession(live, envelope));
    }

    /**
     * Runs {@code step} on a live session under its lock; a message that belongs to no live session (it vanished,
     * timed out or was superseded) is answered 204 and counted.
     */
    private SessionReply inSession(CwmpSession session, java.util.function.Function<CwmpSession, SessionReply> step) {
        if (session == null) {
            metrics.orphan();
            return SessionReply.endOfSession();
        }
        synchronized (session) {
            if (session.isClosed()) {
                metrics.orphan();
                return SessionReply.endOfSession();
            }
            session.touch(nanoTime.getAsLong());
            return step.apply(session);
        }
    }

    private SessionReply startSession(IncomingPost post, CwmpEnvelope envelope, Inform inform, AuthResult auth) {
        DeviceId id;
        try {
            id = DeviceId.cwmp(inform.deviceId().oui(), inform.deviceId().productClass(),
                    inform.deviceId().serialNumber());
        } catch (IllegalArgumentException e) {
            metrics.rejected("invalid_device_id");
            return fault(envelope.version(), envelope.id(), CwmpFault.ACS_INVALID_ARGUMENTS, e.getMessage());
        }
        // before any session state is touched: a device-bound credential must not open another device's session
        AuthResult permitted = authenticator.permitsDevice(auth, id);
        if (!permitted.accepted()) {
            return refuse(permitted);
        }
        // A new Inform always starts a new session: whatever was open for this device ends first, so its unanswered
        // request is back in the queue before the new session plans its work. Another device's session on this
        // connection (a proxy pooling upstream connections) keeps going by its cookie.
        CwmpSession onConnection = sessions.findByConnection(post.connectionId());
        if (onConnection != null && !onConnection.device().id().equals(id)) {
            if (onConnection.isAcsDone()) {
                end(onConnection, "completed");
            } else {
                sessions.detachConnection(onConnection);
            }
        }
        CwmpSession ofDevice = sessions.findByDevice(id);
        if (ofDevice != null) {
            end(ofDevice, ofDevice.isAcsDone() ? "completed" : "superseded");
        }
        CwmpDevice device = devices.getOrCreate(id);
        CwmpSession session = new CwmpSession(newSessionId(), device, envelope.version(), post.connectionId(),
                nanoTime.getAsLong());
        synchronized (session) {
            CwmpSession raced = sessions.add(session);
            if (raced != null) {
                end(raced, "superseded");
            }
            metrics.sessionStarted();
            TwinSchemaKey schema = informs.process(device, inform, envelope.version());
            synchronizer.planSession(device, inform, schema);
            boolean hold = config.holdRequestsWhenQueued() && device.queue().hasOperations();
            LOG.debug("{}: session {} started, events {}", id, session.id(), inform.events());
            return SessionReply.envelope(codec.encode(new CwmpEnvelope(envelope.version(), envelope.id(), hold,
                    false, InformResponse.standard())), session.id());
        }
    }

    private SessionReply continueSession(CwmpSession session, CwmpEnvelope envelope) {
        CwmpMessage message = envelope.message();
        if (message instanceof CwmpResponse || message instanceof CwmpFault) {
            answerInFlight(session, message, envelope.id());
            return next(session);
        }
        CwmpMessage answer = CpeRequestResponder.isCpeRequest(message)
                ? cpeRequests.answer(session.device(), message)
                : CwmpFault.of(CwmpFault.ACS_METHOD_NOT_SUPPORTED, "Method not supported");
        return SessionReply.envelope(codec.encode(CwmpEnvelope.of(session.version(), envelope.id(), answer)));
    }

    private void answerInFlight(CwmpSession session, CwmpMessage answer, String answerId) {
        String expectedId = session.inFlightId();
        PendingRpc<?> pending = session.takeInFlight();
        if (pending == null) {
            metrics.orphan();
            LOG.debug("{}: {} answers no request in flight", session, answer.name());
            return;
        }
        if (answerId != null && !answerId.equals(expectedId)) {
            // MaxEnvelopes 1 leaves exactly one candidate; a device that garbles the ID still answered it
            LOG.debug("{}: answer carries cwmp:ID {} instead of {}", session, answerId, expectedId);
        }
        boolean ok = pending.answer(answer);
        metrics.rpc(pending.request().name(), ok);
    }

    private SessionReply emptyPost(CwmpSession session) {
        return inSession(session, live -> {
            if (live.isAcsDone()) {
                // the ACS already said it has nothing more: an empty POST now ends the session for good (work
                // queued since waits for the next Inform, which a Connection Request asks for)
                return SessionReply.endOfSession();
            }
            PendingRpc<?> unanswered = live.takeInFlight();
            if (unanswered != null) {
                // an empty POST instead of an answer: the device will not answer it in this session
                unanswered.fail(new DeviceOperationException(CwmpFault.ACS_INVALID_ARGUMENTS,
                        "device sent an empty POST instead of answering " + unanswered.request().name()));
                metrics.rpc(unanswered.request().name(), false);
            }
            return next(live);
        });
    }

    /** The next queued request for the device, or the 204 that ends the session. */
    private SessionReply next(CwmpSession session) {
        PendingRpc<?> rpc = session.device().queue().poll();
        if (rpc == null) {
            session.acsDone();
            return SessionReply.endOfSession();
        }
        String id = session.send(rpc);
        return SessionReply.envelope(codec.encode(new CwmpEnvelope(session.version(), id,
                config.holdRequestsWhenQueued(), false, rpc.request())));
    }

    private SessionReply undecodable(CwmpDecodeException e, CwmpSession session) {
        metrics.rejected(e.reason().name());
        LOG.debug("{}: undecodable envelope: {} {}", session, e.reason(), e.getMessage());
        if (session != null) {
            synchronized (session) {
                PendingRpc<?> pending = session.isClosed() ? null : session.takeInFlight();
                if (pending != null) {
                    // the device's answer was unreadable: the caller learns it, the session goes on
                    pending.fail(new DeviceOperationException(CwmpFault.ACS_INVALID_ARGUMENTS,
                            "unreadable answer to " + pending.request().name() + ": " + e.getMessage()));
                    metrics.rpc(pending.request().name(), false);
                    session.touch(nanoTime.getAsLong());
                    return next(session);
                }
            }
        }
        if (!e.reason().answerableWithFault()) {
            return SessionReply.status(400);
        }
        int code = e.reason() == CwmpDecodeException.Reason.UNKNOWN_METHOD
                ? CwmpFault.ACS_METHOD_NOT_SUPPORTED : CwmpFault.ACS_INVALID_ARGUMENTS;
        CwmpVersion version = e.version() != null ? e.version()
                : session != null ? session.version() : CwmpVersion.V1_0;
        return fault(version, e.cwmpId(), code, e.getMessage());
    }

    private SessionReply fault(CwmpVersion version, String id, int code, String message) {
        return SessionReply.envelope(codec.encode(CwmpEnvelope.of(version, id, CwmpFault.of(code, message))));
    }

    private SessionReply refuse(AuthResult auth) {
        metrics.authFailure(auth.reason());
        return SessionReply.unauthorized(auth.challenge());
    }

    /** The TCP connection closed: a finished session ends now, an unfinished one waits for cookie or timeout. */
    public void connectionClosed(String connectionId) {
        CwmpSession session = sessions.findByConnection(connectionId);
        if (session != null && session.isAcsDone()) {
            end(session, "completed");
        }
    }

    /** Ends sessions idle longer than the session timeout; their unanswered requests go back to the queue. */
    public void expireIdleSessions() {
        long idleSince = nanoTime.getAsLong() - config.sessionTimeout().toNanos();
        for (CwmpSession session : sessions.idleSince(idleSince)) {
            end(session, session.isAcsDone() ? "completed" : "timeout");
        }
    }

    private void end(CwmpSession session, String outcome) {
        PendingRpc<?> unanswered;
        synchronized (session) {
            if (session.isClosed()) {
                return;
            }
            unanswered = session.close();
        }
        sessions.remove(session);
        CwmpDevice device = session.device();
        DeviceOperationException gone = new DeviceOperationException(DeviceOperationException.UNREACHABLE,
                "session " + outcome + " before the device answered");
        if (unanswered != null) {
            device.queue().returnUnanswered(unanswered, gone);
            LOG.info("{}: session {} ({}), {} goes back to the queue", device.id(), session.id(), outcome,
                    unanswered);
        }
        device.queue().dropMaintenance(session.number(), gone);
        metrics.sessionEnded(outcome);
    }

    /** True while the device is in a session that will still pick up queued requests. */
    public boolean hasLiveSession(DeviceId id) {
        return sessions.hasLiveSession(id);
    }

    public int activeSessions() {
        return sessions.size();
    }

    /** Ends every session (the ACS stops); unanswered operations stay queued. */
    public void endAll() {
        for (CwmpSession session : sessions.all()) {
            end(session, "shutdown");
        }
    }

    private String newSessionId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
