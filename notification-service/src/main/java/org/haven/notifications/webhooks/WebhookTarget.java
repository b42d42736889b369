package org.haven.notifications.webhooks;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;

/**
 * A webhook URL with the one address it may be sent to: checked, then connected to as it is, so that a DNS
 * answer that changes between the check and the connection (rebinding) changes nothing.
 *
 * @param host the URL's host as written, for the {@code Host} header and TLS (SNI and certificate check)
 */
record WebhookTarget(URI url, String host, InetAddress address) {

    boolean tls() {
        return "https".equalsIgnoreCase(url.getScheme());
    }

    /** The URL with its host replaced by the checked address. */
    URI pinned() {
        String literal = address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        return URI.create(url.getScheme() + "://" + literal + (url.getPort() == -1 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
    }

    String hostHeader() {
        String name = host.contains(":") ? "[" + host + "]" : host;
        return url.getPort() == -1 ? name : name + ":" + url.getPort();
    }

    boolean hostIsLiteral() {
        return host.contains(":") || host.chars().allMatch(c -> Character.isDigit(c) || c == '.');
    }
}
