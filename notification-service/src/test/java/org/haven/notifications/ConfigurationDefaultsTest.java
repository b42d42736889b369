package org.haven.notifications;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Loopback webhooks (and plain http) are a local-profile convenience, never a default. */
class ConfigurationDefaultsTest {

    @Test
    void onlyTheLocalProfileAllowsLoopbackWebhooks() {
        assertThat(yaml("application.yml").getProperty("haven.webhooks.allow-loopback")).isEqualTo("false");
        assertThat(yaml("application-local.yml").getProperty("haven.webhooks.allow-loopback")).isEqualTo("true");
    }

    @Test
    void theLocalProfileSendsMailToTheStacksSmtpCapture() {
        Properties local = yaml("application-local.yml");
        assertThat(local.getProperty("spring.mail.host")).isEqualTo("localhost");
        assertThat(local.getProperty("spring.mail.port")).isEqualTo("13025");
    }

    @Test
    void retriesGiveUpAfterADayByDefault() {
        assertThat(yaml("application.yml").getProperty("haven.notifications.delivery.give-up-after")).isEqualTo("24h");
    }

    private static Properties yaml(String name) {
        YamlPropertiesFactoryBean factory = new YamlPropertiesFactoryBean();
        factory.setResources(new ClassPathResource(name));
        return factory.getObject();
    }
}
