package org.haven.notifications;

import org.flywaydb.core.Flyway;
import org.haven.infra.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A database written by the walking skeleton (V1) keeps its feed when V2 turns it into the delivery log. */
class MigrationTest {

    @Test
    void aV1FeedMigratesToPerReaderNotificationsWithADeliveryLog() {
        TestInfrastructure infra = TestInfrastructure.shared();
        String database = "haven_notification_migration_" + UUID.randomUUID().toString().substring(0, 8);
        DriverManagerDataSource dataSource = new DriverManagerDataSource(infra.jdbcUrl(database), infra.username(), infra.password());
        Flyway.configure().dataSource(dataSource).target("1").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        UUID notification = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        jdbc.sql("""
                insert into notification (id, organization_id, case_id, event_id, event_type, kind, message_key, message, created_at)
                values (?, 'org-a', ?, ?, 'CaseOpened', 'UPDATE', 'case.opened', 'Case opened', now())""")
                .params(notification, UUID.randomUUID(), event).update();
        jdbc.sql("""
                insert into notification_delivery (id, notification_id, channel, status, attempts, updated_at)
                values (?, ?, 'IN_APP', 'DELIVERED', 1, now())""").params(UUID.randomUUID(), notification).update();

        Flyway.configure().dataSource(dataSource).load().migrate();

        Map<String, Object> migrated = jdbc.sql("select message_key, next_step_key, facts::text as facts from notification").query().singleRow();
        assertThat(migrated).containsEntry("message_key", "message.case-opened")
                .containsEntry("next_step_key", "next-step.review-new-case").containsEntry("facts", "{}");
        Map<String, Object> delivery = jdbc.sql("select organization_id, event_id, recipient, status from notification_delivery")
                .query().singleRow();
        assertThat(delivery).containsEntry("organization_id", "org-a").containsEntry("event_id", event)
                .containsEntry("recipient", "org-a").containsEntry("status", "DELIVERED");
    }
}
