package org.haven.deploy;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.haven.deploy.local.HavenLocalStack;
import org.haven.deploy.local.ServiceProcess;
import org.haven.deploy.security.InternalTokens;
import org.haven.events.Topics;
import org.haven.infra.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of each service on the shared stack (the second started beside the first, same database and
 * consumer group, as {@code ./haven up --replicas 2} does): Kafka partitions are split between the instances of
 * each consumer group, case-service's tracking processors have one of their two segments on each instance (and
 * all on the survivor when one stops), concurrent commands on one case through both case-service instances all
 * succeed and leave a gap-free history, an If-Match ahead of an instance's cached copy is not refused, and each
 * case event gives one notification.
 */
@Timeout(value = 12, unit = java.util.concurrent.TimeUnit.MINUTES)
@ExtendWith(SharedStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutEndToEndTest {

    private static final String CASEWORKER_A = "hvn_dev_a_caseworker";
    private static final List<String> CONSUMER_GROUPS = List.of(
            HavenLocalStack.CASE_SERVICE, HavenLocalStack.ELIGIBILITY_SERVICE, HavenLocalStack.NOTIFICATION_SERVICE);
    private static final List<String> TRACKING_PROCESSORS = List.of("case-summary", "kafka-relay");
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper json = JsonMapper.builder().build();

    private static HavenLocalStack stack;
    private static final List<ServiceProcess> seconds = new ArrayList<>();
    /** Members of each consumer group with one instance per service (a service may run several consumers). */
    private static final Map<String, Integer> membersOfOneInstance = new HashMap<>();

    @BeforeAll
    static void secondInstanceOfEachService() throws Exception {
        stack = SharedStack.stack();
        try (Admin admin = admin()) {
            admin.describeConsumerGroups(CONSUMER_GROUPS).all().get()
                    .forEach((group, description) -> membersOfOneInstance.put(group, description.members().size()));
        }
        System.out.printf("consumer group members with one instance each: %s%n", membersOfOneInstance);
        for (String service : HavenLocalStack.SERVICE_DATABASES.keySet()) {
            seconds.add(stack.startInstance(service, TestInfrastructure.freePort()));
        }
    }

    @AfterAll
    static void backToOneInstance() {
        seconds.forEach(instance -> instance.stop(HavenLocalStack.STOP_GRACE));
    }

    @Test
    @Order(1)
    void kafkaPartitionsAreSplitBetweenTheTwoInstancesOfEachConsumerGroup() throws Exception {
        try (Admin admin = admin()) {
            Map<String, ConsumerGroupDescription> groups = awaitTwiceTheMembers(admin);
            for (ConsumerGroupDescription group : groups.values()) {
                assertThat(group.members()).as(group.groupId()).hasSize(2 * membersOfOneInstance.get(group.groupId()));
                Map<String, Set<TopicPartition>> byMember = group.members().stream().collect(Collectors.toMap(
                        MemberDescription::consumerId, member -> member.assignment().topicPartitions()));
                System.out.printf("consumer group %s: %s%n", group.groupId(), byMember);
                Set<TopicPartition> all = new HashSet<>();
                byMember.values().forEach(partitions -> {
                    assertThat(partitions).as(group.groupId() + ": every instance has partitions").isNotEmpty();
                    partitions.forEach(p -> assertThat(all.add(p)).as(group.groupId() + ": " + p + " assigned twice").isTrue());
                });
                for (String topic : all.stream().map(TopicPartition::topic).collect(Collectors.toSet())) {
                    assertThat(all.stream().filter(p -> p.topic().equals(topic))).as(topic).hasSize(Topics.PARTITIONS);
                }
            }
        }
    }

    @Test
    @Order(2)
    void concurrentCommandsOnOneCaseThroughBothInstancesAllSucceedWithAGapFreeHistory() throws Exception {
        String caseId = openCase();
        List<URI> instances = List.of(stack.process(HavenLocalStack.CASE_SERVICE).baseUri(), seconds.getFirst().baseUri());
        int commands = 40;
        Map<Integer, Integer> statuses = new HashMap<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < commands; i++) {
                URI instance = instances.get(i % 2);
                String note = "{\"text\":\"note " + i + " via " + instance.getPort() + "\"}";
                answers.add(CompletableFuture.supplyAsync(() -> addNoteDirectly(instance, caseId, note), pool));
            }
            answers.forEach(answer -> statuses.merge(answer.join(), 1, Integer::sum));
        }
        System.out.printf("%d notes on one case through two instances: answers %s%n", commands, statuses);
        // a command that loses the race is retried by case-service (ConflictRetries), so every one is recorded
        assertThat(statuses).isEqualTo(Map.of(200, commands));

        try (Connection db = database(HavenLocalStack.CASE_SERVICE)) {
            List<Long> sequence = new ArrayList<>();
            int notes = 0;
            try (var query = db.prepareStatement("select sequence_number, payload_type from domain_event_entry"
                    + " where aggregate_identifier = ? order by sequence_number")) {
                query.setString(1, caseId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        sequence.add(rows.getLong(1));
                        notes += rows.getString(2).endsWith("NoteAdded") ? 1 : 0;
                    }
                }
            }
            System.out.printf("history of the case: %d events, %d NoteAdded%n", sequence.size(), notes);
            // one NoteAdded per accepted command (nothing lost, nothing doubled), and no gap in the sequence
            assertThat(notes).isEqualTo(statuses.getOrDefault(200, 0));
            for (int i = 0; i < sequence.size(); i++) {
                assertThat(sequence.get(i)).isEqualTo(i);
            }
        }
        JsonNode verify = get("/api/audit/cases/" + caseId + "/verify", "hvn_dev_a_auditor");
        assertThat(verify.get("valid").asBoolean()).as(verify.toString()).isTrue();
    }

    @Test
    @Order(3)
    void anIfMatchAheadOfAnInstancesCachedCopyIsRetriedOnTheStoredCaseNotRefused() throws Exception {
        String caseId = openCase();
        awaitEligibilityAssessed(caseId); // the last event the pipeline adds on its own; from here only these notes
        URI first = stack.process(HavenLocalStack.CASE_SERVICE).baseUri();
        URI second = seconds.getFirst().baseUri();

        long cachedBySecond = version(addNote(second, caseId, Map.of()));
        long current = version(addNote(first, caseId, Map.of())); // the second instance's copy is now one behind
        assertThat(current).isEqualTo(cachedBySecond + 1);

        HttpResponse<String> answer = addNote(second, caseId, Map.of("If-Match", "\"" + current + "\""));

        // before OlderCopyOfCase: 412 "The case is at version <cachedBySecond>, not <current>"
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(version(answer)).isEqualTo(current + 1);
    }

    @Test
    @Order(4)
    void eachTrackingProcessorsTwoSegmentsAreSplitBetweenTheTwoInstances() throws Exception {
        String first = stack.process(HavenLocalStack.CASE_SERVICE).pid() + "@";
        String second = seconds.getFirst().pid() + "@";
        Map<String, Map<Integer, String>> owners = awaitOwners(Duration.ofSeconds(30), byProcessor -> TRACKING_PROCESSORS.stream()
                .allMatch(processor -> byProcessor.getOrDefault(processor, Map.of()).size() == 2
                        && Set.copyOf(byProcessor.get(processor).values()).size() == 2));
        System.out.printf("segment owners with two instances (%s, %s): %s%n", first, second, owners);
        for (String processor : TRACKING_PROCESSORS) {
            // Axon's owner is "<pid>@<host>"
            assertThat(owners.get(processor).values()).as(processor)
                    .anySatisfy(owner -> assertThat(owner).startsWith(first))
                    .anySatisfy(owner -> assertThat(owner).startsWith(second));
        }
    }

    @Test
    @Order(5)
    void eachCaseOpeningGivesOneNotificationAndNoEmailIsSentTwice() throws Exception {
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            cases.add(openCase()); // keyed by case id: spread over the partitions, so over both instances
        }
        String inCases = cases.stream().map(id -> "'" + id + "'").collect(Collectors.joining(",", "(", ")"));
        Map<String, Integer> perCase = new HashMap<>();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        try (Connection db = database(HavenLocalStack.NOTIFICATION_SERVICE)) {
            while (perCase.size() < cases.size() && Instant.now().isBefore(deadline)) {
                Thread.sleep(1000);
                perCase.clear();
                try (ResultSet rows = db.createStatement().executeQuery("select case_id, count(*) from notification"
                        + " where event_type like '%CaseOpened' and case_id in " + inCases + " group by case_id")) {
                    while (rows.next()) {
                        perCase.put(rows.getString(1), rows.getInt(2));
                    }
                }
            }
            Thread.sleep(5000); // a second copy, if any instance were to make one, has had time to appear
            try (ResultSet rows = db.createStatement().executeQuery("select count(*) from notification"
                    + " where event_type like '%CaseOpened' and case_id in " + inCases)) {
                rows.next();
                System.out.printf("CaseOpened notifications for %d new cases: %d%n", cases.size(), rows.getInt(1));
                assertThat(rows.getInt(1)).isEqualTo(cases.size());
            }
        }
        assertThat(perCase).hasSize(cases.size()).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));

        Map<String, Integer> byMessageId = new HashMap<>();
        for (MimeMessage message : stack.mail().receivedMessages()) {
            byMessageId.merge(messageId(message), 1, Integer::sum);
        }
        System.out.printf("emails captured: %d, distinct Message-IDs: %d%n",
                byMessageId.values().stream().mapToInt(Integer::intValue).sum(), byMessageId.size());
        assertThat(byMessageId).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
    }

    @Test
    @Order(6)
    void whenTheFirstInstanceStopsTheSurvivorOwnsEverySegment() throws Exception {
        String survivor = seconds.getFirst().pid() + "@";
        stack.process(HavenLocalStack.CASE_SERVICE).stop(HavenLocalStack.STOP_GRACE);
        try {
            Map<String, Map<Integer, String>> owners = awaitOwners(Duration.ofSeconds(30), byProcessor -> TRACKING_PROCESSORS.stream()
                    .allMatch(processor -> byProcessor.getOrDefault(processor, Map.of()).size() == 2
                            && byProcessor.get(processor).values().stream().allMatch(owner -> owner.startsWith(survivor))));
            System.out.printf("segment owners after the first instance stopped: %s%n", owners);
            for (String processor : TRACKING_PROCESSORS) {
                assertThat(owners.get(processor).values()).as(processor).hasSize(2).allSatisfy(owner -> assertThat(owner).startsWith(survivor));
            }
        } finally {
            stack.start(HavenLocalStack.CASE_SERVICE); // the stack is shared with other test classes
        }
    }

    /** Owner of each segment of each processor (unowned segments left out), polled until {@code done} or the timeout. */
    private static Map<String, Map<Integer, String>> awaitOwners(Duration timeout,
                                                                 java.util.function.Predicate<Map<String, Map<Integer, String>>> done)
            throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        try (Connection db = database(HavenLocalStack.CASE_SERVICE)) {
            while (true) {
                Map<String, Map<Integer, String>> owners = new HashMap<>();
                try (ResultSet rows = db.createStatement().executeQuery(
                        "select processor_name, segment, owner from token_entry where owner is not null")) {
                    while (rows.next()) {
                        owners.computeIfAbsent(rows.getString(1), p -> new HashMap<>()).put(rows.getInt(2), rows.getString(3));
                    }
                }
                if (done.test(owners) || Instant.now().isAfter(deadline)) {
                    return owners;
                }
                Thread.sleep(500);
            }
        }
    }

    private static Admin admin() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
        return Admin.create(config);
    }

    private static Map<String, ConsumerGroupDescription> awaitTwiceTheMembers(Admin admin) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (true) {
            Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(CONSUMER_GROUPS).all().get();
            boolean rebalanced = groups.values().stream().allMatch(g ->
                    g.members().size() == 2 * membersOfOneInstance.get(g.groupId())
                    && g.members().stream().noneMatch(m -> m.assignment().topicPartitions().isEmpty()));
            if (rebalanced || Instant.now().isAfter(deadline)) {
                return groups;
            }
            Thread.sleep(1000);
        }
    }

    private static String openCase() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(stack.gatewayUrl().resolve("/api/cases"))
                .header("X-API-Key", CASEWORKER_A).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"client":{"givenName":"Olena","familyName":"Kovalenko","dateOfBirth":"1990-05-01",\
                        "countryOfNationality":"UA","preferredLanguage":"en"}}""")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asString();
    }

    /** Straight to one instance, as the gateway would forward it, with an internal identity token. */
    private static int addNoteDirectly(URI instance, String caseId, String body) {
        HttpResponse<String> response = addNote(instance, caseId, body, Map.of());
        if (response.statusCode() != 200) {
            System.out.printf("note via %s: %d %s%n", instance, response.statusCode(), response.body());
        }
        return response.statusCode();
    }

    private static HttpResponse<String> addNote(URI instance, String caseId, Map<String, String> headers) {
        return addNote(instance, caseId, "{\"text\":\"note via " + instance.getPort() + "\"}", headers);
    }

    private static HttpResponse<String> addNote(URI instance, String caseId, String body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(instance.resolve("/api/cases/" + caseId + "/notes"))
                    .header("Authorization", "Bearer " + InternalTokens.valid("org-a", List.of("CASEWORKER")))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long version(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json.readTree(answer.body()).get("version").asLong();
    }

    private static void awaitEligibilityAssessed(String caseId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        try (Connection db = database(HavenLocalStack.CASE_SERVICE);
             var query = db.prepareStatement("select count(*) from domain_event_entry"
                     + " where aggregate_identifier = ? and payload_type like '%EligibilityAssessed'")) {
            query.setString(1, caseId);
            while (true) {
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) > 0) {
                        return;
                    }
                }
                assertThat(Instant.now()).as("EligibilityAssessed recorded on case " + caseId).isBefore(deadline);
                Thread.sleep(500);
            }
        }
    }

    private static JsonNode get(String path, String apiKey) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(stack.gatewayUrl().resolve(path))
                .header("X-API-Key", apiKey).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static Connection database(String service) throws SQLException {
        var postgres = stack.postgres();
        return DriverManager.getConnection(postgres.jdbcUrl(HavenLocalStack.SERVICE_DATABASES.get(service)),
                postgres.username(), postgres.password());
    }

    private static String messageId(MimeMessage message) {
        try {
            return String.valueOf(message.getMessageID());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
