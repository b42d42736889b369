package org.haven.notifications.webhooks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SSRF guard, as configured outside the local profile (no loopback) unless a test says otherwise. */
class WebhookTargetsTest {

    private static final Map<String, String> DNS = Map.of(
            "hooks.example.org", "93.184.215.14",
            "internal.example.org", "10.1.2.3",
            "metadata.example.org", "169.254.169.254",
            "v6-private.example.org", "fd00::1");

    private final WebhookTargets production = targets(false, WebhookTargetsTest::fakeDns);
    private final WebhookTargets local = targets(true, WebhookTargetsTest::fakeDns);

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            https://127.0.0.1/hook                        | a loopback address
            https://127.1.2.3:8443/hook                   | a loopback address
            https://[::1]/hook                            | a loopback address
            https://localhost/hook                        | a loopback address
            https://10.0.0.1/hook                         | a private address
            https://172.16.5.4/hook                       | a private address
            https://192.168.1.1/hook                      | a private address
            https://169.254.169.254/latest/meta-data/     | a link-local address
            https://100.64.0.1/hook                       | a shared (carrier-grade NAT) address
            https://0.0.0.0/hook                          | an unspecified address
            https://[::]/hook                             | an unspecified address
            https://224.0.0.1/hook                        | a multicast address
            https://[ff02::1]/hook                        | a multicast address
            https://[fd12:3456::1]/hook                   | a private (unique local) address
            https://[fe80::1]/hook                        | a link-local address
            https://[::ffff:10.0.0.1]/hook                | a private address
            https://[64:ff9b::a9fe:a9fe]/hook             | a link-local address
            https://internal.example.org/hook             | a private address
            https://metadata.example.org/hook             | a link-local address
            https://v6-private.example.org/hook           | a private (unique local) address
            """)
    void privateLoopbackLinkLocalAndMetadataAddressesAreRefused(String url, String reason) {
        assertThatThrownBy(() -> production.check(url))
                .isInstanceOf(WebhookTargets.Refused.class)
                .hasMessageContaining("must not point to " + reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://hooks.example.org/hook", "ftp://hooks.example.org/hook", "hooks.example.org/hook",
            "https:///nohost", "mailto:ops@example.org"})
    void onlyHttpsIsAccepted(String url) {
        assertThatThrownBy(() -> production.check(url)).isInstanceOf(WebhookTargets.Refused.class);
    }

    @Test
    void credentialsInTheUrlAreRefused() {
        assertThatThrownBy(() -> production.check("https://user:pass@hooks.example.org/hook"))
                .hasMessage("must not carry credentials");
    }

    @Test
    void aHostThatDoesNotResolveIsRefused() {
        assertThatThrownBy(() -> production.check("https://nowhere.example.org/hook"))
                .hasMessage("names a host that does not resolve");
    }

    @Test
    void aPublicHttpsUrlIsAccepted() throws Exception {
        assertThat(production.check("https://hooks.example.org/haven?x=1")).isEqualTo(URI.create("https://hooks.example.org/haven?x=1"));
        assertThat(production.check("https://93.184.215.14:8443/hook")).hasHost("93.184.215.14");
    }

    @Test
    void theLocalProfileAcceptsHttpToLoopbackButNothingElsePrivate() throws Exception {
        assertThat(local.check("http://127.0.0.1:9999/hook")).hasPort(9999);
        assertThat(local.check("http://localhost:9999/hook")).hasHost("localhost");
        assertThatThrownBy(() -> local.check("http://hooks.example.org/hook"))
                .hasMessageContaining("http is allowed to loopback addresses only");
        assertThatThrownBy(() -> local.check("http://10.0.0.1/hook")).hasMessageContaining("a private address");
        assertThatThrownBy(() -> local.check("https://169.254.169.254/")).hasMessageContaining("a link-local address");
    }

    @Test
    void aHostWithAnyPrivateAddressAmongItsAnswersIsRefused() {
        WebhookTargets targets = targets(false, host -> List.of(InetAddress.getByName("93.184.215.14"),
                InetAddress.getByName("10.0.0.7")));

        assertThatThrownBy(() -> targets.check("https://round-robin.example.org/")).hasMessageContaining("a private address");
    }

    @Test
    void theAddressIsCheckedAgainAtSendTimeSoThatRebindingIsCaught() throws Exception {
        Deque<String> answers = new ArrayDeque<>(List.of("93.184.215.14", "169.254.169.254"));
        WebhookTargets targets = targets(false, host -> List.of(InetAddress.getByName(
                answers.size() > 1 ? answers.poll() : answers.peek())));
        URI registered = targets.check("https://rebinding.example.org/hook");

        assertThatThrownBy(() -> targets.resolve(registered)).isInstanceOf(WebhookTargets.Refused.class)
                .hasMessageContaining("a link-local address");
    }

    @Test
    void theCheckedAddressIsTheOneConnectedTo() throws Exception {
        WebhookTarget target = production.resolve(URI.create("https://hooks.example.org:8443/a/b?c=d%20e"));

        assertThat(target.pinned()).isEqualTo(URI.create("https://93.184.215.14:8443/a/b?c=d%20e"));
        assertThat(target.hostHeader()).isEqualTo("hooks.example.org:8443");
        assertThat(target.tls()).isTrue();
        assertThat(target.hostIsLiteral()).isFalse();
    }

    @Test
    void anIpv6TargetIsBracketedInTheUrlAndTheHostHeader() throws Exception {
        WebhookTarget target = targets(false, host -> List.of(InetAddress.getByName("2606:2800:220:1::1")))
                .resolve(URI.create("https://[2606:2800:220:1::1]/hook"));

        assertThat(target.pinned().toString()).startsWith("https://[2606:2800:220:1:0:0:0:1]/hook");
        assertThat(target.hostHeader()).isEqualTo("[2606:2800:220:1::1]");
        assertThat(target.hostIsLiteral()).isTrue();
    }

    private static WebhookTargets targets(boolean allowLoopback, HostResolver resolver) {
        return new WebhookTargets(resolver, new WebhookProperties(allowLoopback, Duration.ofSeconds(2), Duration.ofSeconds(5)));
    }

    private static List<InetAddress> fakeDns(String host) throws UnknownHostException {
        if (DNS.containsKey(host)) {
            return List.of(InetAddress.getByName(DNS.get(host)));
        }
        if (host.equals("localhost") || host.contains(".") && Character.isDigit(host.charAt(0)) || host.contains(":")) {
            return List.of(InetAddress.getAllByName(host));
        }
        throw new UnknownHostException(host);
    }
}
