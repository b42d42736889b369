package org.haven.notifications.preferences;

import org.haven.events.vocabulary.DeadlineType;
import org.haven.notifications.delivery.Channel;
import org.haven.notifications.policy.NotificationPolicy;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An organization's choices. Event types and channels are applied to every notification as it is made.
 * Reminder lead times are published to case-service, which schedules the reminders ({@link ReminderSettingsPublisher}):
 * a kind of deadline named here fires on these days instead of the rules' (rules.md: 90/60/30 for parole), in every
 * assessment case-service records from then on and, re-planned at once, in the organization's open cases.
 *
 * @param eventTypes        the event types that notify at all (all of {@link NotificationPolicy} by default)
 * @param channels          the optional channels in use: {@code EMAIL}, {@code WEBHOOK}; the in-app feed is always on
 * @param reminderLeadTimes days before each kind of deadline to be reminded, longest first
 * @param updatedBy         who last changed them; null while they are the defaults
 */
public record NotificationPreferences(
        List<String> eventTypes,
        List<Channel> channels,
        Map<DeadlineType, List<Integer>> reminderLeadTimes,
        @Nullable Instant updatedAt,
        @Nullable String updatedBy) {

    static final List<Channel> OPTIONAL_CHANNELS = List.of(Channel.EMAIL, Channel.WEBHOOK);

    /** rules.md: parole 90/60/30, asylum one-year 90/30/7, EAD renewal 180 before expiry, RFE 30/14/7. */
    static final Map<DeadlineType, List<Integer>> DEFAULT_LEAD_TIMES = defaultLeadTimes();

    public static NotificationPreferences defaults() {
        return new NotificationPreferences(List.copyOf(NotificationPolicy.eventTypes()), OPTIONAL_CHANNELS,
                DEFAULT_LEAD_TIMES, null, null);
    }

    public boolean notifies(String eventType) {
        return eventTypes.contains(eventType);
    }

    public boolean sends(Channel channel) {
        return channel == Channel.IN_APP || channels.contains(channel);
    }

    private static Map<DeadlineType, List<Integer>> defaultLeadTimes() {
        Map<DeadlineType, List<Integer>> leadTimes = new EnumMap<>(DeadlineType.class);
        leadTimes.put(DeadlineType.PAROLE_EXPIRY, List.of(90, 60, 30));
        leadTimes.put(DeadlineType.ASYLUM_ONE_YEAR, List.of(90, 30, 7));
        leadTimes.put(DeadlineType.EAD_EXPIRY, List.of(180));
        leadTimes.put(DeadlineType.RFE_RESPONSE_DUE, List.of(30, 14, 7));
        return java.util.Collections.unmodifiableMap(leadTimes);
    }
}
