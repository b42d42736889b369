package org.haven.gateway.routing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.DefaultRequest;
import org.springframework.cloud.client.loadbalancer.RequestData;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.loadbalancer.support.ServiceInstanceListSuppliers;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.util.LinkedMultiValueMap;

import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class CaseAffinityLoadBalancerTest {

    private static final ServiceInstance FIRST = instance("http://localhost:8081");
    private static final ServiceInstance SECOND = instance("http://localhost:8181");
    private static final ServiceInstance THIRD = instance("http://localhost:8281");

    private static ServiceInstance instance(String uri) {
        URI address = URI.create(uri);
        return new DefaultServiceInstance(uri, "case-service", address.getHost(), address.getPort(), false);
    }

    private static CaseAffinityLoadBalancer over(ServiceInstance... instances) {
        return new CaseAffinityLoadBalancer(ServiceInstanceListSuppliers.from("case-service", instances));
    }

    private static ServiceInstance chosen(CaseAffinityLoadBalancer balancer, String path) {
        var request = new DefaultRequest<>(new RequestDataContext(new RequestData(HttpMethod.POST,
                URI.create("http://localhost:8080" + path), new HttpHeaders(), new LinkedMultiValueMap<>(), Map.of())));
        var response = balancer.choose(request).block();
        assertThat(response).isNotNull();
        assertThat(response.hasServer()).isTrue();
        return response.getServer();
    }

    @ParameterizedTest
    @CsvSource({
            "/api/cases/3f1c/notes,          3f1c",
            "/api/cases/3f1c,                3f1c",
            "/api/cases/3f1c/history,        3f1c",
            "/api/audit/cases/3f1c/verify,   3f1c"})
    void aPathAboutOneCaseNamesTheCase(String path, String caseId) {
        assertThat(CaseAffinityLoadBalancer.caseIdOf(path)).contains(caseId);
    }

    @ParameterizedTest
    @CsvSource({"/api/cases", "/api/deadlines", "/api/audit/replays/1", "/api/eligibility/screenings"})
    void otherPathsNameNoCase(String path) {
        assertThat(CaseAffinityLoadBalancer.caseIdOf(path)).isEmpty();
    }

    @Test
    void everyRequestAboutOneCaseGoesToTheSameInstance() {
        CaseAffinityLoadBalancer balancer = over(FIRST, SECOND);
        for (int i = 0; i < 50; i++) {
            String caseId = UUID.randomUUID().toString();
            ServiceInstance owner = chosen(balancer, "/api/cases/" + caseId + "/notes");
            assertThat(chosen(balancer, "/api/cases/" + caseId)).isEqualTo(owner);
            assertThat(chosen(balancer, "/api/cases/" + caseId + "/parole-grants")).isEqualTo(owner);
            // another gateway (its own balancer, the instances listed in another order) agrees
            assertThat(chosen(over(SECOND, FIRST), "/api/cases/" + caseId + "/history")).isEqualTo(owner);
        }
    }

    @Test
    void casesAreSpreadOverTheInstances() {
        CaseAffinityLoadBalancer balancer = over(FIRST, SECOND);
        Map<ServiceInstance, Integer> cases = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            cases.merge(chosen(balancer, "/api/cases/" + UUID.randomUUID() + "/notes"), 1, Integer::sum);
        }
        assertThat(cases.get(FIRST)).isBetween(400, 600);
        assertThat(cases.get(SECOND)).isBetween(400, 600);
    }

    @Test
    void whenAnInstanceGoesOnlyItsCasesMove() {
        List<String> caseIds = IntStream.range(0, 300).mapToObj(i -> UUID.randomUUID().toString()).toList();
        CaseAffinityLoadBalancer three = over(FIRST, SECOND, THIRD);
        CaseAffinityLoadBalancer withoutThird = over(FIRST, SECOND);
        for (String caseId : caseIds) {
            ServiceInstance before = chosen(three, "/api/cases/" + caseId);
            ServiceInstance after = chosen(withoutThird, "/api/cases/" + caseId);
            if (!before.equals(THIRD)) {
                assertThat(after).as(caseId).isEqualTo(before);
            }
        }
    }

    @Test
    void requestsAboutNoCaseTakeTurns() {
        CaseAffinityLoadBalancer balancer = over(FIRST, SECOND);
        Set<ServiceInstance> seen = new HashSet<>();
        ServiceInstance previous = null;
        for (int i = 0; i < 6; i++) {
            ServiceInstance next = chosen(balancer, "/api/cases");
            assertThat(next).isNotEqualTo(previous);
            seen.add(next);
            previous = next;
        }
        assertThat(seen).containsExactlyInAnyOrder(FIRST, SECOND);
    }

    @Test
    void withNoInstanceThereIsNoChoice() {
        var response = over().choose(new DefaultRequest<>()).block();
        assertThat(response).isNotNull();
        assertThat(response.hasServer()).isFalse();
        assertThat(CaseAffinityLoadBalancer.caseIdOf(new DefaultRequest<>())).isEqualTo(Optional.empty());
    }
}
