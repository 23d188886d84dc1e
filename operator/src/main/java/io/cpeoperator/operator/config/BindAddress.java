package io.cpeoperator.operator.config;

import java.util.regex.Pattern;

/**
 * The {@code --bind-address} value: an IP address literal, never a host name (a listener address that depends on a
 * DNS lookup at start is a surprise in a pod).
 */
final class BindAddress {

    private static final Pattern IPV4 = Pattern.compile(
            "^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9a-fA-F:.]{2,45}$");

    private BindAddress() {
    }

    static String parse(String text) {
        String address = text.trim();
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        if (IPV4.matcher(address).matches() || (address.indexOf(':') >= 0 && IPV6.matcher(address).matches()
                && isIpv6Literal(address))) {
            return address;
        }
        throw new ConfigException(ConfigOption.BIND_ADDRESS.flag() + " / " + ConfigOption.BIND_ADDRESS.env()
                + " must be an IP address such as 0.0.0.0 (every interface) or 127.0.0.1, not '" + text + "'");
    }

    private static boolean isIpv6Literal(String address) {
        try {
            // a text with ':' is parsed as an IPv6 literal, never looked up in DNS
            return java.net.InetAddress.getByName(address) instanceof java.net.Inet6Address;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
