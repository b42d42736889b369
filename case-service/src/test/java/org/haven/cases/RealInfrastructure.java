package org.haven.cases;

import org.haven.infra.TestInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a case-service under test at the real PostgreSQL and Kafka of {@link TestInfrastructure}. */
public final class RealInfrastructure {

    public static final String DATABASE = "haven_case";

    private RealInfrastructure() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        registry.add("spring.datasource.url", () -> infrastructure.jdbcUrl(DATABASE));
        registry.add("spring.datasource.username", infrastructure::username);
        registry.add("spring.datasource.password", infrastructure::password);
        registry.add("spring.kafka.bootstrap-servers", infrastructure::bootstrapServers);
        registry.add("haven.identity.keys[0].id", () -> "local-1");
        registry.add("haven.identity.keys[0].secret", () -> org.haven.support.identity.IdentityTokenIssuer.LOCAL_SECRET);
    }

    /** The same settings as command-line arguments, for tests that start and stop the application themselves. */
    public static String[] arguments(String database) {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        return new String[]{
                "--spring.datasource.url=" + infrastructure.jdbcUrl(database),
                "--spring.datasource.username=" + infrastructure.username(),
                "--spring.datasource.password=" + infrastructure.password(),
                "--spring.kafka.bootstrap-servers=" + infrastructure.bootstrapServers(),
                "--haven.identity.keys[0].id=local-1",
                "--haven.identity.keys[0].secret=" + org.haven.support.identity.IdentityTokenIssuer.LOCAL_SECRET,
        };
    }
}
