package io.cpeoperator.simulator.support;

import io.cpeoperator.simulator.device.DataModelException;
import io.cpeoperator.simulator.device.DataModelReader;
import io.cpeoperator.simulator.device.Param;
import io.cpeoperator.simulator.device.VirtualDevice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A deliberately plain reading of one data-model snapshot against the QoE thresholds the ground truth promises:
 * what a device shows, as finding codes. It follows references (AccessPoint → SSID → Radio → band) instead of
 * assuming radio numbers, as an analysis of real devices must.
 */
public final class QoeProbe {

    private QoeProbe() {
    }

    public static TreeSet<String> findings(VirtualDevice d) throws DataModelException {
        TreeSet<String> found = new TreeSet<>();
        String root = d.schema().root();
        String info = root + "DeviceInfo.";
        if (num(d, info + "ProcessStatus.CPUUsage") >= 90) {
            found.add("CpuOverload");
        }
        double total = num(d, info + "MemoryStatus.Total");
        if ((total - num(d, info + "MemoryStatus.Free")) / total >= 0.9) {
            found.add("MemoryPressure");
        }
        for (int s = 1; s <= num(d, info + "TemperatureStatus.TemperatureSensorNumberOfEntries"); s++) {
            String sensor = info + "TemperatureStatus.TemperatureSensor." + s + ".";
            if (num(d, sensor + "Value") >= num(d, sensor + "HighAlarmValue")) {
                found.add("Overheating");
            }
        }
        if (num(d, info + "Reboots.WatchdogBootCount") >= 3 && num(d, info + "UpTime") < 900) {
            found.add("RebootLoop");
        }
        String ping = root.equals("Device.") ? "Device.IP.Diagnostics.IPPing." : root + "IPPingDiagnostics.";
        long failures = num(d, ping + "FailureCount");
        long successes = num(d, ping + "SuccessCount");
        if (failures * 10 >= successes + failures) {
            found.add("WanPacketLoss");
        }
        if (num(d, ping + "AverageResponseTime") >= 100) {
            found.add("WanHighLatency");
        }
        String lease = root.equals("Device.") ? "Device.DHCPv4.Server.Pool.1.LeaseTime"
                : root + "LANDevice.1.LANHostConfigManagement.DHCPLeaseTime";
        if (num(d, lease) < 600) {
            found.add("DhcpChurn");
        }
        if (d.valueOf("Device.PPP.Interface.1.LastChange") != null
                && num(d, "Device.PPP.Interface.1.LastChange") < 600 && num(d, info + "UpTime") > 1800) {
            found.add("PppoeFlapping");
        }
        String backhaul = "Device.WiFi.DataElements.Network.Device.1.MultiAPDevice.Backhaul.Stats.SignalStrength";
        if (d.valueOf(backhaul) != null && num(d, backhaul) < 100) {
            found.add("MeshBackhaulWeak");
        }
        if (root.equals("Device.")) {
            wifi(d, found);
        }
        return found;
    }

    private static void wifi(VirtualDevice d, TreeSet<String> found) throws DataModelException {
        Map<String, String> bandOfRadio = new HashMap<>();
        boolean fiveUp = false;
        for (int r = 1; r <= num(d, "Device.WiFi.RadioNumberOfEntries"); r++) {
            String radio = "Device.WiFi.Radio." + r;
            String band = d.valueOf(radio + ".OperatingFrequencyBand");
            bandOfRadio.put(radio, band);
            fiveUp |= band.equals("5GHz") && "Up".equals(d.valueOf(radio + ".Status"));
            if (num(d, radio + ".Stats.Noise") >= -80) {
                found.add("WifiHighNoise");
            }
        }
        for (Param p : DataModelReader.read(d, "Device.WiFi.AccessPoint.")) {
            if (!p.path().endsWith(".SignalStrength")) {
                continue;
            }
            long signal = Long.parseLong(p.value());
            if (signal <= -75) {
                found.add("WifiWeakClientSignal");
            }
            String ap = p.path().substring(0, p.path().indexOf(".AssociatedDevice."));
            String ssid = d.valueOf(ap + ".SSIDReference");
            String band = bandOfRadio.get(d.valueOf(ssid + ".LowerLayers"));
            String capable = d.valueOf(p.objectPath() + "X_CPEOP_SupportedFrequencyBands");
            if ("2.4GHz".equals(band) && capable.contains("5GHz") && signal >= -60 && fiveUp) {
                found.add("WifiBandSteeringMissed");
            }
        }
        if (strongCoChannelNeighbours(d, bandOfRadio) > 4) {
            found.add("WifiChannelCongested");
        }
    }

    /** Neighbours stronger than -70 dBm on the channel of the device's own 2.4 GHz radio. */
    public static int strongCoChannelNeighbours(VirtualDevice d, Map<String, String> bandOfRadio) throws DataModelException {
        String twoGhz = bandOfRadio.entrySet().stream().filter(e -> e.getValue().equals("2.4GHz")).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
        String own = d.valueOf(twoGhz + ".Channel");
        int strong = 0;
        for (String result : objects(d, "Device.WiFi.NeighboringWiFiDiagnostic.Result.")) {
            if (d.valueOf(result + "Radio").equals(twoGhz) && d.valueOf(result + "Channel").equals(own)
                    && Long.parseLong(d.valueOf(result + "SignalStrength")) > -70) {
                strong++;
            }
        }
        return strong;
    }

    /** Instance object paths ("…Result.3.") present under a table. */
    public static List<String> objects(VirtualDevice d, String table) throws DataModelException {
        List<String> objects = new ArrayList<>();
        for (Param p : DataModelReader.read(d, table)) {
            if (!objects.contains(p.objectPath())) {
                objects.add(p.objectPath());
            }
        }
        return objects;
    }

    public static long num(VirtualDevice d, String path) {
        String value = d.valueOf(path);
        if (value == null) {
            throw new AssertionError(d.productClass() + " has no " + path);
        }
        return Long.parseLong(value);
    }
}
