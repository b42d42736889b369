package org.haven.cases.deadlines;

import org.haven.cases.domain.deadlines.OrganizationReminderDays;
import org.haven.events.ReminderSettings;
import org.haven.events.vocabulary.DeadlineType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code organization_reminder_days} table: each organization's reminder days as notification-service last
 * published them. Read on every recorded assessment, so kept in memory for a few seconds per organization; all
 * instances read the same table, so a change reaches each of them within {@link #REMEMBERED}.
 */
@Component
class ReminderSettingsStore implements OrganizationReminderDays {

    static final Duration REMEMBERED = Duration.ofSeconds(5);
    private static final TypeReference<Map<DeadlineType, List<Integer>>> DAYS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    ReminderSettingsStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    private record Remembered(Map<DeadlineType, List<Integer>> days, long readAtNanos) {
    }

    @Override
    public Map<DeadlineType, List<Integer>> of(String organizationId) {
        Remembered known = remembered.get(organizationId);
        if (known != null && System.nanoTime() - known.readAtNanos() < REMEMBERED.toNanos()) {
            return known.days();
        }
        Map<DeadlineType, List<Integer>> days = jdbc.sql("select reminder_days::text from organization_reminder_days where organization_id = ?")
                .param(organizationId)
                .query(String.class)
                .optional()
                .<Map<DeadlineType, List<Integer>>>map(text -> new EnumMap<>(json.readValue(text, DAYS)))
                .orElse(Map.of());
        remembered.put(organizationId, new Remembered(Map.copyOf(days), System.nanoTime()));
        return days;
    }

    /**
     * Keeps the newer of what is stored and what arrived (a republished or redelivered record changes nothing).
     * Whether the organization's days changed.
     */
    boolean save(ReminderSettings settings) {
        String days = json.writeValueAsString(settings.reminderDaysBefore());
        Boolean changed = jdbc.sql("""
                        with before as (select reminder_days from organization_reminder_days where organization_id = ?)
                        insert into organization_reminder_days (organization_id, reminder_days, settings_updated_at, received_at)
                        values (?, cast(? as jsonb), ?, now())
                        on conflict (organization_id) do update set
                            reminder_days = excluded.reminder_days, settings_updated_at = excluded.settings_updated_at,
                            received_at = now()
                        where organization_reminder_days.settings_updated_at <= excluded.settings_updated_at
                        returning reminder_days is distinct from (select reminder_days from before)""")
                .params(settings.organizationId(), settings.organizationId(), days, Timestamp.from(settings.updatedAt()))
                .query(Boolean.class)
                .optional()
                .orElse(false);
        remembered.remove(settings.organizationId());
        return changed;
    }
}
