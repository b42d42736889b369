package org.haven.notifications;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.haven.infra.TestInfrastructure;
import org.haven.support.identity.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;

/**
 * One Spring context for every integration test of the service, on real servers: PostgreSQL and Kafka from
 * {@link TestInfrastructure}, GreenMail as the SMTP server, the local profile (its seeded recipients, loopback
 * webhooks allowed) with short timeouts, leases and retry windows so that retries and give-ups happen in seconds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "logging.level.org.apache.kafka=warn",
        "spring.kafka.listener.concurrency=2",
        "haven.webhooks.connect-timeout=1s",
        "haven.webhooks.read-timeout=2s",
        "haven.notifications.delivery.lease=4s",
        "haven.notifications.delivery.poll-interval=200ms",
        "haven.notifications.delivery.initial-backoff=100ms",
        "haven.notifications.delivery.max-backoff=400ms",
        "haven.notifications.delivery.give-up-after=3s",
        "haven.notifications.feed.heartbeat=1s"})
@ActiveProfiles("local")
@Import(TestDns.class)
abstract class NotificationServiceIntegrationTest {

    static final String GROUP = "notification-service";
    static final GreenMail MAIL = startMail();

    static CaseEventsTopic topic;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure infra = TestInfrastructure.shared();
        CaseEventsTopic.create(infra.bootstrapServers());
        registry.add("spring.datasource.url", () -> infra.jdbcUrl("haven_notification"));
        registry.add("spring.datasource.username", infra::username);
        registry.add("spring.datasource.password", infra::password);
        registry.add("spring.kafka.bootstrap-servers", infra::bootstrapServers);
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @BeforeAll
    static void producer() {
        topic = new CaseEventsTopic(TestInfrastructure.shared().bootstrapServers());
    }

    @AfterAll
    static void closeProducer() {
        topic.close();
    }

    private static GreenMail startMail() {
        GreenMail mail = new GreenMail(new ServerSetup(TestInfrastructure.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(mail::stop, "greenmail-stop"));
        return mail;
    }

    Api api(String organizationId, String subject, Role... roles) {
        return new Api(port, organizationId, subject, List.of(roles), null);
    }

    Api caseworker(String organizationId) {
        return api(organizationId, "user:test-caseworker", Role.CASEWORKER);
    }

    Api admin(String organizationId) {
        return api(organizationId, "user:test-admin", Role.ADMIN);
    }

    static String newOrganization() {
        return "org-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Emails GreenMail received that mention this case (its reference is in the subject and body). */
    static List<MimeMessage> emailsAbout(String caseRef) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(message -> {
            try {
                return message.getSubject().contains(caseRef);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static <T> T eventually(Supplier<T> value, java.util.function.Predicate<T> until) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(value::get, until);
    }
}
