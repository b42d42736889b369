package org.haven.eligibility.screening;

import org.haven.eligibility.history.CaseHistory;
import org.haven.eligibility.history.Person;
import org.haven.events.CaseEventPayload;
import org.haven.events.CaseEventPayload.AdjustmentFiled;
import org.haven.events.CaseEventPayload.AsylumClockResumed;
import org.haven.events.CaseEventPayload.AsylumClockStopped;
import org.haven.events.CaseEventPayload.AsylumDenied;
import org.haven.events.CaseEventPayload.AsylumFiled;
import org.haven.events.CaseEventPayload.AsylumGranted;
import org.haven.events.CaseEventPayload.DepartureRecorded;
import org.haven.events.CaseEventPayload.EadApproved;
import org.haven.events.CaseEventPayload.EadDenied;
import org.haven.events.CaseEventPayload.EadFiled;
import org.haven.events.CaseEventPayload.EntryRecorded;
import org.haven.events.CaseEventPayload.ParoleDenied;
import org.haven.events.CaseEventPayload.ParoleGranted;
import org.haven.events.CaseEventPayload.ParoleRequested;
import org.haven.events.CaseEventPayload.ParoleTerminated;
import org.haven.events.CaseEventPayload.RefugeeAdmitted;
import org.haven.events.CaseEventPayload.RfeAnswered;
import org.haven.events.CaseEventPayload.RfeReceived;
import org.haven.events.CaseEventPayload.TpsApplied;
import org.haven.events.CaseEventPayload.TpsGranted;
import org.haven.events.vocabulary.AdjustmentBasis;
import org.haven.events.vocabulary.AsylumKind;
import org.haven.events.vocabulary.ClockStopReason;
import org.haven.events.vocabulary.EadCategory;
import org.haven.events.vocabulary.EntryManner;
import org.haven.events.vocabulary.FeeExemption;
import org.haven.events.vocabulary.Filing;
import org.haven.events.vocabulary.ParoleBasis;
import org.haven.events.vocabulary.ParoleKind;
import org.haven.events.vocabulary.ParoleUrgency;
import org.haven.support.problem.FieldError;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads a screening request (architecture.md, "Screening and assessment shape") into a {@link Screening}, or fails
 * with every invalid field named by its path ({@code asOf}, {@code person.dateOfBirth}, {@code events[2].type}).
 *
 * <p>Events are listed in the order they were recorded, as in a case history; their dates need not be in that
 * order (a parole granted abroad is dated before the entry it allows). An event is out of order when it follows
 * up on something that is not before it, or dates itself before what it follows up: a clock resumed that was not
 * stopped, an RFE answered before it was received, an entry dated before the previous departure.
 */
final class ScreeningReader {

    static final LocalDate EARLIEST_AS_OF = LocalDate.of(1997, 1, 1);
    static final LocalDate LATEST_AS_OF = LocalDate.of(2100, 12, 31);
    static final int MAX_EVENTS = 500;

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final String COUNTRY_FORMAT = "an ISO 3166-1 alpha-2 country code in capitals, e.g. UA";

    /** Each event type a screening accepts, with its fields. */
    private static final Map<String, Set<String>> EVENT_FIELDS = eventFields();

    private ScreeningReader() {
    }

    private static Map<String, Set<String>> eventFields() {
        Map<String, Set<String>> fields = new LinkedHashMap<>();
        fields.put("EntryRecorded", Set.of("date", "manner"));
        fields.put("DepartureRecorded", Set.of("date", "advanceParole"));
        fields.put("ParoleRequested", Set.of("filedOn", "kind", "basis", "urgency", "feeExemption", "receiptNumber"));
        fields.put("ParoleGranted", Set.of("grantedOn", "validUntil", "program", "feeExemption", "receiptNumber"));
        fields.put("ParoleDenied", Set.of("date"));
        fields.put("ParoleTerminated", Set.of("date"));
        fields.put("EadFiled", Set.of("category", "filedOn", "renewal", "receiptNumber"));
        fields.put("EadApproved", Set.of("validFrom", "validUntil"));
        fields.put("EadDenied", Set.of("date"));
        fields.put("AsylumFiled", Set.of("filedOn", "kind", "receiptNumber"));
        fields.put("AsylumClockStopped", Set.of("date", "reason"));
        fields.put("AsylumClockResumed", Set.of("date"));
        fields.put("AsylumGranted", Set.of("date"));
        fields.put("AsylumDenied", Set.of("date"));
        fields.put("RefugeeAdmitted", Set.of("date"));
        fields.put("TpsApplied", Set.of("country", "filedOn", "receiptNumber"));
        fields.put("TpsGranted", Set.of("date", "validUntil"));
        fields.put("AdjustmentFiled", Set.of("filedOn", "basis", "receiptNumber"));
        fields.put("RfeReceived", Set.of("rfeId", "filing", "receivedOn", "respondBy"));
        fields.put("RfeAnswered", Set.of("rfeId", "answeredOn"));
        Map<String, Set<String>> withType = new LinkedHashMap<>();
        fields.forEach((type, names) -> {
            Set<String> all = new java.util.HashSet<>(names);
            all.add("type");
            withType.put(type, Set.copyOf(all));
        });
        return withType;
    }

    static Set<String> eventTypes() {
        return EVENT_FIELDS.keySet();
    }

    static Screening read(JsonNode body, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (!body.isObject()) {
            throw new InvalidScreeningException(List.of(new FieldError("", "the body must be a JSON object")));
        }
        Fields request = new Fields(body, "", errors);
        request.rejectUnknown(Set.of("asOf", "person", "events"));
        LocalDate asOf = asOf(body, today, errors);
        Person person = person(body.get("person"), errors);
        List<CaseEventPayload> events = events(body.get("events"), errors);
        if (!errors.isEmpty()) {
            throw new InvalidScreeningException(errors);
        }
        return new Screening(asOf, new CaseHistory(person, events));
    }

    private static LocalDate asOf(JsonNode body, LocalDate today, List<FieldError> errors) {
        JsonNode value = body.get("asOf");
        if (value == null || value.isNull()) {
            return today;
        }
        LocalDate asOf;
        try {
            asOf = LocalDate.parse(value.asString(""));
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(new FieldError("asOf", "is not a valid date (YYYY-MM-DD)"));
            return today;
        }
        if (asOf.isBefore(EARLIEST_AS_OF) || asOf.isAfter(LATEST_AS_OF)) {
            errors.add(new FieldError("asOf", "must be between " + EARLIEST_AS_OF + " and " + LATEST_AS_OF
                    + ", the dates Haven's rules and calendar cover"));
        }
        return asOf;
    }

    private static Person person(@Nullable JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            errors.add(new FieldError("person", "is required"));
            return Person.UNKNOWN;
        }
        if (!node.isObject()) {
            errors.add(new FieldError("person", "must be an object"));
            return Person.UNKNOWN;
        }
        Fields fields = new Fields(node, "person", errors);
        fields.rejectUnknown(Set.of("dateOfBirth", "countryOfNationality", "unaccompaniedMinor", "lastArrivalDate"));
        LocalDate dateOfBirth = fields.date("dateOfBirth", true);
        String country = fields.text("countryOfNationality", true, COUNTRY, COUNTRY_FORMAT);
        Boolean unaccompaniedMinor = fields.bool("unaccompaniedMinor", false);
        LocalDate lastArrival = fields.date("lastArrivalDate", false);
        return new Person(dateOfBirth, country, Boolean.TRUE.equals(unaccompaniedMinor), lastArrival);
    }

    private static List<CaseEventPayload> events(@Nullable JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            errors.add(new FieldError("events", "is required (an empty list is allowed)"));
            return List.of();
        }
        if (!node.isArray()) {
            errors.add(new FieldError("events", "must be a list"));
            return List.of();
        }
        if (node.size() > MAX_EVENTS) {
            errors.add(new FieldError("events", "has " + node.size() + " events; at most " + MAX_EVENTS + " are screened at once"));
            return List.of();
        }
        EventSequence sequence = new EventSequence(errors);
        List<CaseEventPayload> events = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            event(node.get(i), i, errors).map(sequence::follow).ifPresent(events::add);
        }
        return events;
    }

    private static java.util.Optional<IndexedEvent> event(JsonNode node, int index, List<FieldError> errors) {
        String path = "events[" + index + "]";
        if (!node.isObject()) {
            errors.add(new FieldError(path, "must be an object with a type"));
            return java.util.Optional.empty();
        }
        Fields fields = new Fields(node, path, errors);
        JsonNode typeNode = node.get("type");
        String type = typeNode == null || !typeNode.isString() ? null : typeNode.asString();
        if (type == null || !EVENT_FIELDS.containsKey(type)) {
            fields.error("type", type == null ? "is required" : "is not a known event type (" + type + "); known: "
                    + String.join(", ", EVENT_FIELDS.keySet()));
            return java.util.Optional.empty();
        }
        int errorsBefore = errors.size();
        fields.rejectUnknown(EVENT_FIELDS.get(type));
        CaseEventPayload payload = switch (type) {
            case "EntryRecorded" -> new EntryRecorded(fields.date("date", true), fields.enumValue("manner", EntryManner.class, true));
            case "DepartureRecorded" -> new DepartureRecorded(fields.date("date", true), orFalse(fields.bool("advanceParole", true)));
            case "ParoleRequested" -> new ParoleRequested(fields.date("filedOn", true), fields.enumValue("kind", ParoleKind.class, true),
                    fields.enumValue("basis", ParoleBasis.class, true), fields.enumValue("urgency", ParoleUrgency.class, true),
                    fields.enumValue("feeExemption", FeeExemption.class, false), fields.receiptNumber());
            case "ParoleGranted" -> new ParoleGranted(fields.date("grantedOn", true), fields.date("validUntil", true),
                    fields.text("program", false, Pattern.compile("[A-Za-z0-9_-]{1,40}"), "a program code of letters, digits, - and _ (e.g. U4U, CHNV)"),
                    fields.enumValue("feeExemption", FeeExemption.class, false), fields.receiptNumber());
            case "ParoleDenied" -> new ParoleDenied(fields.date("date", true));
            case "ParoleTerminated" -> new ParoleTerminated(fields.date("date", true));
            case "EadFiled" -> new EadFiled(fields.enumValue("category", EadCategory.class, true), fields.date("filedOn", true),
                    orFalse(fields.bool("renewal", true)), fields.receiptNumber());
            case "EadApproved" -> new EadApproved(fields.date("validFrom", true), fields.date("validUntil", true));
            case "EadDenied" -> new EadDenied(fields.date("date", true));
            case "AsylumFiled" -> new AsylumFiled(fields.date("filedOn", true),
                    orDefault(fields.enumValue("kind", AsylumKind.class, false), AsylumKind.AFFIRMATIVE), fields.receiptNumber());
            case "AsylumClockStopped" -> new AsylumClockStopped(fields.date("date", true), fields.enumValue("reason", ClockStopReason.class, true));
            case "AsylumClockResumed" -> new AsylumClockResumed(fields.date("date", true));
            case "AsylumGranted" -> new AsylumGranted(fields.date("date", true));
            case "AsylumDenied" -> new AsylumDenied(fields.date("date", true));
            case "RefugeeAdmitted" -> new RefugeeAdmitted(fields.date("date", true));
            case "TpsApplied" -> new TpsApplied(fields.text("country", true, COUNTRY, COUNTRY_FORMAT), fields.date("filedOn", true),
                    fields.receiptNumber());
            case "TpsGranted" -> new TpsGranted(fields.date("date", true), fields.date("validUntil", true));
            case "AdjustmentFiled" -> new AdjustmentFiled(fields.date("filedOn", true), fields.enumValue("basis", AdjustmentBasis.class, true),
                    fields.receiptNumber());
            case "RfeReceived" -> new RfeReceived(orDefault(fields.uuid("rfeId"), screeningRfeId(index)),
                    fields.enumValue("filing", Filing.class, true), fields.date("receivedOn", true), fields.date("respondBy", true));
            case "RfeAnswered" -> new RfeAnswered(orDefault(fields.uuid("rfeId"), UNSPECIFIED_RFE), fields.date("answeredOn", true));
            default -> throw new IllegalStateException("Event type without a reader: " + type);
        };
        if (errors.size() > errorsBefore) {
            return java.util.Optional.empty(); // a record built from missing fields is not used
        }
        return java.util.Optional.of(new IndexedEvent(payload, path));
    }

    /** An RFE answer that names no RFE answers the one RFE open (and must, when several are open). */
    static final UUID UNSPECIFIED_RFE = new UUID(0, 0);

    private static UUID screeningRfeId(int index) {
        return UUID.nameUUIDFromBytes(("screening-rfe-" + index).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean orFalse(@Nullable Boolean value) {
        return Boolean.TRUE.equals(value);
    }

    @SuppressWarnings("NullAway") // the records are only used when no field was missing
    private static <T> T orDefault(@Nullable T value, T fallback) {
        return value != null ? value : fallback;
    }

    /** An event with the path it was read from, for error messages about it. */
    record IndexedEvent(CaseEventPayload payload, String path) {
    }
}
