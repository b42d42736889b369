package org.haven.notifications.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses a webhook may never reach: everything that is not the public internet. The table is the
 * whole policy; an address inside any range is refused with the range's reason. IPv6 forms that embed an
 * IPv4 address (mapped, compatible, NAT64) are judged by the IPv4 address inside.
 */
final class AddressRules {

    private record Range(byte[] network, int prefix, String reason) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private static final List<Range> LOOPBACK = List.of(
            range("127.0.0.0/8", "a loopback address"),
            range("::1/128", "a loopback address"));

    private static final List<Range> REFUSED = List.of(
            range("0.0.0.0/8", "an unspecified address"),
            range("10.0.0.0/8", "a private address"),
            range("100.64.0.0/10", "a shared (carrier-grade NAT) address"),
            range("169.254.0.0/16", "a link-local address (cloud metadata lives here)"),
            range("172.16.0.0/12", "a private address"),
            range("192.0.0.0/24", "an IETF protocol address"),
            range("192.0.2.0/24", "a documentation address"),
            range("192.88.99.0/24", "a 6to4 relay address"),
            range("192.168.0.0/16", "a private address"),
            range("198.18.0.0/15", "a benchmarking address"),
            range("198.51.100.0/24", "a documentation address"),
            range("203.0.113.0/24", "a documentation address"),
            range("224.0.0.0/4", "a multicast address"),
            range("240.0.0.0/4", "a reserved address"),
            range("::/128", "an unspecified address"),
            range("100::/64", "a discard address"),
            range("2001::/32", "a Teredo address"),
            range("2001:db8::/32", "a documentation address"),
            range("2002::/16", "a 6to4 address"),
            range("fc00::/7", "a private (unique local) address"),
            range("fe80::/10", "a link-local address"),
            range("fec0::/10", "a site-local address"),
            range("ff00::/8", "a multicast address"));

    private static final List<Range> EMBEDDING_IPV4 = List.of(
            range("::ffff:0:0/96", "IPv4-mapped"),
            range("::/96", "IPv4-compatible"),
            range("64:ff9b::/96", "NAT64"));

    private AddressRules() {
    }

    /** Why this address may not receive webhooks, or empty if it may. */
    static Optional<String> refusal(InetAddress address, boolean allowLoopback) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address && !isZero(bytes)) {
            for (Range embedding : EMBEDDING_IPV4) {
                if (embedding.contains(bytes) && !(embedding.prefix == 96 && isLoopbackV6(bytes))) {
                    return refusal(ipv4(Arrays.copyOfRange(bytes, 12, 16)), allowLoopback);
                }
            }
        }
        for (Range loopback : LOOPBACK) {
            if (loopback.contains(bytes)) {
                return allowLoopback ? Optional.empty() : Optional.of(loopback.reason);
            }
        }
        return REFUSED.stream().filter(range -> range.contains(bytes)).map(Range::reason).findFirst();
    }

    static boolean isLoopback(InetAddress address) {
        return LOOPBACK.stream().anyMatch(range -> range.contains(address.getAddress()));
    }

    private static boolean isZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLoopbackV6(byte[] bytes) {
        return LOOPBACK.get(1).contains(bytes);
    }

    private static InetAddress ipv4(byte[] bytes) {
        try {
            return Inet4Address.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Range range(String cidr, String reason) {
        String[] parts = cidr.split("/");
        try {
            // Literals only: getByName does no lookup for them.
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            if (parts[0].contains(":") && network.length == 4) {
                // ::ffff:0:0 is parsed as an IPv4 address; keep it as the 16 bytes it is.
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(network, 0, mapped, 12, 4);
                network = mapped;
            }
            return new Range(network, Integer.parseInt(parts[1]), reason);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(cidr, e);
        }
    }
}
