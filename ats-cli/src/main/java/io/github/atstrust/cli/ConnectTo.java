package io.github.atstrust.cli;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * curl's {@code --connect-to HOST:PORT:HOST2:PORT2}: connect to HOST2:PORT2 where a client would connect to
 * HOST:PORT, while still sending and verifying HOST (SNI, host name check, HTTP Host header).
 */
final class ConnectTo {

    private final Map<String, InetSocketAddress> targets;

    private ConnectTo(Map<String, InetSocketAddress> targets) {
        this.targets = Map.copyOf(targets);
    }

    /** One {@code --connect-to} value as curl writes it: IPv6 hosts in brackets, {@code [::1]}. */
    private static final java.util.regex.Pattern ENTRY = java.util.regex.Pattern.compile(
            "(\\[[0-9a-fA-F:.]+]|[^:\\[\\]]+):([0-9]+):(\\[[0-9a-fA-F:.]+]|[^:\\[\\]]+):([0-9]+)");

    /** Parses {@code --connect-to} values; each is {@code HOST:PORT:HOST2:PORT2}, an IPv6 host as {@code [::1]}. */
    static ConnectTo parse(List<String> entries) {
        Map<String, InetSocketAddress> targets = new LinkedHashMap<>();
        for (String entry : entries) {
            java.util.regex.Matcher parts = ENTRY.matcher(entry);
            if (!parts.matches()) {
                throw new IllegalArgumentException("--connect-to " + entry + ": write HOST:PORT:HOST2:PORT2 (an IPv6 "
                        + "address in brackets), e.g. dynamodb.eu-west-3.amazonaws.com:443:127.0.0.1:8443");
            }
            targets.put(key(unbracketed(parts.group(1)), port(parts.group(2), entry)),
                    InetSocketAddress.createUnresolved(unbracketed(parts.group(3)), port(parts.group(4), entry)));
        }
        return new ConnectTo(targets);
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    /**
     * Where to connect for {@code host:port}: the mapped address, else the host itself (resolved by DNS). A mapped
     * address keeps {@code host} as its name, so that clients that take the peer name from the socket address
     * (Jetty's) still send and verify {@code host}.
     */
    InetSocketAddress target(String host, int port) {
        InetSocketAddress mapped = targets.get(key(host, port));
        if (mapped == null) {
            return new InetSocketAddress(host, port);
        }
        try {
            InetAddress address = InetAddress.getByName(mapped.getHostString());
            return new InetSocketAddress(InetAddress.getByAddress(host, address.getAddress()), mapped.getPort());
        } catch (UnknownHostException e) {
            return InetSocketAddress.createUnresolved(mapped.getHostString(), mapped.getPort());
        }
    }

    /** {@code host:port}, and where it is really reached when mapped: for messages. */
    String describe(String host, int port) {
        InetSocketAddress mapped = targets.get(key(host, port));
        return host + ":" + port + (mapped == null ? "" : " via " + mapped.getHostString() + ":" + mapped.getPort());
    }

    private static String key(String host, int port) {
        return host.toLowerCase(Locale.ROOT) + ":" + port;
    }

    private static int port(String text, String entry) {
        try {
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--connect-to " + entry + ": '" + text + "' is not a port (1-65535)", e);
        }
    }
}
