package io.cpeoperator.bridge.net;

/** How a client in the same process reaches a listener bound to a given IP address. */
public final class ListenAddress {

    private ListenAddress() {
    }

    /** True for an address that listens on every interface ({@code 0.0.0.0}, {@code ::}). */
    public static boolean isWildcard(String bindAddress) {
        return bindAddress.equals("0.0.0.0") || bindAddress.equals("::") || bindAddress.equals("0:0:0:0:0:0:0:0");
    }

    /**
     * The host part of a URL to a listener bound to {@code bindAddress}: loopback for a wildcard, the address itself
     * otherwise, an IPv6 address in brackets.
     */
    public static String localHost(String bindAddress) {
        String host = isWildcard(bindAddress) ? "127.0.0.1" : bindAddress;
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }
}
