package org.haven.gateway.routing;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.support.ServiceInstanceListSuppliers;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HealthyOrAllInstancesTest {

    private static final ServiceInstance FIRST = new DefaultServiceInstance("1", "case-service", "localhost", 8081, false);
    private static final ServiceInstance SECOND = new DefaultServiceInstance("2", "case-service", "localhost", 8181, false);

    @Test
    void theInstancesThatPassedTheirHealthCheckAreOffered() {
        var supplier = new HealthyOrAllInstances(ServiceInstanceListSuppliers.from("case-service", SECOND),
                ServiceInstanceListSuppliers.from("case-service", FIRST, SECOND));

        assertThat(supplier.get().blockFirst()).containsExactly(SECOND);
    }

    @Test
    void whenNoInstancePassedEveryConfiguredOneIsOfferedSoAnOutageAnswersAsOne() {
        var supplier = new HealthyOrAllInstances(ServiceInstanceListSuppliers.from("case-service"),
                ServiceInstanceListSuppliers.from("case-service", FIRST, SECOND));

        assertThat(supplier.get().blockFirst()).isEqualTo(List.of(FIRST, SECOND));
    }
}
