package org.haven.events;

import org.haven.events.vocabulary.DeadlineType;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An organization's reminder lead times on {@link Topics#REMINDER_SETTINGS}: for each kind of deadline it names, the
 * days before the due date on which its reminders fire, in place of the rules' days ({@link Assessment.Deadline#remindDaysBefore()}).
 * A kind it does not name keeps the rules' days. {@code updatedAt} orders the versions of one organization's settings.
 */
public record ReminderSettings(String organizationId, Map<DeadlineType, List<Integer>> reminderDaysBefore, Instant updatedAt) {
}
