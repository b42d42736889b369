package org.haven.bench.faults;

import org.haven.support.identity.IdentityTokenIssuer;
import org.haven.support.identity.Role;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * A steady load of writes: a few virtual-thread clients, each opening a case and recording a fixed run of facts on
 * it, then the next case. Every 2xx is recorded as {@link Accepted}; anything else is counted by status (-1 = no
 * answer). A command that was refused is retried a few times, then the client moves on to a new case.
 */
final class WriteLoad implements AutoCloseable {

    /** Where a client sends its commands: the gateway with an API key, or an instance directly with a token. */
    record Target(String name, URI base, Supplier<Map<String, String>> headers) {

        static Target gateway(URI gateway, String apiKey) {
            return new Target("gateway", gateway, () -> Map.of("X-API-Key", apiKey));
        }

        /** A service instance reached around the gateway, with the identity token the gateway would have minted. */
        static Target direct(String name, URI instance) {
            IdentityTokenIssuer issuer = IdentityTokenIssuer.local();
            return new Target(name, instance, () -> Map.of("Authorization",
                    "Bearer " + issuer.mint("org-a", "api-key:dev-a-caseworker", List.of(Role.CASEWORKER))));
        }
    }

    private record Step(String path, String eventType, String body) {
    }

    static final String ASSIGNEE = "user:caseworker-a";

    private final Http http;
    private final List<Target> targets;
    private final int clients;
    private final Duration pause;
    private final String phase;
    private final ConcurrentLinkedQueue<Accepted> accepted;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private final LongAdder attempted = new LongAdder();
    private final Map<Integer, LongAdder> refused = new ConcurrentHashMap<>();
    private final Map<Integer, String> sampleBodies = new ConcurrentHashMap<>();
    private final AtomicInteger casesOpened = new AtomicInteger();

    WriteLoad(Http http, List<Target> targets, int clients, Duration pause, String phase,
              ConcurrentLinkedQueue<Accepted> accepted) {
        this.http = http;
        this.targets = List.copyOf(targets);
        this.clients = clients;
        this.pause = pause;
        this.phase = phase;
        this.accepted = accepted;
    }

    void start() {
        running.set(true);
        for (int client = 0; client < clients; client++) {
            Target target = targets.get(client % targets.size());
            int number = client;
            threads.add(Thread.ofVirtual().name("load-" + phase + "-" + client).start(() -> run(target, number)));
        }
    }

    /** Stops the clients and waits for their requests in flight (bounded by the client's request timeout). */
    @Override
    public void close() {
        running.set(false);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void run(Target target, int client) {
        UUID caseId = null;
        int step = 0;
        int failuresOnStep = 0;
        while (running.get()) {
            List<Step> steps = steps();
            if (caseId == null) {
                Http.Answer answer = send(target, new Step("/api/cases", "CaseOpened", openCase(client)));
                if (answer.ok()) {
                    caseId = UUID.fromString(answer.json().path("id").asString());
                    record(caseId, answer, "CaseOpened", target);
                    casesOpened.incrementAndGet();
                    step = 0;
                    failuresOnStep = 0;
                }
            } else {
                Step next = steps.get(step);
                Http.Answer answer = send(target, new Step("/api/cases/" + caseId + next.path(), next.eventType(), next.body()));
                if (answer.ok()) {
                    record(caseId, answer, next.eventType(), target);
                    step++;
                    failuresOnStep = 0;
                } else if (++failuresOnStep >= 3) {
                    step = steps.size(); // give this case up; the next loop opens another
                }
                if (step >= steps.size()) {
                    caseId = null;
                }
            }
            sleep(pause);
        }
    }

    private Http.Answer send(Target target, Step step) {
        attempted.increment();
        Http.Answer answer = http.post(target.base().resolve(step.path()), target.headers().get(), step.body());
        if (!answer.ok()) {
            refused.computeIfAbsent(answer.status(), status -> new LongAdder()).increment();
            sampleBodies.putIfAbsent(answer.status(), step.path().replaceAll("[0-9a-f-]{36}", "{id}") + " → "
                    + (answer.body().length() > 300 ? answer.body().substring(0, 300) + "…" : answer.body()));
        }
        return answer;
    }

    private void record(UUID caseId, Http.Answer answer, String eventType, Target target) {
        long version = answer.json().path("version").asLong(-1);
        accepted.add(new Accepted(caseId, version, eventType, target.name(), phase, Instant.now()));
    }

    /** The facts recorded on each case after it is opened, in order; dates relative to today. */
    private static List<Step> steps() {
        LocalDate today = LocalDate.now();
        return List.of(
                new Step("/assignments", "CaseAssigned", "{\"assignee\":\"" + ASSIGNEE + "\"}"),
                new Step("/parole-requests", "ParoleRequested", """
                        {"filedOn":"%s","kind":"INITIAL","basis":"URGENT_HUMANITARIAN","urgency":"URGENT"}"""
                        .formatted(today.minusDays(60))),
                // Ends in 20 days: the 30-day ParoleExpiring reminder is already due and fires at once.
                new Step("/parole-grants", "ParoleGranted", """
                        {"grantedOn":"%s","validUntil":"%s"}""".formatted(today.minusDays(30), today.plusDays(20))),
                new Step("/entries", "EntryRecorded", """
                        {"date":"%s","manner":"PAROLED"}""".formatted(today.minusDays(29))),
                new Step("/ead-applications", "EadFiled", """
                        {"category":"c11","filedOn":"%s","renewal":false}""".formatted(today.minusDays(10))),
                new Step("/notes", "NoteAdded", "{\"text\":\"crash test note\"}"));
    }

    private static String openCase(int client) {
        return """
                {"client":{"givenName":"Fault%d","familyName":"Load","dateOfBirth":"1990-05-01",
                 "countryOfNationality":"UA","preferredLanguage":"en"},"lastArrivalDate":"%s"}"""
                .formatted(client, LocalDate.now().minusDays(29));
    }

    long attempted() {
        return attempted.sum();
    }

    int casesOpened() {
        return casesOpened.get();
    }

    /** Refusals by status, e.g. {@code 502×12, -1×3}. */
    String refusals() {
        if (refused.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        refused.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> parts.add((e.getKey() == -1 ? "no answer" : e.getKey().toString()) + "×" + e.getValue().sum()));
        return String.join(", ", parts);
    }

    /** The first answer of each refusing status, for the report. */
    Map<Integer, String> sampleBodies() {
        return Map.copyOf(sampleBodies);
    }

    long refusedCount() {
        return refused.values().stream().mapToLong(LongAdder::sum).sum();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
