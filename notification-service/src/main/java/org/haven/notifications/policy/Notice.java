package org.haven.notifications.policy;

import org.jspecify.annotations.Nullable;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What to tell about one case event: its kind, the template keys of its message and next step, the rule
 * it concerns (where there is one) and the facts the templates and webhooks show.
 */
public record Notice(
        String eventType,
        NotificationKind kind,
        String messageKey,
        String nextStepKey,
        @Nullable String ruleId,
        @Nullable String citation,
        Map<Fact, String> facts) {

    public Notice {
        // In Fact order, so that stored facts and webhook bodies list them the same way every time.
        facts = facts.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(facts));
    }
}
