package io.cpeoperator.bridge.cwmp;

import io.cpeoperator.bridge.cwmp.auth.InMemoryCredentialStore;
import io.cpeoperator.bridge.cwmp.soap.CwmpMessage;
import io.cpeoperator.bridge.cwmp.soap.rpc.CwmpFault;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetParameterNames;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetParameterValues;
import io.cpeoperator.bridge.cwmp.soap.rpc.SetParameterAttributes;
import io.cpeoperator.bridge.cwmp.sync.TwinSyncPolicy;
import io.cpeoperator.bridge.cwmp.sync.TwinSyncPolicy.TelemetryRefresh;
import io.cpeoperator.bridge.cwmp.testing.AcsFixture;
import io.cpeoperator.bridge.cwmp.testing.MutableClock;
import io.cpeoperator.bridge.cwmp.testing.RawHttpConnection;
import io.cpeoperator.bridge.cwmp.testing.ScriptedCpe;
import io.cpeoperator.bridge.device.DeviceEvent;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.twin.ParameterType;
import io.cpeoperator.bridge.twin.TwinParameter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Full sync (full walk or level by level, values in chunks), max-age refresh, and active notification. */
class TwinSyncTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
    private AcsFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private void start(TwinSyncPolicy sync) throws Exception {
        fixture = new AcsFixture(CwmpAcsConfig.defaults().withSync(sync), new InMemoryCredentialStore(), clock);
    }

    @Test
    void firstContactWalksTheTreeAndFetchesValuesInChunks() throws Exception {
        start(TwinSyncPolicy.defaults().withValuesPerRequest(2));
        ScriptedCpe cpe = new ScriptedCpe(fixture.port(), "sync-1", "Device.");

        // genieacs-sim style: no "0 BOOTSTRAP", just a periodic Inform from a device never seen
        List<CwmpMessage> requests = cpe.runSession("2 PERIODIC");

        assertThat(requests.get(0)).isEqualTo(new GetParameterNames("Device.", false));
        List<GetParameterValues> chunks = requests.stream().filter(GetParameterValues.class::isInstance)
                .map(GetParameterValues.class::cast).toList();
        assertThat(chunks).hasSize(3).allSatisfy(c -> assertThat(c.parameterNames()).hasSize(2));
        DeviceId id = id(cpe);
        assertThat(fixture.twins.needsFullSync(id)).isFalse();
        assertThat(fixture.twins.read(id, "Device.")).hasSize(6);
        TwinParameter channel = fixture.twins.get(id, "Device.WiFi.Radio.1.Channel").orElseThrow();
        assertThat(channel.type()).isEqualTo(ParameterType.UNSIGNED_INT);
        assertThat(channel.writable()).isTrue();
        assertThat(fixture.twins.get(id, "Device.DeviceInfo.UpTime").orElseThrow().writable()).isFalse();
        assertThat(fixture.events(DeviceEvent.Synced.class)).singleElement()
                .satisfies(s -> assertThat(s.parameterCount()).isEqualTo(6));

        // the next periodic session needs no sync
        assertThat(cpe.runSession("2 PERIODIC")).isEmpty();
    }

    @Test
    void aParameterThatVanishesBetweenNamesAndValuesDoesNotFailTheSync() throws Exception {
        start(TwinSyncPolicy.defaults().withValuesPerRequest(4));
        ScriptedCpe cpe = new ScriptedCpe(fixture.port(), "sync-vanish", "Device.");
        ScriptedCpe model = new ScriptedCpe(fixture.port(), "model", "Device.");
        // the device lists a LAN host's parameter, and the host leaves before the values are asked for: the
        // device faults the whole GetParameterValues with 9005, as real CPEs do
        cpe.override(GetParameterNames.NAME, request -> {
            CwmpMessage names = model.answer(request);
            cpe.remove("Device.WiFi.SSID.1.Enable");
            return names;
        });

        List<CwmpMessage> requests = cpe.runSession("2 PERIODIC");

        DeviceId id = id(cpe);
        assertThat(fixture.events(DeviceEvent.SyncFailed.class)).isEmpty();
        assertThat(fixture.events(DeviceEvent.Synced.class)).singleElement()
                .satisfies(s -> assertThat(s.parameterCount()).isEqualTo(5));
        assertThat(fixture.twins.needsFullSync(id)).isFalse();
        assertThat(fixture.twins.get(id, "Device.WiFi.SSID.1.Enable")).isEmpty();
        assertThat(fixture.twins.get(id, "Device.WiFi.SSID.1.SSID")).isPresent();
        // the refused chunk was split until the vanished name was alone: a few requests, not one per name
        assertThat(requests).filteredOn(GetParameterValues.class::isInstance).hasSizeLessThanOrEqualTo(6);
    }

    @Test
    void anObjectThatVanishesDuringALevelByLevelWalkIsLeftOut() throws Exception {
        start(TwinSyncPolicy.defaults().withLevelByLevel(true));
        ScriptedCpe cpe = new ScriptedCpe(fixture.port(), "sync-vanish-level", "Device.");
        ScriptedCpe model = new ScriptedCpe(fixture.port(), "model", "Device.");
        // Device.WiFi.SSID. lists instance 1, which is gone when its own level is asked for
        cpe.override(GetParameterNames.NAME, request -> "Device.WiFi.SSID.1.".equals(
                ((GetParameterNames) request).parameterPath())
                ? CwmpFault.of(CwmpFault.CPE_INVALID_PARAMETER_NAME, "Invalid parameter name")
                : model.answer(request));

        cpe.runSession("2 PERIODIC");

        DeviceId id = id(cpe);
        assertThat(fixture.events(DeviceEvent.SyncFailed.class)).isEmpty();
        assertThat(fixture.events(DeviceEvent.Synced.class)).singleElement()
                .satisfies(s -> assertThat(s.parameterCount()).isEqualTo(4));
        assertThat(fixture.twins.get(id, "Device.WiFi.SSID.1.SSID")).isEmpty();
        assertThat(fixture.twins.get(id, "Device.WiFi.Radio.1.Channel")).isPresent();
    }

    @Test
    void aDeviceThatFaultsEveryNameFailsTheSyncWithinABoundedNumberOfRequests() throws Exception {
        start(TwinSyncPolicy.defaults().withValuesPerRequest(100));
        ScriptedCpe cpe = new ScriptedCpe(fixture.port(), "sync-liar", "Device.");
        for (int i = 1; i <= 400; i++) {
            cpe.put("Device.Hosts.Host." + i + ".HostName", "host" + i, ParameterType.STRING, false);
        }
        cpe.fault(GetParameterValues.NAME, 9005, "Invalid parameter name");

        List<CwmpMessage> requests = cpe.runSession("2 PERIODIC");

        assertThat(fixture.events(DeviceEvent.SyncFailed.class)).singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("9005"));
        assertThat(fixture.twins.needsFullSync(id(cpe))).isTrue();
        assertThat(requests).filteredOn(GetParameterValues.class::isInstance).hasSizeLessThan(150);
    }

    @Test
    void bootstrapAndEvictionSyncAgain() throws Exception {
        start(TwinSyncPolicy.defaults());
        ScriptedCpe cpe = new ScriptedCpe(fixture.port(), "sync-2", "InternetGatewayDevice.");
        cpe.runSession("2 PERIODIC");

        assertThat(cpe.runSession("0 BOOTSTRAP")).first().isEqualTo(new GetParameterNames("InternetGatewayDevice.", false));
        fixture.twins.remove(id(cpe));
        assertThat(cpe.runSession("2 PERIODIC")).first().isInstanceOf(GetParameterNames.class);
        assertThat(fixture.events(DeviceEvent.Synced.class)).hasSize(3);
        assertThat(fixture.twins.get(id(cpe), "InternetGatewayDevice.WiFi.SSID.1.SSID")).isPresent();
    }

    @Test
    void aDeviceThatRefusesTheFullWalkIsWalkedLevelByLevel() throws Exception {
        start(TwinSyncPolicy.defaults());
        ScriptedCpe cpe = new ScriptedCpe(fixture.port(), "sync-3", "Device.");
        ScriptedCpe model = new ScriptedCpe(fixture.port(), "model", "Device.");
        cpe.override(GetParameterNames.NAME, request -> ((GetParameterNames) request).nextLevel()
                ? model.answer(request) : CwmpFault.of(9002, "Internal error"));

        List<CwmpMessage> requests = cpe.runSession("2 PERIODIC");

        List<GetParameterNames> walks = requests.stream().filter(GetParameterNames.class::isInstance)
                .map(GetParameterNames.class::cast).toList();
        assertThat(walks.get(0).nextLevel()).isFalse();
        assertThat(walks.subList(1, walks.size())).allSatisfy(w -> assertThat(w.nextLevel()).isTrue())
                .extracting(GetParameterNames::parameterPath)
                .contains("Device.", "Device.WiFi.", "Device.WiFi.SSID.", "Device.WiFi.SSID.1.");
        assertThat(fixture.twins.read(id(cpe), "Device.")).hasSize(6);
    }

    @Test
    void aDeviceThatDiesOnTheFullWalkIsWalkedLevelByLevelNextTime() throws Exception {
        start(TwinSyncPolicy.defaults());
        ScriptedCpe cpe = new ScriptedCpe(fixture.port(), "sync-4", "Device.");
        try (RawHttpConnection connection = fixture.connect()) {
            String cookie = cpe.inform(connection, "2 PERIODIC");
            var request = cpe.post(connection, cookie, new byte[0]);
            assertThat(request.text()).contains("<NextLevel>false</NextLevel>");
            // the device crashes: no answer, connection gone
        }

        List<CwmpMessage> requests = cpe.runSession("1 BOOT");

        assertThat(fixture.events(DeviceEvent.SyncFailed.class)).hasSize(1);
        assertThat(requests.get(0)).isEqualTo(new GetParameterNames("Device.", true));
        assertThat(requests).filteredOn(GetParameterNames.class::isInstance)
                .allSatisfy(r -> assertThat(((GetParameterNames) r).nextLevel()).isTrue());
        assertThat(fixture.twins.needsFullSync(id(cpe))).isFalse();
    }

    @Test
    void staleTelemetryIsRefreshedDuringPeriodicSessionsAndNothingElse() throws Exception {
        start(TwinSyncPolicy.defaults().withTelemetry(List.of(
                new TelemetryRefresh("Device.WiFi.Radio.", Duration.ofSeconds(60)),
                new TelemetryRefresh("Device.DeviceInfo.NoSuchParameter", Duration.ofSeconds(60)))));
        ScriptedCpe cpe = new ScriptedCpe(fixture.port(), "sync-5", "Device.");
        cpe.runSession("0 BOOTSTRAP");

        clock.advance(Duration.ofSeconds(10));
        assertThat(cpe.runSession("2 PERIODIC")).isEmpty();

        cpe.put("Device.WiFi.Radio.1.Channel", "11", ParameterType.UNSIGNED_INT, true);
        clock.advance(Duration.ofSeconds(120));
        List<CwmpMessage> refresh = cpe.runSession("2 PERIODIC");

        // only the stale, existing, full names: never a partial path or an unknown name
        assertThat(refresh).containsExactly(new GetParameterValues(List.of("Device.WiFi.Radio.1.Channel")));
        assertThat(fixture.twins.get(id(cpe), "Device.WiFi.Radio.1.Channel"))
                .hasValueSatisfying(p -> assertThat(p.value()).isEqualTo("11"));
        assertThat(fixture.twins.readWithMaxAge(id(cpe), "Device.WiFi.Radio.", Duration.ofSeconds(60),
                clock.instant()).isFresh()).isTrue();
    }

    @Test
    void activeNotificationIsSwitchedOnOnceAfterTheFirstSync() throws Exception {
        start(TwinSyncPolicy.defaults().withActiveNotification(List.of("Device.WiFi.SSID.1.SSID")));
        ScriptedCpe cpe = new ScriptedCpe(fixture.port(), "sync-6", "Device.");

        List<CwmpMessage> first = cpe.runSession("0 BOOTSTRAP");
        List<CwmpMessage> second = cpe.runSession("2 PERIODIC");

        assertThat(first).last().isInstanceOf(SetParameterAttributes.class);
        assertThat(cpe.notifications()).containsEntry("Device.WiFi.SSID.1.SSID", 2);
        assertThat(second).isEmpty();
    }

    @Test
    void aDeviceThatMissesItsSessionsIsReportedDisconnectedOnce() throws Exception {
        startWithConnectedWindow(Duration.ofMinutes(10));
        ScriptedCpe cpe = new ScriptedCpe(fixture.port(), "silent-1", "Device.");
        // 2.5 intervals (5 min) are less than the configured window: the window applies
        cpe.put("Device.ManagementServer.PeriodicInformInterval", "120", ParameterType.UNSIGNED_INT, true);
        cpe.runSession("2 PERIODIC");
        assertThat(fixture.acs.gateway().isConnected(id(cpe))).isTrue();

        clock.advance(Duration.ofMinutes(11));

        awaitDisconnected();
        assertThat(fixture.events(DeviceEvent.Disconnected.class)).singleElement()
                .satisfies(d -> assertThat(d.deviceId()).isEqualTo(id(cpe)))
                .satisfies(d -> assertThat(d.reason()).isEqualTo("no Inform for more than 10 min"));
        assertThat(fixture.acs.gateway().isConnected(id(cpe))).isFalse();
        cpe.runSession("2 PERIODIC");
        assertThat(fixture.acs.gateway().isConnected(id(cpe))).isTrue();
    }

    @Test
    void aDeviceThatInformsHourlyStaysConnectedForTwoAndAHalfOfItsIntervals() throws Exception {
        startWithConnectedWindow(Duration.ofMinutes(15));
        ScriptedCpe cpe = new ScriptedCpe(fixture.port(), "hourly-1", "Device.");
        cpe.put("Device.ManagementServer.PeriodicInformInterval", "3600", ParameterType.UNSIGNED_INT, true);
        cpe.runSession("1 BOOT"); // the full sync brings the interval into the twin

        clock.advance(Duration.ofMinutes(149));
        Thread.sleep(300); // proving an absence: several sweeps (every 50 ms) see the device silent for 149 min
        assertThat(fixture.events(DeviceEvent.Disconnected.class)).isEmpty();
        assertThat(fixture.acs.gateway().isConnected(id(cpe))).isTrue();

        clock.advance(Duration.ofMinutes(2));
        awaitDisconnected();
        assertThat(fixture.events(DeviceEvent.Disconnected.class)).singleElement().satisfies(d -> assertThat(
                d.reason()).isEqualTo("no Inform for more than 2 h 30 min (2.5 times its periodic Inform interval "
                        + "of 1 h)"));
        assertThat(fixture.acs.gateway().isConnected(id(cpe))).isFalse();
    }

    @Test
    void aDeviceWithoutPeriodicInformsOrWithAGarbageIntervalGetsTheConfiguredWindow() throws Exception {
        startWithConnectedWindow(Duration.ofMinutes(15));
        ScriptedCpe off = new ScriptedCpe(fixture.port(), "no-periodic", "Device.");
        off.put("Device.ManagementServer.PeriodicInformInterval", "3600", ParameterType.UNSIGNED_INT, true);
        off.put("Device.ManagementServer.PeriodicInformEnable", "false", ParameterType.BOOLEAN, true);
        ScriptedCpe garbage = new ScriptedCpe(fixture.port(), "garbage-interval", "Device.");
        garbage.put("Device.ManagementServer.PeriodicInformInterval", "hourly", ParameterType.STRING, true);
        off.runSession("1 BOOT");
        garbage.runSession("1 BOOT");

        clock.advance(Duration.ofMinutes(16));

        assertThat(fixture.acs.gateway().isConnected(id(off))).isFalse();
        assertThat(fixture.acs.gateway().isConnected(id(garbage))).isFalse();
    }

    /** A short session timeout: the ACS sweeps for silent devices every 50 ms. */
    private void startWithConnectedWindow(Duration window) throws Exception {
        fixture = new AcsFixture(CwmpAcsConfig.defaults().withSessionTimeout(Duration.ofMillis(200))
                .withConnectedWindow(window), new InMemoryCredentialStore(), clock);
    }

    private void awaitDisconnected() throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (fixture.events(DeviceEvent.Disconnected.class).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20); // the ACS's own sweeper reports it; nothing to wait on but time
        }
    }

    private static DeviceId id(ScriptedCpe cpe) {
        return DeviceId.parse("cwmp:" + cpe.deviceKey());
    }
}
