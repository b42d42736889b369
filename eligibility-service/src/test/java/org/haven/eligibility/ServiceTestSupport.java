package org.haven.eligibility;

import org.haven.infra.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The one Spring context of this module's tests: the whole service on a random port, against the shared real
 * PostgreSQL and Kafka, with "today" fixed so that assessments are reproducible. Every Spring test extends this
 * class and adds nothing to the context, so the context is started once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "logging.level.org.apache.kafka=warn",
        "haven.eligibility.outbox-poll-interval=100ms"})
@ActiveProfiles("local")
@Import(FixedToday.class)
public abstract class ServiceTestSupport {

    public static final ZoneId ZONE = ZoneId.of("America/New_York");
    public static final Instant NOW = Instant.parse("2026-11-28T15:00:00Z");
    public static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZONE);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure infra = TestInfrastructure.shared();
        registry.add("spring.datasource.url", () -> infra.jdbcUrl("haven_eligibility"));
        registry.add("spring.datasource.username", infra::username);
        registry.add("spring.datasource.password", infra::password);
        registry.add("spring.kafka.bootstrap-servers", infra::bootstrapServers);
    }
}
