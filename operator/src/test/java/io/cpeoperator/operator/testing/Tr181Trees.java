package io.cpeoperator.operator.testing;

import io.cpeoperator.bridge.device.DeviceId;
import io.cpeoperator.bridge.device.DeviceIdentity;

import java.util.LinkedHashMap;
import java.util.Map;

/** Small but realistic TR-181 and TR-098 parameter trees for tests. */
public final class Tr181Trees {

    private Tr181Trees() {
    }

    public static DeviceIdentity cwmpIdentity(String serial) {
        return new DeviceIdentity(DeviceId.cwmp("00D09E", "IGD", serial), "Acme Networks", "00D09E", "IGD", serial,
                "Acme X1", "1.0.0", "rev-A", "Device.");
    }

    public static DeviceIdentity uspIdentity(String serial) {
        return new DeviceIdentity(DeviceId.usp("os::00D09E-" + serial), "Acme Networks", "00D09E", "X2", serial,
                "Acme X2", "2.0.0", "rev-B", "Device.");
    }

    public static Map<String, String> tr181(DeviceIdentity identity) {
        Map<String, String> tree = new LinkedHashMap<>();
        tree.put("Device.DeviceInfo.Manufacturer", identity.manufacturer());
        tree.put("Device.DeviceInfo.ModelName", identity.modelName());
        tree.put("Device.DeviceInfo.ProductClass", identity.productClass());
        tree.put("Device.DeviceInfo.SerialNumber", identity.serialNumber());
        tree.put("Device.DeviceInfo.SoftwareVersion", identity.softwareVersion());
        tree.put("Device.DeviceInfo.HardwareVersion", identity.hardwareVersion());
        tree.put("Device.DeviceInfo.UpTime", "3600");
        tree.put("Device.DeviceInfo.ProcessStatus.CPUUsage", "12");
        tree.put("Device.DeviceInfo.MemoryStatus.Total", "262144");
        tree.put("Device.DeviceInfo.MemoryStatus.Free", "131072");
        tree.put("Device.DeviceInfo.TemperatureStatus.TemperatureSensor.1.Value", "48");
        tree.put("Device.IP.Interface.1.Name", "br-lan");
        tree.put("Device.IP.Interface.1.IPv4Address.1.IPAddress", "192.168.1.1");
        tree.put("Device.IP.Interface.2.Name", "wan0");
        tree.put("Device.IP.Interface.2.IPv4Address.1.IPAddress", "203.0.113.7");
        tree.put("Device.Ethernet.Interface.1.Upstream", "true");
        tree.put("Device.WiFi.Radio.1.OperatingFrequencyBand", "2.4GHz");
        tree.put("Device.WiFi.Radio.1.Channel", "6");
        tree.put("Device.WiFi.Radio.1.CurrentOperatingChannelBandwidth", "20MHz");
        tree.put("Device.WiFi.Radio.1.Stats.Noise", "-92");
        tree.put("Device.WiFi.Radio.2.OperatingFrequencyBand", "5GHz");
        tree.put("Device.WiFi.Radio.2.Channel", "36");
        tree.put("Device.WiFi.Radio.2.CurrentOperatingChannelBandwidth", "80MHz");
        tree.put("Device.WiFi.SSID.1.LowerLayers", "Device.WiFi.Radio.1.");
        tree.put("Device.WiFi.SSID.1.SSID", "home");
        tree.put("Device.WiFi.SSID.2.LowerLayers", "Device.WiFi.Radio.2.");
        tree.put("Device.WiFi.SSID.2.SSID", "home-5g");
        tree.put("Device.WiFi.AccessPoint.1.SSIDReference", "Device.WiFi.SSID.1.");
        tree.put("Device.WiFi.AccessPoint.1.AssociatedDeviceNumberOfEntries", "3");
        tree.put("Device.WiFi.AccessPoint.2.SSIDReference", "Device.WiFi.SSID.2.");
        tree.put("Device.WiFi.AccessPoint.2.AssociatedDeviceNumberOfEntries", "2");
        tree.put("Device.Hosts.HostNumberOfEntries", "7");
        tree.put("Device.ManagementServer.PeriodicInformInterval", "300");
        return tree;
    }

    public static Map<String, String> tr098(DeviceIdentity identity) {
        Map<String, String> tree = new LinkedHashMap<>();
        String info = "InternetGatewayDevice.DeviceInfo.";
        tree.put(info + "Manufacturer", identity.manufacturer());
        tree.put(info + "ModelName", identity.modelName());
        tree.put(info + "ProductClass", identity.productClass());
        tree.put(info + "SoftwareVersion", identity.softwareVersion());
        tree.put(info + "HardwareVersion", identity.hardwareVersion());
        tree.put(info + "UpTime", "120");
        String wan = "InternetGatewayDevice.WANDevice.1.";
        tree.put(wan + "WANCommonInterfaceConfig.WANAccessType", "DSL");
        tree.put(wan + "WANConnectionDevice.1.WANPPPConnection.1.ExternalIPAddress", "198.51.100.20");
        String wlan = "InternetGatewayDevice.LANDevice.1.WLANConfiguration.1.";
        tree.put(wlan + "Channel", "11");
        tree.put(wlan + "TotalAssociations", "4");
        tree.put("InternetGatewayDevice.LANDevice.1.Hosts.HostNumberOfEntries", "5");
        tree.put("InternetGatewayDevice.ManagementServer.PeriodicInformInterval", "600");
        return tree;
    }
}
