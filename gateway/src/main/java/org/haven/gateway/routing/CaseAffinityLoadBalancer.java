package org.haven.gateway.routing;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.DefaultResponse;
import org.springframework.cloud.client.loadbalancer.EmptyResponse;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.loadbalancer.core.ReactorServiceInstanceLoadBalancer;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses the instance of a service for one request. A request about one case ({@code /api/cases/{id}/…},
 * {@code /api/audit/cases/{id}/…}) goes to the instance that wins a rendezvous hash of the case id among the
 * live instances: every gateway sends a case to the same instance, whose cached copy of the case then stays the
 * current one and whose read model shows its own writes first; when an instance goes, only its cases move.
 * Every other request goes round-robin.
 */
final class CaseAffinityLoadBalancer implements ReactorServiceInstanceLoadBalancer {

    private static final Pattern ONE_CASE = Pattern.compile("^/api/(?:audit/)?cases/([^/]+)");

    // The supplier itself, not an ObjectProvider looked up per request as Spring Cloud's own balancers do: that
    // lookup resolved the bean on every request, 6 % of the gateway's CPU under load (a JFR profile by hand).
    private final ServiceInstanceListSupplier instances;
    private final AtomicInteger next = new AtomicInteger();

    CaseAffinityLoadBalancer(ServiceInstanceListSupplier instances) {
        this.instances = instances;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Mono<Response<ServiceInstance>> choose(Request request) {
        Optional<String> caseId = caseIdOf(request);
        return instances.get(request).next().map(live -> choose(live, caseId));
    }

    Response<ServiceInstance> choose(List<ServiceInstance> live, Optional<String> caseId) {
        if (live.isEmpty()) {
            return new EmptyResponse();
        }
        if (live.size() == 1) {
            return new DefaultResponse(live.getFirst());
        }
        if (caseId.isPresent()) {
            return new DefaultResponse(ownerOf(caseId.get(), live));
        }
        return new DefaultResponse(live.get(Math.floorMod(next.getAndIncrement(), live.size())));
    }

    /** The instance with the highest hash of (case, instance): stable for a case while its instance lives. */
    static ServiceInstance ownerOf(String caseId, List<ServiceInstance> live) {
        ServiceInstance owner = live.getFirst();
        long best = Long.MIN_VALUE;
        for (ServiceInstance instance : live) {
            long score = hash(caseId + "|" + instance.getUri());
            if (score > best || (score == best && instance.getUri().toString().compareTo(owner.getUri().toString()) < 0)) {
                best = score;
                owner = instance;
            }
        }
        return owner;
    }

    @SuppressWarnings("rawtypes")
    static Optional<String> caseIdOf(Request request) {
        if (request.getContext() instanceof RequestDataContext context && context.getClientRequest() != null) {
            return caseIdOf(context.getClientRequest().getUrl().getRawPath());
        }
        return Optional.empty();
    }

    static Optional<String> caseIdOf(String path) {
        Matcher matcher = ONE_CASE.matcher(path);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** FNV-1a over the UTF-8 bytes, then SplitMix64's finalizer: the same on every gateway and every JVM. */
    private static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
