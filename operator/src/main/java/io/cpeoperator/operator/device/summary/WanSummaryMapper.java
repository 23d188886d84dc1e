package io.cpeoperator.operator.device.summary;

import io.cpeoperator.api.v1alpha1.DeviceSummary;

import java.util.Locale;
import java.util.Map;

/**
 * WAN address and access type. TR-098 says both outright (WANIPConnection/WANPPPConnection ExternalIPAddress,
 * WANCommonInterfaceConfig.WANAccessType). TR-181 does not mark "the" WAN interface, so: an IP interface named or
 * aliased like a WAN, else the first interface with a public IPv4 address; the access type from the physical
 * interface that is up (PON, DSL, cellular, upstream Ethernet).
 */
final class WanSummaryMapper {

    void apply(TwinValues twin, DeviceSummaryMapper.DataModel model, DeviceSummary summary) {
        if (model == DeviceSummaryMapper.DataModel.TR098) {
            applyTr098(twin, summary);
        } else {
            applyTr181(twin, summary);
        }
    }

    private static void applyTr098(TwinValues twin, DeviceSummary summary) {
        String devices = "InternetGatewayDevice.WANDevice.*.WANConnectionDevice.*.";
        for (String kind : new String[]{"WANIPConnection", "WANPPPConnection"}) {
            for (String address : twin.all(devices + kind + ".*.ExternalIPAddress").values()) {
                if (isUsable(address) && summary.getWanAddress() == null) {
                    summary.setWanAddress(address.trim());
                }
            }
        }
        twin.all("InternetGatewayDevice.WANDevice.*.WANCommonInterfaceConfig.WANAccessType").values().stream()
                .map(String::trim).filter(v -> !v.isEmpty()).findFirst()
                .ifPresent(summary::setWanAccessType);
    }

    private static void applyTr181(TwinValues twin, DeviceSummary summary) {
        String fallback = null;
        for (int index : twin.instances("Device.IP.Interface.")) {
            String prefix = "Device.IP.Interface." + index + ".";
            String naming = (twin.text(prefix + "Name").orElse("") + " " + twin.text(prefix + "Alias").orElse(""))
                    .toLowerCase(Locale.ROOT);
            for (String address : twin.all(prefix + "IPv4Address.*.IPAddress").values()) {
                if (!isUsable(address)) {
                    continue;
                }
                if (naming.contains("wan")) {
                    summary.setWanAddress(address.trim());
                    break;
                }
                if (fallback == null && !isPrivate(address.trim())) {
                    fallback = address.trim();
                }
            }
            if (summary.getWanAddress() != null) {
                break;
            }
        }
        if (summary.getWanAddress() == null) {
            summary.setWanAddress(fallback);
        }
        summary.setWanAccessType(accessType(twin));
    }

    private static String accessType(TwinValues twin) {
        if (anyUp(twin.all("Device.Optical.Interface.*.Status"))) {
            return "PON";
        }
        if (anyUp(twin.all("Device.DSL.Line.*.Status"))) {
            return "DSL";
        }
        if (anyUp(twin.all("Device.Cellular.Interface.*.Status"))) {
            return "Cellular";
        }
        if (twin.all("Device.Ethernet.Interface.*.Upstream").values().stream().anyMatch("true"::equalsIgnoreCase)) {
            return "Ethernet";
        }
        return null;
    }

    private static boolean anyUp(Map<String, String> statuses) {
        return statuses.values().stream().anyMatch(s -> "Up".equalsIgnoreCase(s.trim()));
    }

    private static boolean isUsable(String address) {
        String trimmed = address == null ? "" : address.trim();
        return !trimmed.isEmpty() && !trimmed.equals("0.0.0.0") && !trimmed.startsWith("127.")
                && trimmed.length() <= 45;
    }

    static boolean isPrivate(String address) {
        if (address.startsWith("10.") || address.startsWith("192.168.") || address.startsWith("169.254.")) {
            return true;
        }
        if (address.startsWith("172.")) {
            String[] parts = address.split("\\.");
            if (parts.length > 1) {
                long second = TwinValues.parseLong(parts[1]).orElse(-1);
                return second >= 16 && second <= 31;
            }
        }
        return false;
    }
}
