package org.haven.gateway;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.UUID;

/**
 * The gateway on a random port with the local profile, in front of three real stub services, trusting a test
 * OIDC provider. Every test
 * class extending this shares one application context and one set of stubs; tests use unique paths so
 * that what one test sent never shows up in another's assertions.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s",
        "haven.gateway.services.health-timeout=1s",
        // Far above what any test sends, so that no test but RateLimitTest ever meets a 429.
        "haven.gateway.limits.rate.requests-per-second=1000",
        "haven.gateway.limits.rate.burst=1000"})
@ActiveProfiles("local")
public abstract class GatewayTestSupport {

    public static final String CASEWORKER_A_KEY = "hvn_dev_a_caseworker";
    public static final String IDENTITY_SECRET = "local-dev-identity-secret-not-for-production-0001";

    protected static final DownstreamStub caseService = DownstreamStub.start("case");
    protected static final DownstreamStub eligibilityService = DownstreamStub.start("eligibility");
    protected static final DownstreamStub notificationService = DownstreamStub.start("notification");
    protected static final TestOidcProvider identityProvider = TestOidcProvider.start();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("haven.gateway.services.case", () -> caseService.baseUri().toString());
        registry.add("haven.gateway.services.eligibility", () -> eligibilityService.baseUri().toString());
        registry.add("haven.gateway.services.notification", () -> notificationService.baseUri().toString());
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", identityProvider::jwkSetUri);
        GatewayDatabase.register(registry);
    }

    @LocalServerPort
    int port;

    protected WebTestClient gateway;

    @BeforeEach
    void gatewayClient() {
        gateway = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(15))
                .build();
    }

    protected static String unique(String prefix) {
        return prefix + "/" + UUID.randomUUID();
    }

    protected static DownstreamStub stub(String service) {
        return switch (service) {
            case "case" -> caseService;
            case "eligibility" -> eligibilityService;
            case "notification" -> notificationService;
            default -> throw new IllegalArgumentException(service);
        };
    }
}
