package org.haven.gateway.problem;

import org.haven.gateway.GatewayDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points the gateway's three services at one address (a broken service under test), with the gateway's database. */
final class EveryServiceAt {

    private EveryServiceAt() {
    }

    static void register(DynamicPropertyRegistry registry, String uri) {
        registry.add("haven.gateway.services.case", () -> uri);
        registry.add("haven.gateway.services.eligibility", () -> uri);
        registry.add("haven.gateway.services.notification", () -> uri);
        GatewayDatabase.register(registry);
    }
}
