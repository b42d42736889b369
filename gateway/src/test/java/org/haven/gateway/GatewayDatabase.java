package org.haven.gateway;

import org.haven.infra.TestInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The gateway's own database ({@code haven_gateway}) on the real PostgreSQL every test JVM shares. */
public final class GatewayDatabase {

    private GatewayDatabase() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        registry.add("spring.datasource.url", () -> infrastructure.jdbcUrl("haven_gateway"));
        registry.add("spring.datasource.username", infrastructure::username);
        registry.add("spring.datasource.password", infrastructure::password);
    }
}
