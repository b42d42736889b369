package org.haven.bench.faults;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.haven.deploy.local.HavenLocalStack;
import org.haven.events.EventHeaders;
import org.haven.events.Topics;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Proves, for a set of accepted commands, that each one's event is in the event store, on Kafka and in the
 * projections, that no event was applied twice, and that no notification went out twice. Waits (bounded) for the
 * asynchronous parts to settle first: the relay, the projection, notification-service's deliveries.
 */
final class Checker {

    /** Events that give a notification (notification-service's policy) among those the load records. */
    static final Set<String> NOTIFYING = Set.of("CaseOpened", "CaseAssigned", "ParoleGranted", "EadFiled");
    /** What the crash tests' webhook subscribes to. */
    static final List<String> WEBHOOK_EVENT_TYPES = List.of("CaseOpened", "CaseAssigned", "ParoleGranted", "EadFiled",
            "ParoleExpiring");
    /** Events the deadline manager records when a deadline fires: each deadline at most once per case. */
    static final Set<String> DEADLINE_EVENTS = Set.of("ParoleExpiring", "ParoleExpired", "AsylumDeadlineApproaching",
            "EadExpiring", "AdjustmentEligible", "UnlawfulPresenceThresholdReached", "DeadlineApproaching", "DeadlineReached");

    private final HavenLocalStack stack;
    private final Http http;
    private final String apiKey;
    private final WebhookReceiver webhooks;

    Checker(HavenLocalStack stack, Http http, String apiKey, WebhookReceiver webhooks) {
        this.stack = stack;
        this.http = http;
        this.apiKey = apiKey;
        this.webhooks = webhooks;
    }

    /** One line of a case's verdict. */
    record Line(String name, boolean pass, String detail) {
    }

    static final class Report {
        final List<Line> lines = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        Duration settled;
        boolean settledInTime;

        boolean pass() {
            return lines.stream().allMatch(Line::pass);
        }

        void add(String name, boolean pass, String detail) {
            lines.add(new Line(name, pass, detail));
        }
    }

    /** The state of everything the checks look at, read once. */
    private record Snapshot(Map<String, StoredEvent> store, Map<String, Long> maxSequence, Map<String, Long> summaryVersion,
                            Map<String, Integer> onKafka, Set<String> notified, Map<String, Integer> pendingByChannel,
                            int pendingDue,
                            Map<String, Integer> failedByChannel, int doublyDelivered, int doublyNotified,
                            Map<String, Integer> deliveredByChannel) {
    }

    private record StoredEvent(String caseId, long sequence, String eventId, String type) {
    }

    /**
     * @param waitForLeases also wait until no delivery is pending at all, i.e. until deliveries claimed by an instance
     *                      that died (or whose outcome could not be recorded) were sent again after their lease
     */
    Report check(Collection<Accepted> phase, Duration settleTimeout, boolean waitForLeases) {
        Report report = new Report();
        List<Accepted> accepted = List.copyOf(phase);
        Instant began = Instant.now();
        Instant deadline = began.plus(settleTimeout);
        Snapshot snapshot;
        while (true) {
            try {
                snapshot = snapshot(accepted);
            } catch (RuntimeException e) { // e.g. a connection refused just after a restart
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                report.notes.add("reading the state failed once while settling: " + e.getMessage());
                sleep(Duration.ofSeconds(2));
                continue;
            }
            if (settled(accepted, snapshot, waitForLeases)) {
                report.settledInTime = true;
                break;
            }
            if (Instant.now().isAfter(deadline)) {
                report.settledInTime = false;
                break;
            }
            sleep(Duration.ofSeconds(2));
        }
        report.settled = Duration.between(began, Instant.now());
        checkStore(accepted, snapshot, report);
        checkKafka(accepted, snapshot, report);
        checkProjections(accepted, snapshot, report);
        checkNotifications(accepted, snapshot, report);
        return report;
    }

    private boolean settled(List<Accepted> accepted, Snapshot s, boolean waitForLeases) {
        for (Accepted a : accepted) {
            StoredEvent event = s.store().get(key(a));
            if (event == null) {
                continue; // lost: waiting will not bring it back; reported by checkStore
            }
            if (!s.onKafka().containsKey(event.eventId())) {
                return false;
            }
            if (NOTIFYING.contains(a.eventType()) && !s.notified().contains(event.eventId())) {
                return false;
            }
        }
        for (var entry : s.maxSequence().entrySet()) {
            if (!entry.getValue().equals(s.summaryVersion().get(entry.getKey()))) {
                return false;
            }
        }
        // A delivery due (or never tried) is waited for; one held by a lease or a back-off is, unless asked, only reported.
        return waitForLeases ? s.pendingByChannel().values().stream().mapToInt(Integer::intValue).sum() == 0 : s.pendingDue() == 0;
    }

    // --- the checks -------------------------------------------------------------------------------------

    private void checkStore(List<Accepted> accepted, Snapshot s, Report report) {
        List<String> missing = new ArrayList<>();
        List<String> wrongType = new ArrayList<>();
        for (Accepted a : accepted) {
            StoredEvent event = s.store().get(key(a));
            if (event == null) {
                missing.add(describe(a));
            } else if (!event.type().equals(a.eventType())) {
                wrongType.add(describe(a) + " is " + event.type());
            }
        }
        int found = accepted.size() - missing.size() - wrongType.size();
        report.add("store", missing.isEmpty() && wrongType.isEmpty(),
                found + "/" + accepted.size() + " accepted commands' events in haven_case.domain_event_entry"
                        + problems("LOST", missing) + problems("another event at the accepted version", wrongType));
    }

    private void checkKafka(List<Accepted> accepted, Snapshot s, Report report) {
        List<String> missing = new ArrayList<>();
        for (Accepted a : accepted) {
            StoredEvent event = s.store().get(key(a));
            if (event != null && !s.onKafka().containsKey(event.eventId())) {
                missing.add(describe(a) + " event " + event.eventId());
            }
        }
        long resent = s.onKafka().values().stream().filter(count -> count > 1).count();
        long stored = accepted.stream().filter(a -> s.store().containsKey(key(a))).count();
        report.add("kafka", missing.isEmpty(), (stored - missing.size()) + "/" + stored + " on " + Topics.CASE_EVENTS
                + " (fresh consumer group, from the start, by " + EventHeaders.EVENT_ID + "); "
                + s.onKafka().size() + " distinct events on the topic, " + resent
                + " of them sent more than once (at-least-once relay; consumers dedupe)" + problems("NOT ON KAFKA", missing));
    }

    private void checkProjections(List<Accepted> accepted, Snapshot s, Report report) {
        Map<UUID, Long> highestAccepted = new HashMap<>();
        Map<UUID, List<Accepted>> byCase = new LinkedHashMap<>();
        for (Accepted a : accepted) {
            highestAccepted.merge(a.caseId(), a.version(), Math::max);
            byCase.computeIfAbsent(a.caseId(), id -> new ArrayList<>()).add(a);
        }
        List<String> behind = new ArrayList<>();
        List<String> notInHistory = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        int historyEntries = 0;
        int assessments = 0;
        int deadlineEvents = 0;
        Map<String, String> headers = Map.of("X-API-Key", apiKey);
        URI gateway = stack.gatewayUrl();
        for (var entry : byCase.entrySet()) {
            UUID caseId = entry.getKey();
            Http.Answer view = http.get(gateway.resolve("/api/cases/" + caseId), headers);
            long version = view.ok() ? view.json().path("version").asLong(-1) : -1;
            if (version < highestAccepted.get(caseId)) {
                behind.add(caseId + " at " + (view.ok() ? "version " + version : "HTTP " + view.status())
                        + ", accepted " + highestAccepted.get(caseId));
            }
            Http.Answer history = http.get(gateway.resolve("/api/cases/" + caseId + "/history"), headers);
            if (!history.ok()) {
                notInHistory.add(caseId + ": history HTTP " + history.status());
                continue;
            }
            Map<Long, String> typeBySequence = new HashMap<>();
            Map<String, Integer> assessmentIds = new HashMap<>();
            Map<String, Integer> deadlineFirings = new HashMap<>();
            long expected = 0;
            for (JsonNode e : history.json()) {
                historyEntries++;
                long sequence = e.path("sequence").asLong();
                String type = e.path("type").asString();
                if (typeBySequence.put(sequence, type) != null) {
                    duplicates.add(caseId + " sequence " + sequence + " twice in its history");
                }
                if (sequence != expected++) {
                    duplicates.add(caseId + " history not contiguous at " + sequence);
                    expected = sequence + 1;
                }
                if ("EligibilityAssessed".equals(type)) {
                    assessments++;
                    assessmentIds.merge(e.path("payload").path("assessmentId").asString(), 1, Integer::sum);
                }
                if (DEADLINE_EVENTS.contains(type)) {
                    deadlineEvents++;
                    deadlineFirings.merge(type + " " + e.path("payload"), 1, Integer::sum);
                }
            }
            assessmentIds.forEach((id, count) -> {
                if (count > 1) {
                    duplicates.add(caseId + " EligibilityAssessed " + id + " recorded " + count + " times");
                }
            });
            deadlineFirings.forEach((firing, count) -> {
                if (count > 1) {
                    duplicates.add(caseId + " deadline fired " + count + " times: " + firing);
                }
            });
            for (Accepted a : entry.getValue()) {
                if (!a.eventType().equals(typeBySequence.get(a.version()))) {
                    notInHistory.add(describe(a) + " history has " + typeBySequence.get(a.version()));
                }
            }
        }
        report.add("projection", behind.isEmpty() && notInHistory.isEmpty(),
                (byCase.size() - behind.size()) + "/" + byCase.size() + " cases at or past their accepted version (GET /api/cases/{id}); "
                        + (accepted.size() - notInHistory.size()) + "/" + accepted.size() + " accepted events in GET …/history"
                        + problems("BEHIND", behind) + problems("NOT IN HISTORY", notInHistory));
        List<String> summaryWrong = new ArrayList<>();
        s.maxSequence().forEach((caseId, max) -> {
            Long summary = s.summaryVersion().get(caseId);
            if (!max.equals(summary)) {
                summaryWrong.add(caseId + " case_summary.version " + summary + ", max sequence " + max);
            }
        });
        report.add("no duplicates", duplicates.isEmpty() && summaryWrong.isEmpty(),
                "case_summary.version = max sequence for " + (s.maxSequence().size() - summaryWrong.size()) + "/"
                        + s.maxSequence().size() + " cases of the run; " + historyEntries + " history entries of "
                        + byCase.size() + " cases, sequences unique and contiguous; " + assessments
                        + " EligibilityAssessed, each assessment once; " + deadlineEvents + " deadline events, each deadline once"
                        + problems("DUPLICATED", duplicates) + problems("PROJECTION OFF", summaryWrong));
    }

    private void checkNotifications(List<Accepted> accepted, Snapshot s, Report report) {
        List<String> notNotified = new ArrayList<>();
        List<String> webhookMissing = new ArrayList<>();
        int notifying = 0;
        for (Accepted a : accepted) {
            StoredEvent event = s.store().get(key(a));
            if (event == null || !NOTIFYING.contains(a.eventType())) {
                continue;
            }
            notifying++;
            if (!s.notified().contains(event.eventId())) {
                notNotified.add(describe(a) + " event " + event.eventId());
            }
            if (!webhooks.receivedEvent(event.eventId())) {
                webhookMissing.add(describe(a) + " event " + event.eventId());
            }
        }
        Map<String, Set<String>> severalIds = webhooks.eventsWithSeveralIds();
        Map<String, Integer> messageIds = new HashMap<>();
        int mails = 0;
        for (MimeMessage message : stack.mail().receivedMessages()) {
            mails++;
            try {
                messageIds.merge(String.valueOf(message.getMessageID()), 1, Integer::sum);
            } catch (MessagingException e) {
                messageIds.merge("unreadable", 1, Integer::sum);
            }
        }
        List<String> mailResent = messageIds.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(e -> e.getKey() + " ×" + e.getValue()).toList();
        int pending = s.pendingByChannel().values().stream().mapToInt(Integer::intValue).sum();
        // Still pending after the settle time is not a loss (a delivery claimed by a killed instance is sent again when
        // its lease ends), but then the webhook may not have arrived yet either: that is reported, not failed.
        boolean missingExplainedByPending = pending > 0 && webhookMissing.size() <= s.pendingByChannel().getOrDefault("WEBHOOK", 0);
        boolean pass = notNotified.isEmpty() && s.doublyDelivered() == 0 && s.doublyNotified() == 0 && severalIds.isEmpty()
                && (webhookMissing.isEmpty() || missingExplainedByPending);
        report.add("notifications", pass,
                (notifying - notNotified.size()) + "/" + notifying + " accepted notifying events notified once (in-app); "
                        + "delivery log: delivered " + s.deliveredByChannel() + ", pending " + s.pendingByChannel()
                        + ", failed " + s.failedByChannel() + ", " + s.doublyDelivered()
                        + " (event, channel, recipient) delivered twice; webhooks: " + (notifying - webhookMissing.size()) + "/"
                        + notifying + " received, " + webhooks.received() + " requests for " + webhooks.events()
                        + " events, " + webhooks.resentIds() + " ids re-sent (same webhook-id), " + severalIds.size()
                        + " events with two different webhook-ids; email: " + mails + " messages, " + mailResent.size()
                        + " Message-IDs received more than once"
                        + problems("NOT NOTIFIED", notNotified)
                        + problems(missingExplainedByPending ? "webhook not yet received (delivery pending)" : "WEBHOOK NOT RECEIVED", webhookMissing)
                        + problems("SENT TWICE (two webhook-ids)", severalIds.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()));
        if (!mailResent.isEmpty()) {
            report.notes.add("email sent again with the same Message-ID (the documented window: the SMTP server accepted it but"
                    + " the outcome was not recorded — the instance was killed or PostgreSQL was down — so it went out again"
                    + " when its lease ended; receivers dedupe on Message-ID), so far in the run: " + mailResent);
        }
    }

    // --- reading the state ---------------------------------------------------------------------------------

    private Snapshot snapshot(List<Accepted> accepted) {
        Map<String, StoredEvent> store = new HashMap<>();
        Map<String, Long> maxSequence = new HashMap<>();
        Map<String, Long> summaryVersion = new HashMap<>();
        Set<String> cases = accepted.stream().map(a -> a.caseId().toString()).collect(Collectors.toSet());
        try (Connection db = connect("haven_case")) {
            try (PreparedStatement q = db.prepareStatement("""
                    select aggregate_identifier, sequence_number, event_identifier, payload_type
                      from domain_event_entry where aggregate_identifier = any(?)""")) {
                q.setArray(1, db.createArrayOf("varchar", cases.toArray()));
                try (ResultSet rows = q.executeQuery()) {
                    while (rows.next()) {
                        String type = rows.getString(4);
                        StoredEvent event = new StoredEvent(rows.getString(1), rows.getLong(2), rows.getString(3),
                                type.substring(type.lastIndexOf('.') + 1));
                        store.put(event.caseId() + "/" + event.sequence(), event);
                    }
                }
            }
            try (PreparedStatement q = db.prepareStatement("""
                    select e.aggregate_identifier, max(e.sequence_number), s.version
                      from domain_event_entry e left join case_summary s on s.case_id::text = e.aggregate_identifier
                     group by e.aggregate_identifier, s.version""");
                 ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    maxSequence.put(rows.getString(1), rows.getLong(2));
                    long version = rows.getLong(3);
                    if (!rows.wasNull()) {
                        summaryVersion.put(rows.getString(1), version);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading haven_case failed", e);
        }
        Set<String> eventIds = store.values().stream().map(StoredEvent::eventId).collect(Collectors.toSet());
        Set<String> notified = new HashSet<>();
        Map<String, Integer> pending = new TreeMap<>();
        Map<String, Integer> failed = new TreeMap<>();
        Map<String, Integer> delivered = new TreeMap<>();
        int doublyDelivered;
        int doublyNotified;
        int pendingDue;
        try (Connection db = connect("haven_notification")) {
            try (PreparedStatement q = db.prepareStatement("select event_id::text from notification where event_id = any(?::uuid[])")) {
                q.setArray(1, db.createArrayOf("varchar", eventIds.toArray()));
                try (ResultSet rows = q.executeQuery()) {
                    while (rows.next()) {
                        notified.add(rows.getString(1));
                    }
                }
            }
            try (PreparedStatement q = db.prepareStatement(
                    "select channel, status, count(*) from notification_delivery group by channel, status");
                 ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    Map<String, Integer> target = switch (rows.getString(2)) {
                        case "PENDING" -> pending;
                        case "FAILED" -> failed;
                        default -> delivered;
                    };
                    target.merge(rows.getString(1), rows.getInt(3), Integer::sum);
                }
            }
            doublyDelivered = count(db, """
                    select count(*) from (select event_id, channel, recipient from notification_delivery
                                           where status = 'DELIVERED' group by 1, 2, 3 having count(*) > 1) twice""");
            doublyNotified = count(db, "select count(*) from (select event_id from notification group by 1 having count(*) > 1) twice");
            pendingDue = count(db, "select count(*) from notification_delivery where status = 'PENDING'"
                    + " and (attempts = 0 or next_attempt_at <= now())");
        } catch (SQLException e) {
            throw new IllegalStateException("Reading haven_notification failed", e);
        }
        return new Snapshot(store, maxSequence, summaryVersion, readKafka(), notified, pending, pendingDue, failed, doublyDelivered,
                doublyNotified, delivered);
    }

    private static int count(Connection db, String sql) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(sql); ResultSet rows = q.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private Connection connect(String database) throws SQLException {
        var postgres = stack.postgres();
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password());
    }

    /** Every event id on the case-events topic with how often it is there: a fresh group, from the start to the end. */
    Map<String, Integer> readKafka() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "faults-check-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        Map<String, Integer> counts = new HashMap<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CASE_EVENTS, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(10)) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Could not read " + Topics.CASE_EVENTS + " to its end in 60 s");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Header id = record.headers().lastHeader(EventHeaders.EVENT_ID);
                    if (id != null) {
                        counts.merge(new String(id.value(), StandardCharsets.UTF_8), 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }

    private static String key(Accepted a) {
        return a.caseId() + "/" + a.version();
    }

    private static String describe(Accepted a) {
        return a.eventType() + " v" + a.version() + " of case " + a.caseId() + " (via " + a.via() + ", accepted " + a.at() + ")";
    }

    private static String problems(String label, List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        int shown = Math.min(10, items.size());
        return "\n        " + label + " (" + items.size() + "): " + String.join("\n          ", items.subList(0, shown))
                + (items.size() > shown ? "\n          …" : "");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
