package io.cpeoperator.simulator.usp;

import io.cpeoperator.bridge.usp.proto.UspMsg;
import io.cpeoperator.simulator.device.DataModelException;
import io.cpeoperator.simulator.device.DataModelReader;
import io.cpeoperator.simulator.device.DataModelWriter;
import io.cpeoperator.simulator.device.Param;
import io.cpeoperator.simulator.device.VirtualDevice;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Turns what happens on the device into USP Notify messages for the subscriptions in
 * {@code Device.LocalAgent.Subscription.}, and retries those with {@code NotifRetry=true} (5 s, doubling) until the
 * NotifyResp with the same msg_id arrives or {@code NotifExpiration} passes.
 */
public final class UspNotifier {

    static final String SUBSCRIPTIONS = "Device.LocalAgent.Subscription.";
    private static final int MAX_WATCHED_PARAMS = 512;
    private static final long RETRY_MIN_MILLIS = 5_000;

    private final VirtualDevice device;
    private final ScheduledExecutorService scheduler;
    private final Consumer<UspMsg.Msg> sender;
    private final AtomicLong counter = new AtomicLong();
    private final Map<String, ScheduledFuture<?>> retries = new HashMap<>();
    private final Map<String, Map<String, String>> baselines = new HashMap<>();

    public UspNotifier(VirtualDevice device, ScheduledExecutorService scheduler, Consumer<UspMsg.Msg> sender) {
        this.device = device;
        this.scheduler = scheduler;
        this.sender = sender;
    }

    public void event(String objPath, String eventName, Map<String, String> params) {
        for (Sub sub : subscriptions("Event")) {
            if (sub.references(objPath + eventName)) {
                UspMsg.Notify.Event.Builder event = UspMsg.Notify.Event.newBuilder().setObjPath(objPath).setEventName(eventName);
                params.forEach((k, v) -> event.addParams(UspMsg.Notify.Event.ParamsEntry.newBuilder().setKey(k).setValue(v)));
                send(sub, "Event", UspMsg.Notify.newBuilder().setEvent(event));
            }
        }
    }

    public void objectCreated(String instancePath, Map<String, String> keys) {
        for (Sub sub : subscriptions("ObjectCreation")) {
            if (sub.references(instancePath)) {
                UspMsg.Notify.ObjectCreation.Builder creation = UspMsg.Notify.ObjectCreation.newBuilder().setObjPath(instancePath);
                keys.forEach((k, v) -> creation.addUniqueKeys(UspMsg.Notify.ObjectCreation.UniqueKeysEntry.newBuilder().setKey(k).setValue(v)));
                send(sub, "ObjectCreation", UspMsg.Notify.newBuilder().setObjCreation(creation));
            }
        }
    }

    public void objectDeleted(String instancePath) {
        for (Sub sub : subscriptions("ObjectDeletion")) {
            if (sub.references(instancePath)) {
                send(sub, "ObjectDeletion", UspMsg.Notify.newBuilder()
                        .setObjDeletion(UspMsg.Notify.ObjectDeletion.newBuilder().setObjPath(instancePath)));
            }
        }
    }

    /** {@code errorCode} 0 means success with {@code outputs}. */
    public void operationComplete(String objPath, String commandName, String commandKey, Map<String, String> outputs,
                                  int errorCode, String errorMessage) {
        for (Sub sub : subscriptions("OperationComplete")) {
            if (sub.references(objPath + commandName)) {
                UspMsg.Notify.OperationComplete.Builder complete = UspMsg.Notify.OperationComplete.newBuilder()
                        .setObjPath(objPath).setCommandName(commandName).setCommandKey(commandKey);
                if (errorCode == 0) {
                    UspMsg.Notify.OperationComplete.OutputArgs.Builder args = UspMsg.Notify.OperationComplete.OutputArgs.newBuilder();
                    outputs.forEach((k, v) -> args.addOutputArgs(
                            UspMsg.Notify.OperationComplete.OutputArgs.OutputArgsEntry.newBuilder().setKey(k).setValue(v)));
                    complete.setReqOutputArgs(args);
                } else {
                    complete.setCmdFailure(UspMsg.Notify.OperationComplete.CommandFailure.newBuilder()
                            .setErrCode(errorCode).setErrMsg(errorMessage));
                }
                send(sub, "OperationComplete", UspMsg.Notify.newBuilder().setOperComplete(complete));
            }
        }
    }

    public void onBoardRequest() {
        UspMsg.Notify.Builder notify = UspMsg.Notify.newBuilder().setSendResp(true)
                .setOnBoardReq(UspMsg.Notify.OnBoardRequest.newBuilder()
                        .setOui(device.oui()).setProductClass(device.productClass())
                        .setSerialNumber(device.serialNumber())
                        .setAgentSupportedProtocolVersions(UspReadHandlers.SUPPORTED_VERSIONS));
        send(new Sub("", "", List.of(), true, 300, ""), "OnBoardRequest", notify);
    }

    /**
     * The {@code Recipient} (a {@code Device.LocalAgent.Controller.{i}} reference) of the first enabled subscription
     * of the type that covers the path; empty when nothing subscribed to it.
     */
    public Optional<String> recipientOf(String notifType, String path) {
        for (Sub sub : subscriptions(notifType)) {
            if (sub.references(path)) {
                return Optional.of(sub.recipient);
            }
        }
        return Optional.empty();
    }

    /** Compares every value-change subscription's parameters with what was last reported. */
    public void valuesChanged() {
        for (Sub sub : subscriptions("ValueChange")) {
            Map<String, String> current = watched(sub);
            Map<String, String> before;
            synchronized (this) {
                before = baselines.put(sub.id, current);
            }
            if (before == null) {
                continue;
            }
            current.forEach((path, value) -> {
                String old = before.get(path);
                if (old != null && !old.equals(value)) {
                    send(sub, "ValueChange", UspMsg.Notify.newBuilder().setValueChange(
                            UspMsg.Notify.ValueChange.newBuilder().setParamPath(path).setParamValue(value)));
                }
            });
        }
    }

    /** A NotifyResp arrived: stop retrying that notification. */
    public synchronized void acknowledged(String msgId) {
        ScheduledFuture<?> retry = retries.remove(msgId);
        if (retry != null) {
            retry.cancel(false);
        }
    }

    /** The agent went down: pending retries die with it (obuspa keeps none across restarts). */
    public synchronized void reset() {
        retries.values().forEach(f -> f.cancel(false));
        retries.clear();
        baselines.clear();
    }

    /** Subscriptions with {@code Persistent=false} do not survive a reboot (TR-181 LocalAgent.Subscription). */
    public void dropNonPersistent() {
        for (Integer number : DataModelReader.instanceNumbers(device, SUBSCRIPTIONS)) {
            String instance = SUBSCRIPTIONS + number + ".";
            if (!"true".equals(device.valueOf(instance + "Persistent"))) {
                try {
                    DataModelWriter.deleteObject(device, instance, null);
                } catch (DataModelException ignored) {
                    // already gone
                }
            }
        }
    }

    public int pendingRetries() {
        synchronized (this) {
            return retries.size();
        }
    }

    private Map<String, String> watched(Sub sub) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String reference : sub.references) {
            try {
                if (reference.endsWith(".")) {
                    for (String object : UspPaths.resolveObjects(device, reference)) {
                        DataModelReader.forEach(device, object, p -> putBounded(values, p));
                    }
                } else {
                    int dot = reference.lastIndexOf('.');
                    for (String object : UspPaths.resolveObjects(device, reference.substring(0, dot + 1))) {
                        Param param = DataModelReader.param(device, object + reference.substring(dot + 1));
                        if (param != null) {
                            putBounded(values, param);
                        }
                    }
                }
            } catch (UspPaths.InvalidPathException ignored) {
                // a reference to nothing watches nothing, as on obuspa
            }
        }
        return values;
    }

    private static void putBounded(Map<String, String> values, Param param) {
        if (values.size() < MAX_WATCHED_PARAMS) {
            values.put(param.path(), param.value());
        }
    }

    private void send(Sub sub, String kind, UspMsg.Notify.Builder notify) {
        String msgId = kind + "-" + Instant.ofEpochMilli(device.now()).truncatedTo(ChronoUnit.SECONDS) + "-"
                + counter.incrementAndGet();
        notify.setSubscriptionId(sub.id).setSendResp(sub.retry || notify.getSendResp());
        UspMsg.Msg msg = UspMessages.request(msgId, UspMsg.Header.MsgType.NOTIFY,
                UspMsg.Request.newBuilder().setNotify(notify).build());
        sender.accept(msg);
        if (msg.getBody().getRequest().getNotify().getSendResp()) {
            scheduleRetry(msg, RETRY_MIN_MILLIS, System.currentTimeMillis() + sub.expirationSeconds * 1000L);
        }
    }

    private synchronized void scheduleRetry(UspMsg.Msg msg, long delayMillis, long expiresAt) {
        String msgId = msg.getHeader().getMsgId();
        if (System.currentTimeMillis() + delayMillis > expiresAt) {
            retries.remove(msgId);
            return;
        }
        retries.put(msgId, scheduler.schedule(() -> {
            synchronized (this) {
                if (!retries.containsKey(msgId)) {
                    return;
                }
            }
            sender.accept(msg);
            scheduleRetry(msg, delayMillis * 2, expiresAt);
        }, delayMillis, TimeUnit.MILLISECONDS));
    }

    private List<Sub> subscriptions(String type) {
        List<Sub> subs = new ArrayList<>();
        for (Integer number : DataModelReader.instanceNumbers(device, SUBSCRIPTIONS)) {
            String instance = SUBSCRIPTIONS + number + ".";
            if ("true".equals(device.valueOf(instance + "Enable")) && type.equals(device.valueOf(instance + "NotifType"))) {
                List<String> references = new ArrayList<>();
                for (String reference : device.valueOf(instance + "ReferenceList").split(",")) {
                    if (!reference.isBlank()) {
                        references.add(reference.trim());
                    }
                }
                long expiration;
                try {
                    expiration = Long.parseLong(device.valueOf(instance + "NotifExpiration"));
                } catch (NumberFormatException e) {
                    expiration = 300;
                }
                subs.add(new Sub(device.valueOf(instance + "ID"), type, references,
                        "true".equals(device.valueOf(instance + "NotifRetry")), expiration,
                        device.valueOf(instance + "Recipient")));
            }
        }
        return subs;
    }

    private record Sub(String id, String type, List<String> references, boolean retry, long expirationSeconds,
                       String recipient) {
        boolean references(String path) {
            for (String reference : references) {
                if (reference.equals(path) || (reference.endsWith(".") && path.startsWith(reference))
                        || SupportedModel.template(path).equals(SupportedModel.template(reference))
                        || matchesWildcard(reference, path)) {
                    return true;
                }
            }
            return false;
        }

        /** {@code Device.BulkData.Profile.*.Push!} matches {@code Device.BulkData.Profile.3.Push!}. */
        private static boolean matchesWildcard(String reference, String path) {
            String[] wanted = reference.split("\\.", -1);
            String[] actual = path.split("\\.", -1);
            if (wanted.length > actual.length || (!reference.endsWith(".") && wanted.length != actual.length)) {
                return false;
            }
            for (int i = 0; i < wanted.length; i++) {
                boolean last = i == wanted.length - 1;
                if (last && wanted[i].isEmpty()) {
                    return true;
                }
                if (!wanted[i].equals("*") && !wanted[i].equals(actual[i])) {
                    return false;
                }
            }
            return true;
        }
    }
}
