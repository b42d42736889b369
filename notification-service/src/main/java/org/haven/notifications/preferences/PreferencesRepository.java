package org.haven.notifications.preferences;

import org.haven.events.ReminderSettings;
import org.haven.events.vocabulary.DeadlineType;
import org.haven.notifications.delivery.Channel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The {@code notification_preferences} table; an organization without a row has the defaults. */
@Repository
class PreferencesRepository {

    private static final TypeReference<Map<DeadlineType, List<Integer>>> LEAD_TIMES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PreferencesRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    NotificationPreferences of(String organizationId) {
        return jdbc.sql("""
                        select event_types, channels, reminder_lead_times::text as lead_times, updated_at, updated_by
                          from notification_preferences where organization_id = :organizationId""")
                .param("organizationId", organizationId)
                .query((rs, row) -> new NotificationPreferences(
                        List.of((String[]) rs.getArray("event_types").getArray()),
                        Arrays.stream((String[]) rs.getArray("channels").getArray()).map(Channel::valueOf).toList(),
                        new EnumMap<>(json.readValue(rs.getString("lead_times"), LEAD_TIMES)),
                        rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by")))
                .optional()
                .orElseGet(NotificationPreferences::defaults);
    }

    /** Every organization with stored preferences: their reminder lead times as case-service is told them. */
    List<ReminderSettings> allReminderSettings() {
        return jdbc.sql("select organization_id, reminder_lead_times::text as lead_times, updated_at from notification_preferences")
                .query((rs, row) -> new ReminderSettings(rs.getString("organization_id"),
                        new EnumMap<>(json.readValue(rs.getString("lead_times"), LEAD_TIMES)),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
    }

    NotificationPreferences save(String organizationId, NotificationPreferences preferences, String by) {
        jdbc.sql("""
                        insert into notification_preferences (organization_id, event_types, channels, reminder_lead_times,
                                                              updated_at, updated_by)
                        values (:organizationId, :eventTypes, :channels, cast(:leadTimes as jsonb), now(), :by)
                        on conflict (organization_id) do update set
                            event_types = excluded.event_types, channels = excluded.channels,
                            reminder_lead_times = excluded.reminder_lead_times, updated_at = now(),
                            updated_by = excluded.updated_by""")
                .param("organizationId", organizationId)
                .param("eventTypes", preferences.eventTypes().toArray(String[]::new))
                .param("channels", preferences.channels().stream().map(Channel::name).toArray(String[]::new))
                .param("leadTimes", json.writeValueAsString(preferences.reminderLeadTimes()))
                .param("by", by)
                .update();
        return of(organizationId);
    }
}
