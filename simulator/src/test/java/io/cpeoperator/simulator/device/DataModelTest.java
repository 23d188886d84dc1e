package io.cpeoperator.simulator.device;

import io.cpeoperator.bridge.twin.ParameterType;
import io.cpeoperator.simulator.clock.ManualClock;
import io.cpeoperator.simulator.model.ModelCatalog;
import io.cpeoperator.simulator.model.VendorModel;
import io.cpeoperator.simulator.support.TestDevices;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataModelTest {

    private final ManualClock clock = new ManualClock(TestDevices.START);

    @Test
    void everyModelHasARealisticallySizedDataModel() throws Exception {
        for (VendorModel model : ModelCatalog.ALL) {
            VirtualDevice device = TestDevices.cwmp(model, clock, Set.of(), 7);
            int schemaSize = device.schema().parameterCount();
            int present = DataModelReader.read(device, "").size();
            assertThat(schemaSize).as(model.productClass() + " schema").isBetween(1000, 3000);
            assertThat(present).as(model.productClass() + " present parameters").isBetween(700, 3000);
        }
        VirtualDevice usp = TestDevices.usp(ModelCatalog.AURORA_MESH, clock, Set.of(), 7);
        assertThat(usp.valueOf("Device.LocalAgent.EndpointID")).isEqualTo(usp.endpointId());
        assertThat(usp.valueOf("Device.WiFi.DataElements.Network.Device.1.MultiAPDevice.Backhaul.LinkType")).isEqualTo("Wi-Fi");
    }

    @Test
    void readsIdentityTypesAndWritability() throws Exception {
        VirtualDevice device = TestDevices.cwmp(ModelCatalog.NORDLINK_AX3000, clock, Set.of(), 11);
        Param serial = DataModelReader.param(device, "Device.DeviceInfo.SerialNumber");
        assertThat(serial.value()).isEqualTo("SIM11");
        assertThat(serial.writable()).isFalse();
        Param channel = DataModelReader.param(device, "Device.WiFi.Radio.1.Channel");
        assertThat(channel.type()).isEqualTo(ParameterType.UNSIGNED_INT);
        assertThat(channel.writable()).isTrue();
        assertThat(DataModelReader.param(device, "Device.ManagementServer.Password").value()).isEmpty();
        assertThat(DataModelReader.param(device, "Device.NoSuchThing")).isNull();
        assertThatThrownBy(() -> DataModelReader.read(device, "Device.NoSuchObject."))
                .isInstanceOfSatisfying(DataModelException.class, e -> assertThat(e.fault()).isEqualTo(Fault.INVALID_PATH));
    }

    @Test
    void namesListObjectsAndParametersLikeTr069() throws Exception {
        VirtualDevice device = TestDevices.cwmp(ModelCatalog.NORDLINK_AX3000, clock, Set.of(), 3);
        List<NameEntry> top = DataModelReader.names(device, "Device.", true);
        assertThat(top).extracting(NameEntry::path).contains("Device.DeviceInfo.", "Device.WiFi.", "Device.RootDataModelVersion")
                .noneMatch(p -> p.startsWith("Device.DeviceInfo.") && !p.equals("Device.DeviceInfo."));
        List<NameEntry> nat = DataModelReader.names(device, "Device.NAT.PortMapping.", false);
        assertThat(nat.get(0)).isEqualTo(new NameEntry("Device.NAT.PortMapping.", true));
        assertThat(nat).extracting(NameEntry::path).contains("Device.NAT.PortMapping.1.", "Device.NAT.PortMapping.1.ExternalPort");
        assertThatThrownBy(() -> DataModelReader.names(device, "Device.DeviceInfo.UpTime", true))
                .isInstanceOfSatisfying(DataModelException.class, e -> assertThat(e.fault()).isEqualTo(Fault.INVALID_ARGUMENTS));
    }

    @Test
    void setIsAllOrNothingWithOneFaultPerParameter() {
        VirtualDevice device = TestDevices.cwmp(ModelCatalog.NORDLINK_AX3000, clock, Set.of(), 5);
        assertThatThrownBy(() -> DataModelWriter.set(device, List.of(
                Write.of("Device.WiFi.SSID.1.SSID", "NewName"),
                Write.of("Device.DeviceInfo.SerialNumber", "HACKED"),
                Write.of("Device.NoSuch.Param", "1"),
                Write.of("Device.WiFi.Radio.1.Channel", "99"),
                new Write("Device.WiFi.Radio.1.Enable", "true", ParameterType.INT)), "pk-1"))
                .isInstanceOfSatisfying(DataModelException.class, e -> {
                    assertThat(e.fault().cwmpCode()).isEqualTo(9003);
                    assertThat(e.paramFaults()).extracting(f -> f.path() + "=" + f.fault().cwmpCode()).containsExactly(
                            "Device.DeviceInfo.SerialNumber=9008", "Device.NoSuch.Param=9005",
                            "Device.WiFi.Radio.1.Channel=9007", "Device.WiFi.Radio.1.Enable=9006");
                });
        assertThat(device.valueOf("Device.WiFi.SSID.1.SSID")).isNotEqualTo("NewName");
        assertThat(device.parameterKey()).isEmpty();
    }

    @Test
    void writtenValuesSurviveARebootButNotAFactoryReset() throws Exception {
        VirtualDevice device = TestDevices.cwmp(ModelCatalog.NORDLINK_AX3000, clock, Set.of(), 5);
        Map<String, String> applied = DataModelWriter.set(device, List.of(Write.of("Device.WiFi.SSID.1.SSID", "Garden"),
                Write.of("Device.WiFi.Radio.1.Enable", "0")), "pk-7");
        assertThat(applied).containsEntry("Device.WiFi.Radio.1.Enable", "false");
        device.boot(BootCause.REMOTE_REBOOT, "ck");
        assertThat(device.valueOf("Device.WiFi.SSID.1.SSID")).isEqualTo("Garden");
        assertThat(device.valueOf("Device.ManagementServer.ParameterKey")).isEqualTo("pk-7");
        assertThat(device.uptimeSeconds()).isZero();
        device.factoryReset();
        assertThat(device.valueOf("Device.WiFi.SSID.1.SSID")).isNotEqualTo("Garden");
    }

    @Test
    void addAndDeleteObjectsNeverReuseInstanceNumbers() throws Exception {
        VirtualDevice device = TestDevices.cwmp(ModelCatalog.NORDLINK_AX3000, clock, Set.of(), 5);
        int second = DataModelWriter.addObject(device, "Device.NAT.PortMapping.", Map.of(), "pk-a");
        assertThat(second).isEqualTo(2);
        assertThat(device.valueOf("Device.NAT.PortMapping.2.Protocol")).isEqualTo("TCP");
        assertThat(device.valueOf("Device.NAT.PortMapping.2.Alias")).isEqualTo("cpe-2");
        DataModelWriter.set(device, List.of(Write.of("Device.NAT.PortMapping.2.ExternalPort", "2222")), null);
        assertThat(device.valueOf("Device.NAT.PortMapping.2.ExternalPort")).isEqualTo("2222");
        DataModelWriter.deleteObject(device, "Device.NAT.PortMapping.2.", "pk-d");
        DataModelWriter.deleteObject(device, "Device.NAT.PortMapping.1.", "pk-d");
        assertThat(DataModelReader.instanceNumbers(device, "Device.NAT.PortMapping.")).isEmpty();
        assertThat(DataModelWriter.addObject(device, "Device.NAT.PortMapping.", Map.of(), null)).isEqualTo(3);
        assertThatThrownBy(() -> DataModelWriter.addObject(device, "Device.DeviceInfo.", Map.of(), null))
                .isInstanceOfSatisfying(DataModelException.class, e -> assertThat(e.fault().cwmpCode()).isEqualTo(9005));
        assertThatThrownBy(() -> DataModelWriter.deleteObject(device, "Device.NAT.PortMapping.9.", null))
                .isInstanceOfSatisfying(DataModelException.class, e -> assertThat(e.fault()).isEqualTo(Fault.INVALID_PATH));
    }

    @Test
    void valuesMoveWithSimulatedTime() {
        VirtualDevice device = TestDevices.cwmp(ModelCatalog.VEXON_VX7000, clock, Set.of(), 9);
        long uptime = Long.parseLong(device.valueOf("Device.DeviceInfo.UpTime"));
        long bytes = Long.parseLong(device.valueOf("Device.IP.Interface.1.Stats.BytesReceived"));
        clock.advance(java.time.Duration.ofHours(3));
        assertThat(Long.parseLong(device.valueOf("Device.DeviceInfo.UpTime"))).isEqualTo(uptime + 3 * 3600);
        assertThat(Long.parseLong(device.valueOf("Device.IP.Interface.1.Stats.BytesReceived"))).isGreaterThan(bytes);
    }
}
