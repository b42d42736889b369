package org.haven.gateway.docs;

import io.netty.channel.ChannelOption;
import org.haven.gateway.identity.IdentityTokenSigner;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
public class DocsConfiguration {

    /** Asks one instance of each service, chosen as for any request ({@code http://<service>/…} through the load balancer). */
    @Bean
    ServiceSpecs serviceSpecs(GatewayProperties gateway, IdentityTokenSigner signer, JsonMapper json,
                              LoadBalancedExchangeFilterFunction loadBalancer) {
        HttpClient http = HttpClient.create().option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000);
        return new ServiceSpecs(WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).filter(loadBalancer)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)), gateway, signer, json);
    }
}
