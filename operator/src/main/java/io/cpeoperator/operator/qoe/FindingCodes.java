package io.cpeoperator.operator.qoe;

import java.util.List;

/** Every finding code the checks raise; the README documents each one with its threshold and evidence. */
public final class FindingCodes {

    public static final String WIFI_WEAK_CLIENT_SIGNAL = "WifiWeakClientSignal";
    public static final String WIFI_CHANNEL_CONGESTED = "WifiChannelCongested";
    public static final String WIFI_HIGH_NOISE = "WifiHighNoise";
    public static final String WIFI_BAND_STEERING_MISSED = "WifiBandSteeringMissed";
    public static final String WIFI_LOW_PHY_RATE = "WifiLowPhyRate";
    public static final String WIFI_RADIO_OVERLOADED = "WifiRadioOverloaded";
    public static final String WAN_PACKET_LOSS = "WanPacketLoss";
    public static final String WAN_HIGH_LATENCY = "WanHighLatency";
    public static final String WAN_DOWN = "WanDown";
    public static final String PPPOE_FLAPPING = "PppoeFlapping";
    public static final String DHCP_CHURN = "DhcpChurn";
    public static final String CPU_OVERLOAD = "CpuOverload";
    public static final String MEMORY_PRESSURE = "MemoryPressure";
    public static final String OVERHEATING = "Overheating";
    public static final String REBOOT_LOOP = "RebootLoop";
    public static final String MESH_BACKHAUL_WEAK = "MeshBackhaulWeak";

    public static final List<String> ALL = List.of(WIFI_WEAK_CLIENT_SIGNAL, WIFI_CHANNEL_CONGESTED, WIFI_HIGH_NOISE,
            WIFI_BAND_STEERING_MISSED, WIFI_LOW_PHY_RATE, WIFI_RADIO_OVERLOADED, WAN_PACKET_LOSS, WAN_HIGH_LATENCY,
            WAN_DOWN, PPPOE_FLAPPING, DHCP_CHURN, CPU_OVERLOAD, MEMORY_PRESSURE, OVERHEATING, REBOOT_LOOP,
            MESH_BACKHAUL_WEAK);

    private FindingCodes() {
    }
}
