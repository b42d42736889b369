package org.haven.deploy.fuzz;

import org.haven.deploy.fuzz.Endpoint.Effect;
import org.haven.deploy.fuzz.Field.Kind;

import java.util.ArrayList;
import java.util.List;

import static org.haven.deploy.fuzz.Field.object;
import static org.haven.deploy.fuzz.Field.optional;
import static org.haven.deploy.fuzz.Field.optionalEnum;
import static org.haven.deploy.fuzz.Field.optionalString;
import static org.haven.deploy.fuzz.Field.required;
import static org.haven.deploy.fuzz.Field.requiredEnum;
import static org.haven.deploy.fuzz.Field.requiredList;
import static org.haven.deploy.fuzz.Field.requiredString;

/**
 * Every endpoint of the public API as architecture.md's API table and the controllers' request records describe
 * them: the fuzzer's catalogue when the gateway publishes no OpenAPI document, and the source of the valid values
 * (dates in the past, enumerations, receipt numbers) that a document's schemas do not carry.
 */
final class Catalogue {

    static final String INTAKE = "hvn_dev_a_intake";
    static final String CASEWORKER = "hvn_dev_a_caseworker";
    static final String AUDITOR = "hvn_dev_a_auditor";
    static final String ADMIN = "hvn_dev_a_admin";

    static final String[] ENTRY_MANNERS = {"PAROLED", "ADMITTED_REFUGEE", "ADMITTED_OTHER", "WITHOUT_INSPECTION"};
    static final String[] PAROLE_KINDS = {"INITIAL", "RE_PAROLE"};
    static final String[] PAROLE_BASES = {"URGENT_HUMANITARIAN", "SIGNIFICANT_PUBLIC_BENEFIT"};
    static final String[] URGENCIES = {"ROUTINE", "URGENT", "EMERGENCY"};
    static final String[] FEE_EXEMPTIONS = {"MEDICAL_EMERGENCY", "PARENT_OR_GUARDIAN_OF_MINOR_WITH_MEDICAL_EMERGENCY",
            "ORGAN_DONOR", "DYING_CLOSE_RELATIVE", "FUNERAL", "ADOPTED_CHILD_WITH_URGENT_MEDICAL_NEED",
            "ADJUSTMENT_APPLICANT_RETURNING_FROM_TRAVEL", "RETURNED_TO_CONTIGUOUS_TERRITORY_PAROLED_FOR_HEARING",
            "CUBAN_HAITIAN_ENTRANT", "ASSISTING_US_LAW_ENFORCEMENT"};
    static final String[] EAD_CATEGORIES = {"c8", "c11", "a3", "a5", "a12", "c19"};
    static final String[] ASYLUM_KINDS = {"AFFIRMATIVE", "DEFENSIVE"};
    static final String[] CLOCK_STOP_REASONS = {"APPLICANT_RESCHEDULED", "FAILURE_TO_APPEAR", "RFE_PENDING", "OTHER_APPLICANT_DELAY"};
    static final String[] FILINGS = {"PAROLE_REQUEST", "EAD", "ASYLUM", "TPS", "ADJUSTMENT"};
    static final String[] ADJUSTMENT_BASES = {"REFUGEE", "ASYLEE", "OTHER"};
    static final String[] PATHWAYS = {"PAROLE", "REPAROLE", "ASYLUM", "REFUGEE_ADJUSTMENT", "ASYLEE_ADJUSTMENT", "TPS", "EAD"};
    static final List<String> NOTIFYING_EVENT_TYPES = List.of("ParoleExpiring", "ParoleExpired", "AsylumDeadlineApproaching",
            "UnlawfulPresenceThresholdReached", "EadExpiring", "AdjustmentEligible", "DeadlineApproaching", "DepartureRecorded",
            "CaseOpened", "CaseAssigned", "ParoleGranted", "ParoleDenied", "ParoleTerminated", "EadFiled", "EadApproved",
            "EadDenied", "AsylumFiled", "AsylumGranted", "AsylumDenied", "TpsGranted");

    private Catalogue() {
    }

    static Field client() {
        return object("client", true,
                requiredString("givenName", 200),
                requiredString("familyName", 200),
                required("dateOfBirth", Kind.DATE),
                required("countryOfNationality", Kind.COUNTRY),
                required("preferredLanguage", Kind.LANGUAGE));
    }

    static List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>();
        // Intake and the case's facts: one resource per fact, each records exactly one event.
        all.add(new Endpoint("POST", "/api/cases", CASEWORKER,
                List.of(client(), optional("lastArrivalDate", Kind.DATE), optional("unaccompaniedMinor", Kind.BOOLEAN)),
                List.of(), Effect.OPEN_CASE));
        fact(all, "client-corrections", client(), optional("lastArrivalDate", Kind.DATE), optional("unaccompaniedMinor", Kind.BOOLEAN));
        fact(all, "assignments", requiredString("assignee", 200));
        fact(all, "notes", requiredString("text", 10000));
        fact(all, "closures", requiredString("reason", 2000));
        fact(all, "reopenings", requiredString("reason", 2000));
        fact(all, "entries", required("date", Kind.DATE), requiredEnum("manner", ENTRY_MANNERS));
        fact(all, "departures", required("date", Kind.DATE), required("advanceParole", Kind.BOOLEAN));
        fact(all, "parole-requests", required("filedOn", Kind.DATE), requiredEnum("kind", PAROLE_KINDS),
                requiredEnum("basis", PAROLE_BASES), requiredEnum("urgency", URGENCIES), optionalEnum("feeExemption", FEE_EXEMPTIONS),
                optional("receiptNumber", Kind.RECEIPT));
        fact(all, "parole-grants", required("grantedOn", Kind.DATE), required("validUntil", Kind.FUTURE_DATE),
                optionalString("program", 100), optionalEnum("feeExemption", FEE_EXEMPTIONS), optional("receiptNumber", Kind.RECEIPT));
        fact(all, "parole-denials", required("date", Kind.DATE));
        fact(all, "parole-terminations", required("date", Kind.DATE));
        fact(all, "ead-applications", requiredEnum("category", EAD_CATEGORIES), required("filedOn", Kind.DATE),
                required("renewal", Kind.BOOLEAN), optional("receiptNumber", Kind.RECEIPT));
        fact(all, "ead-approvals", required("validFrom", Kind.DATE), required("validUntil", Kind.FUTURE_DATE));
        fact(all, "ead-denials", required("date", Kind.DATE));
        fact(all, "asylum-applications", required("filedOn", Kind.DATE), optionalEnum("kind", ASYLUM_KINDS),
                optional("receiptNumber", Kind.RECEIPT));
        fact(all, "asylum-clock-stops", required("date", Kind.DATE), requiredEnum("reason", CLOCK_STOP_REASONS));
        fact(all, "asylum-clock-resumptions", required("date", Kind.DATE));
        fact(all, "asylum-grants", required("date", Kind.DATE));
        fact(all, "asylum-denials", required("date", Kind.DATE));
        fact(all, "refugee-admissions", required("date", Kind.DATE));
        fact(all, "tps-applications", required("country", Kind.COUNTRY), required("filedOn", Kind.DATE),
                optional("receiptNumber", Kind.RECEIPT));
        fact(all, "tps-grants", required("date", Kind.DATE), required("validUntil", Kind.FUTURE_DATE));
        fact(all, "adjustment-applications", required("filedOn", Kind.DATE), requiredEnum("basis", ADJUSTMENT_BASES),
                optional("receiptNumber", Kind.RECEIPT));
        fact(all, "rfes", requiredEnum("filing", FILINGS), required("receivedOn", Kind.DATE), required("respondBy", Kind.FUTURE_DATE));
        all.add(new Endpoint("POST", "/api/cases/{caseId}/rfes/{rfeId}/answers", CASEWORKER,
                List.of(required("answeredOn", Kind.DATE)), List.of(), Effect.CASE_EVENT));

        // Reads of the case side
        all.add(new Endpoint("GET", "/api/cases", CASEWORKER, null, List.of(optionalEnum("status", "OPEN", "CLOSED"),
                optionalString("assignee", 200), optionalString("q", 200), optionalEnum("pathway", PATHWAYS),
                optional("limit", Kind.INTEGER), optionalString("cursor", 100)), Effect.NONE));
        all.add(new Endpoint("GET", "/api/cases/{caseId}", CASEWORKER, null, List.of(optional("asOf", Kind.INSTANT)), Effect.NONE));
        all.add(new Endpoint("GET", "/api/cases/{caseId}/history", CASEWORKER, null, List.of(), Effect.NONE));
        all.add(new Endpoint("GET", "/api/cases/{caseId}/deadlines", CASEWORKER, null, List.of(), Effect.NONE));
        all.add(new Endpoint("GET", "/api/deadlines", CASEWORKER, null,
                List.of(optional("within", Kind.PERIOD), optional("limit", Kind.INTEGER)), Effect.NONE));
        all.add(new Endpoint("GET", "/api/audit/cases/{caseId}/verify", AUDITOR, null, List.of(), Effect.NONE));
        all.add(new Endpoint("POST", "/api/audit/replays", ADMIN, List.of(requiredString("projection", 64)), List.of(), Effect.REPLAY));
        all.add(new Endpoint("GET", "/api/audit/replays/{replayId}", AUDITOR, null, List.of(), Effect.NONE));

        // Eligibility
        all.add(new Endpoint("POST", "/api/eligibility/screenings", CASEWORKER, List.of(optional("asOf", Kind.DATE),
                object("person", true, required("dateOfBirth", Kind.DATE), required("countryOfNationality", Kind.COUNTRY),
                        optional("unaccompaniedMinor", Kind.BOOLEAN)),
                required("events", Kind.SCREENING_EVENTS)), List.of(), Effect.COMPUTE));
        all.add(new Endpoint("GET", "/api/eligibility/rules", CASEWORKER, null, List.of(), Effect.NONE));

        // Notifications
        all.add(new Endpoint("GET", "/api/notifications", CASEWORKER, null, List.of(optional("caseId", Kind.UUID)), Effect.NONE));
        all.add(new Endpoint("POST", "/api/notifications/{notificationId}/read", CASEWORKER, null, List.of(), Effect.MARK_READ));
        all.add(new Endpoint("GET", "/api/notification-preferences", ADMIN, null, List.of(), Effect.NONE));
        all.add(new Endpoint("PUT", "/api/notification-preferences", ADMIN, List.of(
                requiredList("eventTypes", NOTIFYING_EVENT_TYPES), requiredList("channels", List.of("EMAIL", "WEBHOOK")),
                required("reminderLeadTimes", Kind.CURRENT)), List.of(), Effect.PREFERENCES));
        all.add(new Endpoint("POST", "/api/webhooks", ADMIN, List.of(required("url", Kind.URL),
                requiredList("eventTypes", NOTIFYING_EVENT_TYPES)), List.of(), Effect.WEBHOOK_CREATE));
        all.add(new Endpoint("GET", "/api/webhooks", ADMIN, null, List.of(), Effect.NONE));
        all.add(new Endpoint("GET", "/api/webhooks/{webhookId}", ADMIN, null, List.of(), Effect.NONE));
        all.add(new Endpoint("DELETE", "/api/webhooks/{webhookId}", ADMIN, null, List.of(), Effect.WEBHOOK_DELETE));
        all.add(new Endpoint("GET", "/api/webhooks/dead-letters", ADMIN, null, List.of(optional("limit", Kind.INTEGER)), Effect.NONE));
        all.add(new Endpoint("POST", "/api/webhooks/dead-letters/{deadLetterId}/redeliveries", ADMIN, null, List.of(), Effect.REDELIVER));

        all.add(new Endpoint("GET", "/actuator/health", null, null, List.of(), Effect.NONE));
        return List.copyOf(all);
    }

    private static void fact(List<Endpoint> all, String resource, Field... fields) {
        all.add(new Endpoint("POST", "/api/cases/{caseId}/" + resource, CASEWORKER, List.of(fields), List.of(), Effect.CASE_EVENT));
    }
}
