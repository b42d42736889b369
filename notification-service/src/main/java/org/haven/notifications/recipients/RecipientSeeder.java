package org.haven.notifications.recipients;

import org.haven.notifications.templates.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Writes the configured recipients before the Kafka listeners start (singletons are ready, lifecycle beans
 * not yet started), so that the first events already find their caseworkers' addresses.
 */
@Component
@EnableConfigurationProperties(RecipientSeedProperties.class)
class RecipientSeeder implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(RecipientSeeder.class);

    private final RecipientSeedProperties properties;
    private final Recipients recipients;

    RecipientSeeder(RecipientSeedProperties properties, Recipients recipients) {
        this.properties = properties;
        this.recipients = recipients;
    }

    @Override
    public void afterSingletonsInstantiated() {
        properties.seed().forEach(seed -> recipients.save(
                new Recipient(seed.organizationId(), seed.userId(), seed.email(), Language.of(seed.language()))));
        if (!properties.seed().isEmpty()) {
            log.info("Seeded {} notification recipients from configuration", properties.seed().size());
        }
    }
}
