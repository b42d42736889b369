package org.haven.notifications.webhooks;

import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The SSRF guard. A URL is accepted only if it is {@code https} (or {@code http} to loopback, when the local
 * profile allows loopback at all), carries no credentials, and its host resolves only to public addresses —
 * every address it resolves to, so that a round-robin answer cannot smuggle a private one in.
 */
@Component
class WebhookTargets {

    private final HostResolver resolver;
    private final boolean allowLoopback;

    WebhookTargets(HostResolver resolver, WebhookProperties properties) {
        this.resolver = resolver;
        this.allowLoopback = properties.allowLoopback();
    }

    /** A refused URL; the message says why, for the person who registered it. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /** Checks a URL's form; no DNS. */
    URI parse(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new Refused("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new Refused("must be an https URL");
        }
        if (scheme.equals("http") && !allowLoopback) {
            throw new Refused("must be an https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new Refused("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("must not carry credentials");
        }
        if (uri.getRawFragment() != null) {
            throw new Refused("must not have a fragment");
        }
        return uri.normalize();
    }

    /** Resolves the URL's host and checks every address; the first one is the one to connect to. */
    WebhookTarget resolve(URI uri) throws Refused, UnknownHostException {
        String host = unbracketed(uri.getHost());
        List<InetAddress> addresses = resolver.resolve(host);
        if (addresses.isEmpty()) {
            throw new UnknownHostException(host);
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = AddressRules.refusal(address, allowLoopback);
            if (refusal.isPresent()) {
                throw new Refused("must not point to " + refusal.get() + " (" + host + " is " + address.getHostAddress() + ")");
            }
            if ("http".equalsIgnoreCase(uri.getScheme()) && !AddressRules.isLoopback(address)) {
                throw new Refused("must be an https URL (http is allowed to loopback addresses only)");
            }
        }
        return new WebhookTarget(uri, host, addresses.getFirst());
    }

    /** Both checks, as at registration. */
    URI check(String url) throws Refused {
        URI uri = parse(url);
        try {
            resolve(uri);
        } catch (UnknownHostException e) {
            throw new Refused("names a host that does not resolve");
        }
        return uri;
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
