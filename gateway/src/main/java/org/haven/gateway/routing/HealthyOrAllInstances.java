package org.haven.gateway.routing;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

import java.util.List;

/**
 * The instances whose health check passed; when none did, all configured instances, so that a request still
 * tries them and an outage is answered as what it is (502, the connection refused or reset) rather than as
 * "no instance". A stale check then costs a failed request, never a refused one.
 */
final class HealthyOrAllInstances extends DelegatingServiceInstanceListSupplier implements InitializingBean, DisposableBean {

    private final ServiceInstanceListSupplier configured;

    HealthyOrAllInstances(ServiceInstanceListSupplier healthy, ServiceInstanceListSupplier configured) {
        super(healthy);
        this.configured = configured;
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        return getDelegate().get().concatMap(healthy -> healthy.isEmpty() ? configured.get().take(1) : Flux.just(healthy));
    }

    // The health checks run in the background from start to stop; Spring calls these on this bean only.
    @Override
    public void afterPropertiesSet() throws Exception {
        if (getDelegate() instanceof InitializingBean checks) {
            checks.afterPropertiesSet();
        }
    }

    @Override
    public void destroy() throws Exception {
        if (getDelegate() instanceof DisposableBean checks) {
            checks.destroy();
        }
    }
}
