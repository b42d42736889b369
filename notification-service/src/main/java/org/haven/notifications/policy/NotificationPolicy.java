package org.haven.notifications.policy;

import org.haven.events.CaseEventPayload;
import org.haven.events.CaseEventPayload.AdjustmentEligible;
import org.haven.events.CaseEventPayload.AsylumDeadlineApproaching;
import org.haven.events.CaseEventPayload.AsylumDenied;
import org.haven.events.CaseEventPayload.AsylumFiled;
import org.haven.events.CaseEventPayload.AsylumGranted;
import org.haven.events.CaseEventPayload.CaseAssigned;
import org.haven.events.CaseEventPayload.CaseOpened;
import org.haven.events.CaseEventPayload.DeadlineApproaching;
import org.haven.events.CaseEventPayload.DepartureRecorded;
import org.haven.events.CaseEventPayload.EadApproved;
import org.haven.events.CaseEventPayload.EadDenied;
import org.haven.events.CaseEventPayload.EadExpiring;
import org.haven.events.CaseEventPayload.EadFiled;
import org.haven.events.CaseEventPayload.ParoleDenied;
import org.haven.events.CaseEventPayload.ParoleExpired;
import org.haven.events.CaseEventPayload.ParoleExpiring;
import org.haven.events.CaseEventPayload.ParoleGranted;
import org.haven.events.CaseEventPayload.ParoleTerminated;
import org.haven.events.CaseEventPayload.TpsGranted;
import org.haven.events.CaseEventPayload.UnlawfulPresenceThresholdReached;
import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

import static org.haven.notifications.policy.NotificationKind.UPDATE;
import static org.haven.notifications.policy.NotificationKind.URGENT_ALERT;
import static org.haven.notifications.policy.NotificationKind.URGENT_REMINDER;

/**
 * Every case event that gives a notification, in one table: its kind, the keys of its message and of
 * what to do next (in {@code notifications/messages*.properties}), and — where the event does not carry
 * one itself — the rule it concerns. Events not listed give no notification. Deadline events carry their
 * own rule id and citation (computed by eligibility-service), so their rows leave the rule empty.
 */
public enum NotificationPolicy {

    //                     event                                   kind             message                 next step
    // Deadlines coming due: urgent reminders
    PAROLE_EXPIRING(ParoleExpiring.class,                          URGENT_REMINDER, "parole-expiring",      "file-reparole"),
    PAROLE_EXPIRED(ParoleExpired.class,                            URGENT_REMINDER, "parole-expired",       "act-on-expired-parole"),
    ASYLUM_DEADLINE_APPROACHING(AsylumDeadlineApproaching.class,   URGENT_REMINDER, "asylum-deadline",      "file-asylum"),
    UNLAWFUL_PRESENCE_THRESHOLD(UnlawfulPresenceThresholdReached.class, URGENT_REMINDER, "unlawful-presence", "advise-before-departure"),
    EAD_EXPIRING(EadExpiring.class,                                URGENT_REMINDER, "ead-expiring",         "renew-ead"),
    ADJUSTMENT_ELIGIBLE(AdjustmentEligible.class,                  URGENT_REMINDER, "adjustment-eligible",  "file-adjustment"),
    DEADLINE_APPROACHING(DeadlineApproaching.class,                URGENT_REMINDER, "deadline-approaching", "meet-deadline"),

    // A departure that risks the asylum application: urgent alert (8 CFR 208.8(a))
    ASYLUM_ABANDONMENT(DepartureRecorded.class,                    URGENT_ALERT,    "asylum-abandonment",   "contact-client-about-departure",
            "ASYLUM-ABANDONMENT", "8 CFR 208.8(a)",
            (event, kase) -> event instanceof DepartureRecorded departure && !departure.advanceParole() && kase.asylumPending()),

    // Facts recorded on the case: updates
    CASE_OPENED(CaseOpened.class,                                  UPDATE,          "case-opened",          "review-new-case"),
    CASE_ASSIGNED(CaseAssigned.class,                              UPDATE,          "case-assigned",        "review-assigned-case"),
    PAROLE_GRANTED(ParoleGranted.class,                            UPDATE,          "parole-granted",       "plan-for-parole-end"),
    PAROLE_DENIED(ParoleDenied.class,                              UPDATE,          "parole-denied",        "review-denial"),
    PAROLE_TERMINATED(ParoleTerminated.class,                      UPDATE,          "parole-terminated",    "review-termination"),
    EAD_FILED(EadFiled.class,                                      UPDATE,          "ead-filed",            "track-receipt"),
    EAD_APPROVED(EadApproved.class,                                UPDATE,          "ead-approved",         "note-ead-validity"),
    EAD_DENIED(EadDenied.class,                                    UPDATE,          "ead-denied",           "review-denial"),
    ASYLUM_FILED(AsylumFiled.class,                                UPDATE,          "asylum-filed",         "advise-on-travel"),
    ASYLUM_GRANTED(AsylumGranted.class,                            UPDATE,          "asylum-granted",       "plan-adjustment"),
    ASYLUM_DENIED(AsylumDenied.class,                              UPDATE,          "asylum-denied",        "review-denial"),
    TPS_GRANTED(TpsGranted.class,                                  UPDATE,          "tps-granted",          "note-tps-validity");

    private final Class<? extends CaseEventPayload> event;
    private final NotificationKind kind;
    private final String messageKey;
    private final String nextStepKey;
    private final @Nullable String ruleId;
    private final @Nullable String citation;
    private final BiPredicate<CaseEventPayload, CaseContext> when;

    NotificationPolicy(Class<? extends CaseEventPayload> event, NotificationKind kind, String message, String nextStep) {
        this(event, kind, message, nextStep, null, null, (payload, kase) -> true);
    }

    NotificationPolicy(Class<? extends CaseEventPayload> event, NotificationKind kind, String message, String nextStep,
                       @Nullable String ruleId, @Nullable String citation,
                       BiPredicate<CaseEventPayload, CaseContext> when) {
        this.event = event;
        this.kind = kind;
        this.messageKey = "message." + message;
        this.nextStepKey = "next-step." + nextStep;
        this.ruleId = ruleId;
        this.citation = citation;
        this.when = when;
    }

    /** The notification this event gives on a case in this state, if any. */
    public static Optional<Notice> decide(CaseEventPayload payload, CaseContext kase) {
        return Arrays.stream(values())
                .filter(policy -> policy.event.isInstance(payload) && policy.when.test(payload, kase))
                .findFirst()
                .map(policy -> policy.notice(payload));
    }

    /** Whether events of this type can give a notification (in some case state). */
    public static boolean concerns(Class<? extends CaseEventPayload> type) {
        return LISTED_EVENTS.contains(type);
    }

    /** The event types of the table (records: an event is an instance of its listed type only). */
    private static final Set<Class<? extends CaseEventPayload>> LISTED_EVENTS = Arrays.stream(values())
            .map(policy -> policy.event).collect(Collectors.toUnmodifiableSet());

    /** The event types that can give a notification: what webhooks subscribe to and preferences switch. */
    public static Set<String> eventTypes() {
        return Arrays.stream(values()).map(NotificationPolicy::eventType)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public String eventType() {
        return event.getSimpleName();
    }

    public NotificationKind kind() {
        return kind;
    }

    public String messageKey() {
        return messageKey;
    }

    public String nextStepKey() {
        return nextStepKey;
    }

    private Notice notice(CaseEventPayload payload) {
        String rule = ruleId;
        String cited = citation;
        if (payload instanceof CaseEventPayload.DeadlineReached deadline) {
            rule = deadline.ruleId();
            cited = deadline.citation();
        }
        return new Notice(eventType(), kind, messageKey, nextStepKey, rule, cited, EventFacts.of(payload));
    }
}
