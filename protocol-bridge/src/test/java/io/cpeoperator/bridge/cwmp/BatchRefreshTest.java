package io.cpeoperator.bridge.cwmp;

import io.cpeoperator.bridge.cwmp.soap.CwmpMessage;
import io.cpeoperator.bridge.cwmp.soap.rpc.CwmpFault;
import io.cpeoperator.bridge.cwmp.soap.rpc.GetParameterValues;
import io.cpeoperator.bridge.cwmp.sync.TwinSyncPolicy;
import io.cpeoperator.bridge.cwmp.testing.AcsFixture;
import io.cpeoperator.bridge.cwmp.testing.ScriptedCpe;
import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.device.DeviceOperationException;
import io.cpeoperator.bridge.device.ParameterFault;
import io.cpeoperator.bridge.twin.ParameterType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading many parameters back at once through the real ACS and a scripted CPE: one GetParameterValues for all of
 * them (chunked only by the device's chunk size, all in the one session the Connection Request brings), and a name
 * the device no longer knows does not lose the others' values.
 */
class BatchRefreshTest {

    private static final int CHUNK = 3;
    private static final AtomicInteger SERIALS = new AtomicInteger();
    private static AcsFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new AcsFixture(CwmpAcsConfig.defaults().withSync(TwinSyncPolicy.defaults()
                .withValuesPerRequest(CHUNK)));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void manyNamesAreOneGetParameterValuesInOneSessionAskedForByConnectionRequest() throws Exception {
        ScriptedCpe cpe = syncedCpe();
        cpe.put("Device.WiFi.SSID.1.SSID", "guest", ParameterType.STRING, true);
        cpe.put("Device.WiFi.SSID.1.Enable", "false", ParameterType.BOOLEAN, true);
        cpe.put("Device.WiFi.Radio.1.Channel", "11", ParameterType.UNSIGNED_INT, true);
        List<String> names = List.of("Device.WiFi.SSID.1.SSID", "Device.WiFi.SSID.1.Enable",
                "Device.WiFi.Radio.1.Channel");
        double connectionRequestsBefore = connectionRequests();

        CompletableFuture<Void> read = fixture.acs.gateway().refresh(id(cpe), names).toCompletableFuture();

        assertThat(connectionRequests()).isEqualTo(connectionRequestsBefore + 1);
        List<CwmpMessage> session = cpe.runSession("6 CONNECTION REQUEST");
        read.get(1, TimeUnit.SECONDS);
        assertThat(session).containsExactly(new GetParameterValues(names));
        assertThat(value(cpe, "Device.WiFi.SSID.1.SSID")).isEqualTo("guest");
        assertThat(value(cpe, "Device.WiFi.SSID.1.Enable")).isEqualTo("false");
        assertThat(value(cpe, "Device.WiFi.Radio.1.Channel")).isEqualTo("11");
    }

    @Test
    void moreNamesThanTheDevicesChunkSizeGoInChunksOfTheSameSession() throws Exception {
        ScriptedCpe cpe = syncedCpe();
        List<String> names = List.of("Device.DeviceInfo.SoftwareVersion", "Device.DeviceInfo.UpTime",
                "Device.ManagementServer.PeriodicInformInterval", "Device.WiFi.SSID.1.SSID",
                "Device.WiFi.SSID.1.Enable", "Device.WiFi.Radio.1.Channel", "Device.WiFi.Radio.1.Channel");
        cpe.put("Device.DeviceInfo.UpTime", "4242", ParameterType.UNSIGNED_INT, false);

        CompletableFuture<Void> read = fixture.acs.gateway().refresh(id(cpe), names).toCompletableFuture();
        List<CwmpMessage> session = cpe.runSession("6 CONNECTION REQUEST");

        read.get(1, TimeUnit.SECONDS);
        // six distinct names in chunks of three: two requests, both in this one session
        assertThat(session).containsExactly(new GetParameterValues(names.subList(0, 3)),
                new GetParameterValues(names.subList(3, 6)));
        assertThat(value(cpe, "Device.DeviceInfo.UpTime")).isEqualTo("4242");
    }

    @Test
    void aNameTheDeviceNoLongerKnowsDoesNotLoseTheOthers() throws Exception {
        ScriptedCpe cpe = syncedCpe();
        cpe.remove("Device.WiFi.SSID.1.Enable"); // the device faults the whole request with 9005 for it
        cpe.put("Device.WiFi.SSID.1.SSID", "guest", ParameterType.STRING, true);
        cpe.put("Device.WiFi.Radio.1.Channel", "11", ParameterType.UNSIGNED_INT, true);

        CompletableFuture<Void> read = fixture.acs.gateway().refresh(id(cpe), List.of("Device.WiFi.SSID.1.SSID",
                "Device.WiFi.SSID.1.Enable", "Device.WiFi.Radio.1.Channel")).toCompletableFuture();
        List<CwmpMessage> session = cpe.runSession("6 CONNECTION REQUEST");

        DeviceOperationException refused = AcsRpcTest.failure(read);
        assertThat(refused.faultCode()).isEqualTo(CwmpFault.CPE_INVALID_PARAMETER_NAME);
        assertThat(refused.parameterFaults()).containsExactly(new ParameterFault("Device.WiFi.SSID.1.Enable",
                CwmpFault.CPE_INVALID_PARAMETER_NAME, "Invalid parameter name"));
        assertThat(value(cpe, "Device.WiFi.SSID.1.SSID")).isEqualTo("guest");
        assertThat(value(cpe, "Device.WiFi.Radio.1.Channel")).isEqualTo("11");
        // the refused request was split until the unknown name stood alone, all within the same session
        assertThat(session).allSatisfy(request -> assertThat(request).isInstanceOf(GetParameterValues.class))
                .hasSizeBetween(3, 5);
    }

    @Test
    void aSingleNameTheDeviceDoesNotKnowFailsWithItsName() throws Exception {
        ScriptedCpe cpe = syncedCpe();

        CompletableFuture<Void> read = fixture.acs.gateway().refresh(id(cpe), "Device.WiFi.SSID.9.SSID")
                .toCompletableFuture();
        cpe.runSession("6 CONNECTION REQUEST");

        assertThat(AcsRpcTest.failure(read).parameterFaults()).extracting(ParameterFault::path)
                .containsExactly("Device.WiFi.SSID.9.SSID");
    }

    @Test
    void aSubtreeAmongTheNamesIsRefusedWithoutBotheringTheDevice() throws Exception {
        ScriptedCpe cpe = syncedCpe();
        double connectionRequestsBefore = connectionRequests();

        CompletableFuture<Void> read = fixture.acs.gateway().refresh(id(cpe), List.of("Device.WiFi.SSID.1.SSID",
                "Device.WiFi.")).toCompletableFuture();

        assertThat(AcsRpcTest.failure(read).faultCode()).isEqualTo(CwmpFault.CPE_INVALID_ARGUMENTS);
        assertThat(connectionRequests()).isEqualTo(connectionRequestsBefore);
        assertThat(cpe.runSession("2 PERIODIC")).isEmpty();
    }

    @Test
    void nothingToReadAsksTheDeviceForNothing() throws Exception {
        ScriptedCpe cpe = syncedCpe();
        double connectionRequestsBefore = connectionRequests();

        assertThat(fixture.acs.gateway().refresh(id(cpe), List.of()).toCompletableFuture()).isCompleted();

        assertThat(connectionRequests()).isEqualTo(connectionRequestsBefore);
        assertThat(cpe.runSession("2 PERIODIC")).isEmpty();
    }

    private static ScriptedCpe syncedCpe() throws Exception {
        ScriptedCpe cpe = new ScriptedCpe(fixture.port(), "batch-" + SERIALS.incrementAndGet(), "Device.");
        cpe.runSession("0 BOOTSTRAP");
        assertThat(fixture.twins.needsFullSync(id(cpe))).isFalse();
        return cpe;
    }

    private static String value(ScriptedCpe cpe, String name) {
        return fixture.twins.get(id(cpe), name).orElseThrow().value();
    }

    private static double connectionRequests() {
        return fixture.registry.find("cpe.cwmp.connection.requests").counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    private static DeviceId id(ScriptedCpe cpe) {
        return DeviceId.parse("cwmp:" + cpe.deviceKey());
    }
}
