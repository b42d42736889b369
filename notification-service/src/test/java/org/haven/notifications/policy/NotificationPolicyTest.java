package org.haven.notifications.policy;

import org.haven.events.CaseEventPayload;
import org.haven.events.CaseEventPayload.DepartureRecorded;
import org.haven.events.vocabulary.ClockStopReason;
import org.haven.events.vocabulary.EntryManner;
import org.haven.events.vocabulary.Filing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationPolicyTest {

    @ParameterizedTest(name = "{0} is {1}: {2}, then {3}, rule {4}")
    @CsvSource(nullValues = "-", textBlock = """
            # event type                       kind             message key                    next step key                              rule id
            ParoleExpiring,                    URGENT_REMINDER, message.parole-expiring,       next-step.file-reparole,                   PAROLE-EXPIRING
            ParoleExpired,                     URGENT_REMINDER, message.parole-expired,        next-step.act-on-expired-parole,           PAROLE-END
            AsylumDeadlineApproaching,         URGENT_REMINDER, message.asylum-deadline,       next-step.file-asylum,                     ASYLUM-ONE-YEAR
            UnlawfulPresenceThresholdReached,  URGENT_REMINDER, message.unlawful-presence,     next-step.advise-before-departure,         UNLAWFUL-PRESENCE
            EadExpiring,                       URGENT_REMINDER, message.ead-expiring,          next-step.renew-ead,                       EAD-AUTO-EXTENSION
            AdjustmentEligible,                URGENT_REMINDER, message.adjustment-eligible,   next-step.file-adjustment,                 REFUGEE-ADJUSTMENT
            DeadlineApproaching,               URGENT_REMINDER, message.deadline-approaching,  next-step.meet-deadline,                   RFE-RESPONSE
            DepartureRecorded,                 URGENT_ALERT,    message.asylum-abandonment,    next-step.contact-client-about-departure,  ASYLUM-ABANDONMENT
            CaseOpened,                        UPDATE,          message.case-opened,           next-step.review-new-case,                 -
            CaseAssigned,                      UPDATE,          message.case-assigned,         next-step.review-assigned-case,            -
            ParoleGranted,                     UPDATE,          message.parole-granted,        next-step.plan-for-parole-end,             -
            ParoleDenied,                      UPDATE,          message.parole-denied,         next-step.review-denial,                   -
            ParoleTerminated,                  UPDATE,          message.parole-terminated,     next-step.review-termination,              -
            EadFiled,                          UPDATE,          message.ead-filed,             next-step.track-receipt,                   -
            EadApproved,                       UPDATE,          message.ead-approved,          next-step.note-ead-validity,               -
            EadDenied,                         UPDATE,          message.ead-denied,            next-step.review-denial,                   -
            AsylumFiled,                       UPDATE,          message.asylum-filed,          next-step.advise-on-travel,                -
            AsylumGranted,                     UPDATE,          message.asylum-granted,        next-step.plan-adjustment,                 -
            AsylumDenied,                      UPDATE,          message.asylum-denied,         next-step.review-denial,                   -
            TpsGranted,                        UPDATE,          message.tps-granted,           next-step.note-tps-validity,               -
            """)
    void eachEventTypeGivesItsKindMessageNextStepAndRule(String eventType, NotificationKind kind, String messageKey,
                                                          String nextStepKey, String ruleId) {
        NotificationPolicy policy = policyFor(eventType);

        Notice notice = Examples.noticeOf(policy);

        assertThat(notice.eventType()).isEqualTo(eventType);
        assertThat(notice.kind()).isEqualTo(kind);
        assertThat(notice.messageKey()).isEqualTo(messageKey);
        assertThat(notice.nextStepKey()).isEqualTo(nextStepKey);
        assertThat(notice.ruleId()).isEqualTo(ruleId);
    }

    @ParameterizedTest
    @EnumSource(NotificationPolicy.class)
    void everyPolicyHasAnExampleInTheTableAbove(NotificationPolicy policy) {
        assertThat(NotificationPolicy.decide(Examples.of(policy).event(), Examples.of(policy).kase())).isPresent();
    }

    @Test
    void deadlineRemindersCarryTheRuleDueDateAndLeadTimeOfTheirEvent() {
        Notice notice = Examples.noticeOf(NotificationPolicy.PAROLE_EXPIRING);

        assertThat(notice.citation()).isEqualTo("8 CFR 212.5(e)");
        assertThat(notice.facts()).containsExactly(
                Map.entry(Fact.DEADLINE_TYPE, "PAROLE_EXPIRY"), Map.entry(Fact.DUE_ON, "2026-10-31"),
                Map.entry(Fact.DAYS_BEFORE, "90"));
    }

    @Test
    void departureWithoutAdvanceParoleWhileAsylumIsPendingIsAnUrgentAlertCitingAbandonment() {
        Notice notice = NotificationPolicy.decide(new DepartureRecorded(LocalDate.parse("2026-03-01"), false),
                new CaseContext(null, true)).orElseThrow();

        assertThat(notice.kind()).isEqualTo(NotificationKind.URGENT_ALERT);
        assertThat(notice.ruleId()).isEqualTo("ASYLUM-ABANDONMENT");
        assertThat(notice.citation()).isEqualTo("8 CFR 208.8(a)");
        assertThat(notice.facts()).containsEntry(Fact.DATE, "2026-03-01").containsEntry(Fact.ADVANCE_PAROLE, "false");
    }

    @Test
    void departureWithAdvanceParoleIsNoAlert() {
        assertThat(NotificationPolicy.decide(new DepartureRecorded(LocalDate.parse("2026-03-01"), true),
                new CaseContext(null, true))).isEmpty();
    }

    @Test
    void departureWithoutAPendingAsylumApplicationIsNoAlert() {
        assertThat(NotificationPolicy.decide(new DepartureRecorded(LocalDate.parse("2026-03-01"), false),
                new CaseContext(null, false))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("eventsWithoutNotification")
    void factsThatNeedNoOnesAttentionGiveNoNotification(CaseEventPayload event) {
        assertThat(NotificationPolicy.decide(event, new CaseContext("user:caseworker-a", true))).isEmpty();
    }

    static Stream<CaseEventPayload> eventsWithoutNotification() {
        LocalDate day = LocalDate.parse("2026-02-02");
        return Stream.of(new CaseEventPayload.CaseClosed(), new CaseEventPayload.CaseReopened(),
                new CaseEventPayload.NoteAdded(UUID.randomUUID()),
                new CaseEventPayload.EntryRecorded(day, EntryManner.PAROLED),
                new CaseEventPayload.AsylumClockStopped(day, ClockStopReason.values()[0]),
                new CaseEventPayload.AsylumClockResumed(day),
                new CaseEventPayload.RefugeeAdmitted(day),
                new CaseEventPayload.TpsApplied("SV", day, null),
                new CaseEventPayload.RfeReceived(UUID.randomUUID(), Filing.values()[0], day, day.plusDays(30)),
                new CaseEventPayload.RfeAnswered(UUID.randomUUID(), day));
    }

    @ParameterizedTest
    @EnumSource(NotificationPolicy.class)
    void theTableConcernsTheTypeOfEachOfItsEvents(NotificationPolicy policy) {
        assertThat(NotificationPolicy.concerns(Examples.of(policy).event().getClass())).isTrue();
    }

    @ParameterizedTest
    @MethodSource("eventsWithoutNotification")
    void theTableDoesNotConcernTheTypesThatNeverNotify(CaseEventPayload event) {
        assertThat(NotificationPolicy.concerns(event.getClass())).isFalse();
    }

    @Test
    void factsCarryNoFreeTextOrProgramNames() {
        Notice notice = Examples.noticeOf(NotificationPolicy.PAROLE_GRANTED);

        assertThat(notice.facts()).containsOnlyKeys(Fact.GRANTED_ON, Fact.VALID_UNTIL);
    }

    @Test
    void theEventTypesThatNotifyAreThoseOfThePolicyTable() {
        assertThat(NotificationPolicy.eventTypes()).hasSize(NotificationPolicy.values().length)
                .contains("ParoleExpiring", "DepartureRecorded", "CaseAssigned")
                .doesNotContain("NoteAdded", "EligibilityAssessed");
    }

    private static NotificationPolicy policyFor(String eventType) {
        return Stream.of(NotificationPolicy.values()).filter(policy -> policy.eventType().equals(eventType))
                .findFirst().orElseThrow();
    }
}
