package org.haven.notifications.webhooks;

import org.haven.notifications.delivery.Channel;
import org.haven.notifications.delivery.ChannelSender;
import org.haven.notifications.delivery.ClaimedDelivery;
import org.haven.notifications.delivery.DeliveryProperties;
import org.haven.notifications.delivery.Outcome;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends one webhook delivery with the JDK HttpClient. The subscription's URL is resolved and checked again
 * (DNS may have changed since registration), and the request goes to the checked address itself, with the
 * URL's host in the {@code Host} header and, over TLS, in SNI and the certificate check. Redirects are not
 * followed (they could lead anywhere); proxies are not used.
 *
 * <p>2xx is delivered; 429, 408, 5xx, timeouts and connection failures are retried; any other status, a
 * refused address or a deleted subscription fails the delivery for good.
 */
@Component
class WebhookSender implements ChannelSender {

    static final String USER_AGENT = "Haven-Webhooks/1.0";

    private final WebhookSubscriptions subscriptions;
    private final WebhookTargets targets;
    private final WebhookProperties properties;
    private final HttpClient plain;
    private final Map<String, HttpClient> tlsByHost = new ConcurrentHashMap<>();

    WebhookSender(WebhookSubscriptions subscriptions, WebhookTargets targets, WebhookProperties properties,
                  DeliveryProperties delivery) {
        this.subscriptions = subscriptions;
        this.targets = targets;
        this.properties = properties;
        if (delivery.lease().compareTo(properties.connectTimeout().plus(properties.readTimeout())) <= 0) {
            throw new IllegalStateException("haven.notifications.delivery.lease must outlast a webhook's connect and read"
                    + " timeouts, or a slow send would be claimed and sent again while still in flight");
        }
        requireHostHeaderAllowed();
        this.plain = client(null);
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public Outcome send(ClaimedDelivery delivery) {
        WebhookSubscription subscription = subscriptions.find(delivery.organizationId(), UUID.fromString(delivery.recipient()))
                .orElse(null);
        if (subscription == null) {
            return new Outcome.Failed("The subscription was deleted");
        }
        if (delivery.payload() == null) {
            return new Outcome.Failed("No body was recorded for this delivery");
        }
        WebhookTarget target;
        try {
            target = targets.resolve(targets.parse(subscription.url()));
        } catch (WebhookTargets.Refused e) {
            return new Outcome.Failed("Refused: the URL " + e.getMessage());
        } catch (UnknownHostException e) {
            return new Outcome.Retry("The host did not resolve");
        }
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(target.pinned())
                .version(HttpClient.Version.HTTP_1_1)
                .timeout(properties.readTimeout())
                .header("Host", target.hostHeader())
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("webhook-id", delivery.messageId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(subscription.secret(), delivery.messageId(), timestamp,
                        delivery.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                .build();
        try {
            HttpResponse<InputStream> response = clientFor(target).send(request, HttpResponse.BodyHandlers.ofInputStream());
            // The status is all that counts; the body is not read, so a receiver cannot hold the sender with it.
            response.body().close();
            return outcome(response);
        } catch (HttpConnectTimeoutException e) {
            return new Outcome.Retry("Connecting timed out after " + properties.connectTimeout());
        } catch (HttpTimeoutException e) {
            return new Outcome.Retry("No response within " + properties.readTimeout());
        } catch (IOException e) {
            return new Outcome.Retry("Connection failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Retry("Interrupted while sending");
        }
    }

    private static Outcome outcome(HttpResponse<?> response) {
        int status = response.statusCode();
        String detail = "HTTP " + status;
        if (status >= 200 && status < 300) {
            return new Outcome.Delivered(detail);
        }
        if (status == 429 || status == 408 || status >= 500) {
            return new Outcome.Retry(detail, retryAfter(response));
        }
        return new Outcome.Failed(detail);
    }

    private static @Nullable Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After")
                .filter(value -> value.trim().matches("\\d{1,9}"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value.trim())))
                .orElse(null);
    }

    private HttpClient clientFor(WebhookTarget target) {
        if (!target.tls() || target.hostIsLiteral()) {
            return plain;
        }
        return tlsByHost.computeIfAbsent(target.host().toLowerCase(java.util.Locale.ROOT), this::client);
    }

    /** A client whose TLS names this host (SNI, certificate check) although it connects to an address. */
    private HttpClient client(@Nullable String tlsHost) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY);
        if (tlsHost != null) {
            try {
                SSLParameters parameters = SSLContext.getDefault().getDefaultSSLParameters();
                parameters.setServerNames(List.of(new SNIHostName(tlsHost)));
                builder.sslParameters(parameters);
            } catch (NoSuchAlgorithmException | IllegalArgumentException e) {
                throw new IllegalStateException("No TLS for " + tlsHost, e);
            }
        }
        return builder.build();
    }

    /**
     * Sending to the checked address needs the URL's host in the {@code Host} header, which the JDK client
     * only allows with {@code -Djdk.httpclient.allowRestrictedHeaders=host}, read once when the client
     * classes load. {@code NotificationServiceApplication.main} sets it; fail at start-up if it did not take.
     */
    private static void requireHostHeaderAllowed() {
        try {
            HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).header("Host", "example.org");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Start the JVM with -Djdk.httpclient.allowRestrictedHeaders=host", e);
        }
    }
}
