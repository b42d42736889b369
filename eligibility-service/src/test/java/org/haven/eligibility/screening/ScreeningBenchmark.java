package org.haven.eligibility.screening;

import org.haven.eligibility.Histories;
import org.haven.eligibility.assessment.Assessor;
import org.haven.eligibility.history.CaseHistory;
import org.haven.events.Assessment;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

/**
 * Screenings per second in-process (bench/eligibility/run-jmh.sh runs it; no test runner does). Two measures:
 * the rules alone on a parsed history, and what the endpoint does apart from HTTP and security — read and validate
 * the JSON request, assess, write the JSON answer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ScreeningBenchmark {

    /** A parolee who sought asylum: touches most rules (parole, re-parole, fee, asylum clock, EAD, RFE, presence). */
    static final String TYPICAL_REQUEST = """
            { "asOf": "2026-11-28",
              "person": { "dateOfBirth": "1990-05-01", "countryOfNationality": "UA", "unaccompaniedMinor": false },
              "events": [
                { "type": "ParoleRequested", "filedOn": "2025-08-01", "kind": "INITIAL", "basis": "URGENT_HUMANITARIAN", "urgency": "URGENT" },
                { "type": "ParoleGranted", "grantedOn": "2025-11-01", "validUntil": "2026-10-31", "program": "U4U" },
                { "type": "EntryRecorded", "date": "2025-11-03", "manner": "PAROLED" },
                { "type": "AsylumFiled", "filedOn": "2026-01-10", "receiptNumber": "IOE0912345678" },
                { "type": "AsylumClockStopped", "date": "2026-02-01", "reason": "APPLICANT_RESCHEDULED" },
                { "type": "AsylumClockResumed", "date": "2026-02-15" },
                { "type": "EadFiled", "category": "c8", "filedOn": "2026-06-25", "renewal": false },
                { "type": "EadApproved", "validFrom": "2026-08-01", "validUntil": "2028-01-31" },
                { "type": "RfeReceived", "filing": "ASYLUM", "receivedOn": "2026-10-01", "respondBy": "2026-12-30" } ] }""";

    private final JsonMapper json = JsonMapper.builder().build();
    private Assessor assessor;
    private JsonNode request;
    private CaseHistory history;
    private LocalDate asOf;

    @Setup
    public void setUp() {
        assessor = Histories.ASSESSOR;
        request = json.readTree(TYPICAL_REQUEST);
        Screening screening = ScreeningReader.read(request, LocalDate.of(2026, 11, 28));
        history = screening.history();
        asOf = screening.asOf();
    }

    @Benchmark
    public Assessment assessParsedHistory() {
        return assessor.assess(history, asOf);
    }

    @Benchmark
    public String readAssessAndWriteJson() {
        Screening screening = ScreeningReader.read(json.readTree(TYPICAL_REQUEST), LocalDate.of(2026, 11, 28));
        return json.writeValueAsString(assessor.assess(screening.history(), screening.asOf()));
    }
}
