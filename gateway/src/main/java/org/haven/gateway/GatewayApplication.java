package org.haven.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Haven's only public entry point: authenticates callers, replaces whatever identity they claim with a
 * token the gateway signs, and routes {@code /api/**} to the service that owns each path.
 */
@SpringBootApplication
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
