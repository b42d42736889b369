package org.haven.eligibility.screening;

import org.haven.events.CaseEventPayload;
import org.haven.support.problem.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ScreeningReaderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final String PERSON = """
            "person": {"dateOfBirth": "1990-05-01", "countryOfNationality": "UA", "unaccompaniedMinor": false}""";

    private static Screening read(String json) {
        return ScreeningReader.read(JSON.readTree(json), TODAY);
    }

    private static java.util.List<FieldError> errorsOf(String json) {
        return catchThrowableOfType(InvalidScreeningException.class, () -> read(json)).errors();
    }

    @Test
    void theExampleOfArchitectureMdIsRead() {
        Screening screening = read("""
                { "asOf": "2026-11-28", %s,
                  "events": [ { "type": "EntryRecorded", "date": "2025-01-04", "manner": "PAROLED" },
                              { "type": "ParoleGranted", "grantedOn": "2024-12-20", "validUntil": "2026-01-03" } ] }""".formatted(PERSON));

        assertThat(screening.asOf()).isEqualTo(TODAY);
        assertThat(screening.history().events()).hasExactlyElementsOfTypes(CaseEventPayload.EntryRecorded.class, CaseEventPayload.ParoleGranted.class);
        assertThat(screening.history().person().countryOfNationality()).isEqualTo("UA");
    }

    @Test
    void asOfDefaultsToToday() {
        assertThat(read("{ %s, \"events\": [] }".formatted(PERSON)).asOf()).isEqualTo(TODAY);
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "unknown event type         | events[1].type           | is not a known event type (ParoleWished)",
            "impossible date            | events[0].date           | is not a valid date (YYYY-MM-DD): 2026-02-30",
            "missing field              | events[2].validUntil     | is required",
            "bad enum value             | events[3].manner         | must be one of PAROLED",
            "resume without a stop      | events[4].type           | there is no asylum clock stop before it to resume",
            "unknown field              | events[5].grantedon      | is not a known field here",
            "bad receipt number         | events[6].receiptNumber  | three capital letters and ten digits",
    })
    void invalidEventsAreNamedByTheirPath(String what, String field, String message) {
        var errors = errorsOf("""
                { %s, "events": [
                    { "type": "EntryRecorded", "date": "2026-02-30", "manner": "PAROLED" },
                    { "type": "ParoleWished", "date": "2026-01-01" },
                    { "type": "ParoleGranted", "grantedOn": "2026-01-01" },
                    { "type": "EntryRecorded", "date": "2026-01-05", "manner": "SWAM" },
                    { "type": "AsylumClockResumed", "date": "2026-01-06" },
                    { "type": "ParoleGranted", "grantedon": "2026-01-01", "grantedOn": "2026-01-01", "validUntil": "2026-06-01" },
                    { "type": "AsylumFiled", "filedOn": "2026-01-10", "receiptNumber": "IOE12" } ] }""".formatted(PERSON));

        assertThat(errors).as(what).anySatisfy(error -> {
            assertThat(error.field()).isEqualTo(field);
            assertThat(error.message()).contains(message);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "answer before the RFE was received | { \"type\": \"RfeReceived\", \"filing\": \"ASYLUM\", \"receivedOn\": \"2026-03-01\", \"respondBy\": \"2026-04-01\" }, { \"type\": \"RfeAnswered\", \"answeredOn\": \"2026-02-01\" } | events[1].answeredOn",
            "resume dated before its stop       | { \"type\": \"AsylumFiled\", \"filedOn\": \"2026-01-10\" }, { \"type\": \"AsylumClockStopped\", \"date\": \"2026-02-15\", \"reason\": \"RFE_PENDING\" }, { \"type\": \"AsylumClockResumed\", \"date\": \"2026-02-01\" } | events[2].date",
            "entry dated before a departure     | { \"type\": \"EntryRecorded\", \"date\": \"2025-01-04\", \"manner\": \"PAROLED\" }, { \"type\": \"DepartureRecorded\", \"date\": \"2025-06-01\", \"advanceParole\": true }, { \"type\": \"EntryRecorded\", \"date\": \"2025-05-01\", \"manner\": \"PAROLED\" } | events[2].date",
            "parole valid until before granted  | { \"type\": \"ParoleGranted\", \"grantedOn\": \"2026-01-01\", \"validUntil\": \"2025-12-01\" } | events[0].validUntil",
            "EAD approval without a filing      | { \"type\": \"EadApproved\", \"validFrom\": \"2026-01-01\", \"validUntil\": \"2027-01-01\" } | events[0].type",
    })
    void eventsOutOfOrderAreNamed(String what, String events, String field) {
        var errors = errorsOf("{ %s, \"events\": [ %s ] }".formatted(PERSON, events));

        assertThat(errors).as(what).extracting(FieldError::field).containsExactly(field);
    }

    @ParameterizedTest(name = "asOf {0}: {1}")
    @CsvSource({
            "1996-12-31, must be between 1997-01-01 and 2100-12-31",
            "2026-13-01, is not a valid date",
    })
    void asOfOutsideTheRulesIsRefused(String asOf, String message) {
        assertThat(errorsOf("{ \"asOf\": \"%s\", %s, \"events\": [] }".formatted(asOf, PERSON)))
                .singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("asOf");
                    assertThat(error.message()).contains(message);
                });
    }

    @Test
    void missingPersonAndEventsAreNamed() {
        assertThat(errorsOf("{ \"asOf\": \"2026-11-28\" }")).extracting(FieldError::field).containsExactly("person", "events");
        assertThat(errorsOf("{ \"person\": { \"countryOfNationality\": \"ukraine\" }, \"events\": [] }"))
                .extracting(FieldError::field).containsExactlyInAnyOrder("person.dateOfBirth", "person.countryOfNationality");
    }

    @Test
    void anRfeAnswerWithoutIdAnswersTheOneOpenRfe() {
        Screening screening = read("""
                { %s, "events": [
                    { "type": "RfeReceived", "filing": "ASYLUM", "receivedOn": "2026-03-01", "respondBy": "2026-04-01" },
                    { "type": "RfeAnswered", "answeredOn": "2026-03-15" } ] }""".formatted(PERSON));

        var received = (CaseEventPayload.RfeReceived) screening.history().events().get(0);
        var answered = (CaseEventPayload.RfeAnswered) screening.history().events().get(1);
        assertThat(answered.rfeId()).isEqualTo(received.rfeId());
    }
}
