package org.haven.notifications.preferences;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.haven.events.vocabulary.DeadlineType;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;

/** {@code PUT /api/notification-preferences}: the whole set, replacing what was there. */
public record PreferencesRequest(
        @NotNull @Size(max = 100) @Nullable List<@NotNull String> eventTypes,
        @NotNull @Size(max = 2) @Nullable List<@NotNull String> channels,
        @NotNull @Nullable Map<DeadlineType, @NotNull @Size(min = 1, max = 10) List<@NotNull Integer>> reminderLeadTimes) {
}
