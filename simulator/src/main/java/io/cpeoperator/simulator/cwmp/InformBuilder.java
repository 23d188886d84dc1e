package io.cpeoperator.simulator.cwmp;

import io.cpeoperator.bridge.cwmp.soap.rpc.DeviceIdStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.EventStruct;
import io.cpeoperator.bridge.cwmp.soap.rpc.Inform;
import io.cpeoperator.bridge.cwmp.soap.rpc.ParameterValueStruct;
import io.cpeoperator.simulator.device.DataModelReader;
import io.cpeoperator.simulator.device.Param;
import io.cpeoperator.simulator.device.VirtualDevice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The Inform a device sends: DeviceId, events, and the parameters TR-069 requires in every Inform. */
final class InformBuilder {

    private static final List<String> TR181 = List.of("Device.RootDataModelVersion", "Device.DeviceInfo.HardwareVersion",
            "Device.DeviceInfo.SoftwareVersion", "Device.DeviceInfo.ProvisioningCode", "Device.ManagementServer.ParameterKey",
            "Device.ManagementServer.ConnectionRequestURL", "Device.IP.Interface.1.IPv4Address.1.IPAddress");
    private static final List<String> TR098 = List.of("InternetGatewayDevice.DeviceSummary",
            "InternetGatewayDevice.DeviceInfo.SpecVersion", "InternetGatewayDevice.DeviceInfo.HardwareVersion",
            "InternetGatewayDevice.DeviceInfo.SoftwareVersion", "InternetGatewayDevice.DeviceInfo.ProvisioningCode",
            "InternetGatewayDevice.ManagementServer.ParameterKey", "InternetGatewayDevice.ManagementServer.ConnectionRequestURL",
            "InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANIPConnection.1.ExternalIPAddress");

    private InformBuilder() {
    }

    static Inform build(VirtualDevice device, List<EventStruct> events, int retryCount, List<ParameterValueStruct> changed) {
        List<ParameterValueStruct> parameters = new ArrayList<>();
        for (String path : device.schema().root().equals("Device.") ? TR181 : TR098) {
            Param param = DataModelReader.param(device, path);
            if (param != null) {
                parameters.add(new ParameterValueStruct(param.path(), param.value(), param.type()));
            }
        }
        for (ParameterValueStruct value : changed) {
            if (parameters.stream().noneMatch(p -> p.name().equals(value.name()))) {
                parameters.add(value);
            }
        }
        return new Inform(new DeviceIdStruct(device.manufacturer(), device.oui(), device.productClass(), device.serialNumber()),
                events, 1, Instant.ofEpochMilli(device.now()).toString(), retryCount, parameters);
    }
}
