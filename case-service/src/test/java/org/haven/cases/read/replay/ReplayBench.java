package org.haven.cases.read.replay;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.haven.cases.Api;
import org.haven.cases.CaseServiceApplication;
import org.haven.cases.RealInfrastructure;
import org.haven.cases.config.AxonConfiguration;
import org.haven.cases.domain.CaseEvent;
import org.haven.cases.domain.CaseId;
import org.haven.cases.domain.Client;
import org.haven.cases.domain.HashChain;
import org.haven.cases.domain.deadlines.EligibilityAssessed;
import org.haven.cases.domain.ead.EadFiled;
import org.haven.cases.domain.intake.CaseAssigned;
import org.haven.cases.domain.intake.CaseOpened;
import org.haven.cases.domain.intake.NoteAdded;
import org.haven.cases.domain.parole.ParoleGranted;
import org.haven.cases.domain.parole.ParoleRequested;
import org.haven.cases.domain.presence.EntryRecorded;
import org.haven.cases.domain.rfe.RfeReceived;
import org.haven.events.Assessment;
import org.haven.events.vocabulary.DeadlineType;
import org.haven.events.vocabulary.EadCategory;
import org.haven.events.vocabulary.EligibilityResult;
import org.haven.events.vocabulary.EntryManner;
import org.haven.events.vocabulary.Filing;
import org.haven.events.vocabulary.ParoleBasis;
import org.haven.events.vocabulary.ParoleKind;
import org.haven.events.vocabulary.ParoleUrgency;
import org.haven.events.vocabulary.Pathway;
import org.haven.support.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast {@code POST /api/audit/replays} rebuilds the case-summary projection from N stored events. Not part of
 * {@code ./mvnw verify} (its name matches no test pattern); run it with {@code bench/replay.sh [events]}.
 *
 * <p>Seeds N events (ten per case, the shape real cases take: opening, entry, parole request and grant with
 * receipt numbers, assignment, two notes, an EAD filing, an assessment with three deadlines, an RFE) straight
 * into the event store with their hash chain, on a database of its own. The Kafka relay is stopped for the whole
 * run (a caught-up relay is idle); the live projection is stopped while seeding, then catches up (its rate is
 * reported too) and keeps running during the replay, as in production. Results go to stdout and
 * {@code target/replay-bench.txt}.
 */
class ReplayBench {

    private static final String DATABASE = "haven_case_replay_bench";
    private static final int EVENTS_PER_CASE = 10;
    private static final int CASES_PER_TRANSACTION = 200;
    private static final String ORGANIZATION = "org-bench";

    @Test
    void replayRate() throws Exception {
        int events = Integer.getInteger("haven.bench.events", 100_000);
        int cases = Math.max(1, events / EVENTS_PER_CASE);
        String[] arguments = Stream.concat(Stream.of(RealInfrastructure.arguments(DATABASE)),
                Stream.of("--server.port=0", "--logging.level.root=WARN")).toArray(String[]::new);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CaseServiceApplication.class).run(arguments)) {
            EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
            processing.eventProcessor("kafka-relay").ifPresent(EventProcessor::shutDown);
            processing.eventProcessor("case-summary").ifPresent(EventProcessor::shutDown);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);

            long seedStart = System.nanoTime();
            seed(app.getBean(EventStorageEngine.class), app.getBean(TransactionTemplate.class), cases);
            double seedSeconds = seconds(seedStart);
            long stored = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);

            long catchUpStart = System.nanoTime();
            processing.eventProcessor("case-summary").ifPresent(EventProcessor::start);
            awaitProjected(jdbc, cases);
            double catchUpSeconds = seconds(catchUpStart);
            List<String> live = jdbc.queryForList("select row_to_json(s)::text from case_summary s order by case_id", String.class);

            Api admin = Api.at(((WebServerApplicationContext) app).getWebServer().getPort(), ORGANIZATION, Role.ADMIN);
            long replayStart = System.nanoTime();
            Api.Response started = admin.post("/api/audit/replays", "{\"projection\":\"case-summary\"}");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            JsonNode job = awaitFinished(admin, started.json().get("id").asString());
            double replaySeconds = seconds(replayStart);

            assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("COMPLETED");
            assertThat(jdbc.queryForList("select row_to_json(s)::text from case_summary s order by case_id", String.class))
                    .as("the rebuilt projection equals the live one").isEqualTo(live);
            List<String> plans = List.of(
                    plan(jdbc, "list, first page", "select case_id from case_summary where organization_id = 'org-bench' order by opened_at desc, case_id desc limit 51"),
                    plan(jdbc, "list, status filter", "select case_id from case_summary where organization_id = 'org-bench' and status = 'OPEN' order by opened_at desc, case_id desc limit 51"),
                    plan(jdbc, "list, q=family42", "select case_id from case_summary where organization_id = 'org-bench' and search_text like '%family42%' order by opened_at desc, case_id desc limit 51"),
                    plan(jdbc, "deadlines within P30D", "select d.case_id from case_deadline d join case_summary s on s.case_id = d.case_id where d.organization_id = 'org-bench' and s.status = 'OPEN' and d.due_on <= date '2024-06-30' and (d.due_on >= date '2024-06-01' or (d.action and d.met_on is null)) order by d.due_on limit 200"));
            report(Stream.concat(List.of(
                    "events stored:             %d (%d cases, %d events each)".formatted(stored, cases, EVENTS_PER_CASE),
                    "seeding:                   %.1f s".formatted(seedSeconds),
                    "live projection catch-up:  %.1f s, %.0f events/s".formatted(catchUpSeconds, stored / catchUpSeconds),
                    "replay (POST to COMPLETED): %.1f s, %.0f events/s wall clock".formatted(replaySeconds, stored / replaySeconds),
                    "replay job:                %d events, %.0f events/s, swap paused the live tables %d ms".formatted(
                            job.get("eventsProcessed").asLong(), job.get("eventsPerSecond").asDouble(), job.get("pauseMillis").asLong()),
                    "machine:                   %d cores, JDK %s".formatted(Runtime.getRuntime().availableProcessors(),
                            Runtime.version())).stream(), plans.stream()).toList());
        }
    }

    /** Every case's events straight into the event store, with their hash chain; a transaction per 200 cases. */
    private static void seed(EventStorageEngine storage, TransactionTemplate transaction, int cases) {
        for (int first = 0; first < cases; first += CASES_PER_TRANSACTION) {
            List<DomainEventMessage<?>> batch = new ArrayList<>();
            for (int n = first; n < Math.min(cases, first + CASES_PER_TRANSACTION); n++) {
                batch.addAll(caseHistory(n));
            }
            transaction.executeWithoutResult(status -> storage.appendEvents(batch));
        }
    }

    private static List<DomainEventMessage<?>> caseHistory(int n) {
        CaseId caseId = CaseId.newId();
        LocalDate arrival = LocalDate.of(2024, 1, 1).plusDays(n % 600);
        String receipt = "IOE%010d".formatted(n);
        Assessment assessment = new Assessment(LocalDate.of(2026, 1, 1), "bench-rules-1",
                List.of(new Assessment.PathwayResult(Pathway.PAROLE, EligibilityResult.ELIGIBLE,
                        List.of(new Assessment.Reason("PAROLE-EXPIRY", "INA 212(d)(5)", "granted")))),
                List.of(new Assessment.Deadline(DeadlineType.PAROLE_EXPIRY, arrival.plusYears(2), "PAROLE-EXPIRY", "INA 212(d)(5)", List.of(90, 60, 30)),
                        new Assessment.Deadline(DeadlineType.ASYLUM_ONE_YEAR, arrival.plusYears(1), "ASYLUM-ONE-YEAR", "INA 208(a)(2)(B)", List.of(30)),
                        new Assessment.Deadline(DeadlineType.RFE_RESPONSE_DUE, arrival.plusDays(120), "RFE-RESPONSE", "8 CFR 103.2(b)(8)", List.of(14))),
                List.of());
        List<CaseEvent> events = List.of(
                new CaseOpened(caseId, ORGANIZATION, "HVN-2026-%06d".formatted(n),
                        new Client("Client" + n, "Family" + (n % 997), LocalDate.of(1980 + n % 30, 1 + n % 12, 1 + n % 28), "UA", n % 3 == 0 ? "es" : "en"),
                        arrival, false),
                new EntryRecorded(caseId, arrival, EntryManner.PAROLED),
                new ParoleRequested(caseId, arrival.plusDays(10), ParoleKind.INITIAL, ParoleBasis.URGENT_HUMANITARIAN, ParoleUrgency.ROUTINE, null, receipt),
                new ParoleGranted(caseId, arrival.plusDays(40), arrival.plusYears(2), "U4U", null, receipt),
                new CaseAssigned(caseId, "caseworker-" + (n % 25)),
                new NoteAdded(caseId, UUID.randomUUID(), "Called the client about the parole grant; documents are complete."),
                new EadFiled(caseId, EadCategory.c11, arrival.plusDays(50), false, "IOE%010d".formatted(n + 5_000_000)),
                new EligibilityAssessed(caseId, UUID.randomUUID(), Instant.now(), assessment),
                new RfeReceived(caseId, UUID.randomUUID(), Filing.EAD, arrival.plusDays(60), arrival.plusDays(120)),
                new NoteAdded(caseId, UUID.randomUUID(), "RFE received for the EAD; collecting evidence."));
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        String previous = HashChain.GENESIS;
        for (int sequence = 0; sequence < events.size(); sequence++) {
            CaseEvent event = events.get(sequence);
            String hash = HashChain.next(previous, sequence, event);
            MetaData metaData = MetaData.with(AxonConfiguration.ACTOR, "user:bench").and(AxonConfiguration.ORGANIZATION, ORGANIZATION)
                    .and(HashChain.PREVIOUS_HASH, previous).and(HashChain.HASH, hash);
            messages.add(new GenericDomainEventMessage<>("Case", caseId.toString(), sequence, event, metaData));
            previous = hash;
        }
        return messages;
    }

    private static void awaitProjected(JdbcTemplate jdbc, int cases) throws InterruptedException {
        while (jdbc.queryForObject("select count(*) from case_summary where version = ?", Long.class, EVENTS_PER_CASE - 1) < cases) {
            Thread.sleep(200);
        }
    }

    private static JsonNode awaitFinished(Api admin, String jobId) throws InterruptedException {
        while (true) {
            JsonNode job = admin.get("/api/audit/replays/" + jobId).json();
            String status = job.get("status").asString();
            if (status.equals("COMPLETED") || status.equals("FAILED")) {
                return job;
            }
            Thread.sleep(100);
        }
    }

    /** The query's top plan nodes and execution time, to show which index serves it at this size. */
    private static String plan(JdbcTemplate jdbc, String name, String sql) {
        List<String> lines = jdbc.queryForList("explain (analyze, costs off, timing off, summary on) " + sql, String.class);
        String nodes = lines.stream().filter(line -> line.contains(" Scan "))
                .map(String::strip).map(line -> line.replaceFirst("^-> *", "")).limit(2).reduce((a, b) -> a + " / " + b).orElse("?");
        String time = lines.stream().filter(line -> line.startsWith("Execution Time")).findFirst().orElse("");
        return "plan %-22s %s; %s".formatted(name + ":", nodes, time);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void report(List<String> lines) throws IOException {
        List<String> prefixed = lines.stream().map(line -> "[replay-bench] " + line).toList();
        prefixed.forEach(System.out::println);
        Files.write(Path.of("target", "replay-bench.txt"), prefixed);
    }
}
