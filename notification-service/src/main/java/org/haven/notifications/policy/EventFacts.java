package org.haven.notifications.policy;

import org.haven.events.CaseEventPayload;
import org.haven.events.CaseEventPayload.*;

import java.util.EnumMap;
import java.util.Map;

/**
 * The facts each event contributes to its notification. Payloads carry no PII, and only dates, counts and
 * codes are taken from them; a parole program name, say, is left out because it is not needed.
 */
final class EventFacts {

    private EventFacts() {
    }

    static Map<Fact, String> of(CaseEventPayload payload) {
        Map<Fact, String> facts = new EnumMap<>(Fact.class);
        switch (payload) {
            case DeadlineReached deadline -> {
                facts.put(Fact.DEADLINE_TYPE, deadline.deadlineType().name());
                facts.put(Fact.DUE_ON, deadline.dueOn().toString());
                facts.put(Fact.DAYS_BEFORE, Integer.toString(deadline.daysBefore()));
            }
            case DepartureRecorded departure -> {
                facts.put(Fact.DATE, departure.date().toString());
                facts.put(Fact.ADVANCE_PAROLE, Boolean.toString(departure.advanceParole()));
            }
            case CaseOpened opened -> {
                if (opened.assignee() != null) {
                    facts.put(Fact.ASSIGNEE, opened.assignee());
                }
            }
            case CaseAssigned assigned -> facts.put(Fact.ASSIGNEE, assigned.assignee());
            case ParoleGranted granted -> {
                facts.put(Fact.GRANTED_ON, granted.grantedOn().toString());
                facts.put(Fact.VALID_UNTIL, granted.validUntil().toString());
            }
            case ParoleDenied denied -> facts.put(Fact.DATE, denied.date().toString());
            case ParoleTerminated terminated -> facts.put(Fact.DATE, terminated.date().toString());
            case EadFiled filed -> {
                facts.put(Fact.EAD_CATEGORY, filed.category().name());
                facts.put(Fact.FILED_ON, filed.filedOn().toString());
                facts.put(Fact.RENEWAL, Boolean.toString(filed.renewal()));
            }
            case EadApproved approved -> {
                facts.put(Fact.VALID_FROM, approved.validFrom().toString());
                facts.put(Fact.VALID_UNTIL, approved.validUntil().toString());
            }
            case EadDenied denied -> facts.put(Fact.DATE, denied.date().toString());
            case AsylumFiled filed -> {
                facts.put(Fact.FILED_ON, filed.filedOn().toString());
                facts.put(Fact.ASYLUM_KIND, filed.kind().name());
            }
            case AsylumGranted granted -> facts.put(Fact.DATE, granted.date().toString());
            case AsylumDenied denied -> facts.put(Fact.DATE, denied.date().toString());
            case TpsGranted granted -> {
                facts.put(Fact.DATE, granted.date().toString());
                facts.put(Fact.VALID_UNTIL, granted.validUntil().toString());
            }
            default -> {
                // events without a policy contribute nothing
            }
        }
        return facts;
    }
}
