package org.haven.notifications;

import jakarta.mail.internet.MimeMessage;
import org.haven.events.CaseEventEnvelope;
import org.haven.events.CaseEventPayload.ParoleGranted;
import org.haven.notifications.delivery.Channel;
import org.haven.notifications.delivery.ChannelSender;
import org.haven.notifications.delivery.ClaimedDelivery;
import org.haven.notifications.delivery.DeliveryLog;
import org.haven.notifications.delivery.DeliveryWorker;
import org.haven.notifications.delivery.Outcome;
import org.haven.notifications.intake.NotificationIntake;
import org.haven.notifications.recipients.Recipient;
import org.haven.notifications.recipients.Recipients;
import org.haven.notifications.templates.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What happens when things die at the worst moment. The consumer and the senders are driven directly here so
 * that a test can stop exactly between two steps; everything else (database, SMTP server, receiver) is real.
 */
class ExactlyOnceIntegrationTest extends NotificationServiceIntegrationTest {

    @Autowired
    NotificationIntake intake;
    @Autowired
    DeliveryLog deliveryLog;
    @Autowired
    DeliveryWorker worker;
    @Autowired
    List<ChannelSender> senders;
    @Autowired
    Recipients recipients;
    @Autowired
    TransactionTemplate transactions;

    private final WebhookReceiver receiver = new WebhookReceiver();
    private String org;
    private String caseworkerEmail;

    @BeforeEach
    void organizationWithACaseworkerAndAWebhook() {
        org = newOrganization();
        caseworkerEmail = "caseworker@" + org + ".example";
        recipients.save(new Recipient(org, "user:caseworker", caseworkerEmail, Language.EN));
        admin(org).post("/api/webhooks", """
                {"url":"%s","eventTypes":["ParoleGranted"]}""".formatted(receiver.url("/hook"))).hasStatus(201);
    }

    @AfterEach
    void restartSendersAndStopReceiver() {
        worker.start();
        receiver.close();
    }

    @Test
    void theSameKafkaRecordConsumedTwiceSendsOneEmailAndOneWebhook() throws Exception {
        Events kase = Events.newCase(org);
        topic.publish(kase.opened("user:caseworker", "en"));
        CaseEventEnvelope<ParoleGranted> granted = kase.paroleGranted();

        topic.publish(granted);
        awaitDelivered(kase, 2);
        topic.awaitConsumed(GROUP, topic.publish(granted));
        intake.caseEventsReceived(List.of(granted));
        Thread.sleep(1_000);

        assertThat(paroleGrantedEmails(kase)).hasSize(1);
        assertThat(receiver.receivedFor(kase.caseId().toString())).hasSize(1);
    }

    @Test
    void aConsumerThatDiesBeforeItsTransactionCommitsLeavesNothingAndTheRedeliveryNotifiesOnce() throws Exception {
        Events kase = Events.newCase(org);
        intake.caseEventsReceived(List.of(kase.opened("user:caseworker", "en")));
        CaseEventEnvelope<ParoleGranted> granted = kase.paroleGranted();

        transactions.executeWithoutResult(status -> {
            intake.caseEventsReceived(List.of(granted));
            status.setRollbackOnly(); // the process dies here: no commit, no offset commit
        });
        Thread.sleep(500);
        assertThat(feed(kase).findValues("eventType")).extracting(JsonNode::asString).containsExactly("CaseOpened");

        intake.caseEventsReceived(List.of(granted)); // Kafka redelivers the uncommitted record
        intake.caseEventsReceived(List.of(granted)); // and, for good measure, once more

        awaitDelivered(kase, 2);
        Thread.sleep(500);
        assertThat(paroleGrantedEmails(kase)).hasSize(1);
        assertThat(receiver.receivedFor(kase.caseId().toString())).hasSize(1);
    }

    @Test
    void aPollIsOneTransactionAndAPollRedeliveredOverlappingTheLastNotifiesEachEventOnce() throws Exception {
        Events kase = Events.newCase(org);
        CaseEventEnvelope<?> opened = kase.opened("user:caseworker", "en");
        CaseEventEnvelope<ParoleGranted> granted = kase.paroleGranted();

        transactions.executeWithoutResult(status -> {
            intake.caseEventsReceived(List.of(opened, granted));
            status.setRollbackOnly(); // the process dies before the poll's commit
        });
        Thread.sleep(500);
        assertThat(feed(kase).findValues("eventType")).isEmpty();

        intake.caseEventsReceived(List.of(opened)); // a smaller first poll after the restart
        intake.caseEventsReceived(List.of(opened, granted)); // then the same offsets again, and the next

        awaitDelivered(kase, 2);
        Thread.sleep(500);
        assertThat(feed(kase).findValues("eventType")).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("CaseOpened", "ParoleGranted");
        assertThat(paroleGrantedEmails(kase)).hasSize(1);
        assertThat(receiver.receivedFor(kase.caseId().toString())).hasSize(1);
    }

    /**
     * The one window an outbox cannot close: the receiver accepted, the sender died before recording it. The row's
     * lease runs out and it is sent again — with the same webhook-id (receivers drop it) and the same email
     * Message-ID. Documented on {@link DeliveryWorker}.
     */
    @Test
    void aSenderThatDiesAfterSendingAndBeforeRecordingIsResentUnderTheSameIds() {
        worker.stop();
        Events kase = Events.newCase(org);
        intake.caseEventsReceived(List.of(kase.opened("user:caseworker", "en")));
        intake.caseEventsReceived(List.of(kase.paroleGranted()));
        List<ClaimedDelivery> claimed = claimAll(kase);
        assertThat(claimed).extracting(ClaimedDelivery::channel).contains(Channel.EMAIL, Channel.WEBHOOK);

        for (ClaimedDelivery delivery : claimed) {
            assertThat(senderFor(delivery.channel()).send(delivery)).isInstanceOf(Outcome.Delivered.class);
        }
        // ...and the process dies before recording any outcome. A new one starts:
        worker.start();

        List<WebhookReceiver.Received> webhooks = eventually(() -> receiver.receivedFor(kase.caseId().toString()), got -> got.size() == 2);
        assertThat(webhooks.get(1).webhookId()).isEqualTo(webhooks.get(0).webhookId());
        List<MimeMessage> emails = eventually(() -> paroleGrantedEmails(kase), got -> got.size() == 2);
        assertThat(messageIds(emails)).hasSize(1);
        JsonNode deliveries = awaitDelivered(kase, 2);
        assertThat(deliveries.findParents("channel")).filteredOn(delivery -> !delivery.get("channel").asString().equals("IN_APP"))
                .extracting(delivery -> delivery.get("attempts").asInt()).containsExactly(2, 2);
    }

    @Test
    void aSenderStoppedBeforeSendingLeavesTheRowsToTheNextOneWhichSendsEachOnce() throws Exception {
        worker.stop();
        Events kase = Events.newCase(org);
        topic.publish(kase.opened("user:caseworker", "en"));
        topic.awaitConsumed(GROUP, topic.publish(kase.paroleGranted()));
        Thread.sleep(500);
        assertThat(receiver.receivedFor(kase.caseId().toString())).isEmpty();

        worker.start();

        awaitDelivered(kase, 2);
        Thread.sleep(500);
        assertThat(receiver.receivedFor(kase.caseId().toString())).hasSize(1);
        assertThat(paroleGrantedEmails(kase)).hasSize(1);
    }

    @Test
    void twoSendersClaimingAtOnceNeverClaimTheSameDelivery() throws Exception {
        worker.stop();
        List<UUID> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Events kase = Events.newCase(org);
            CaseEventEnvelope<ParoleGranted> granted = kase.paroleGranted();
            intake.caseEventsReceived(List.of(granted));
            events.add(granted.eventId());
        }
        Callable<List<ClaimedDelivery>> sender = () -> {
            List<ClaimedDelivery> mine = new ArrayList<>();
            List<ClaimedDelivery> batch;
            do {
                batch = deliveryLog.claimDue(Set.of(Channel.WEBHOOK), 3);
                mine.addAll(batch);
            } while (!batch.isEmpty());
            return mine;
        };
        ExecutorService two = Executors.newFixedThreadPool(2);
        Future<List<ClaimedDelivery>> first = two.submit(sender);
        Future<List<ClaimedDelivery>> second = two.submit(sender);
        Set<UUID> firstIds = ids(first.get(), events);
        Set<UUID> secondIds = ids(second.get(), events);
        two.shutdown();

        // one sender may well claim everything; what matters is that no delivery is claimed by both
        assertThat(java.util.Collections.disjoint(firstIds, secondIds)).as("%s and %s overlap", firstIds, secondIds).isTrue();
        assertThat(firstIds.size() + secondIds.size()).isEqualTo(30);
    }

    private Set<UUID> ids(List<ClaimedDelivery> claimed, List<UUID> events) {
        return claimed.stream().filter(delivery -> events.contains(delivery.eventId()))
                .map(ClaimedDelivery::id).collect(Collectors.toCollection(HashSet::new));
    }

    private List<ClaimedDelivery> claimAll(Events kase) {
        List<ClaimedDelivery> mine = new ArrayList<>();
        List<ClaimedDelivery> batch;
        do {
            batch = deliveryLog.claimDue(Set.of(Channel.EMAIL, Channel.WEBHOOK), 50);
            batch.stream().filter(delivery -> feedIds(kase).contains(delivery.notificationId())).forEach(mine::add);
        } while (!batch.isEmpty());
        return mine;
    }

    private Set<UUID> feedIds(Events kase) {
        return feed(kase).findValues("id").stream().map(id -> UUID.fromString(id.asString())).collect(Collectors.toSet());
    }

    private ChannelSender senderFor(Channel channel) {
        Map<Channel, ChannelSender> byChannel = senders.stream().collect(Collectors.toMap(ChannelSender::channel, Function.identity()));
        return byChannel.get(channel);
    }

    private JsonNode feed(Events kase) {
        return caseworker(org).get("/api/notifications?caseId=" + kase.caseId()).json();
    }

    /** The ParoleGranted notification's email and webhook deliveries, once both are delivered. */
    private JsonNode awaitDelivered(Events kase, int outbound) {
        return eventually(() -> {
            JsonNode feed = feed(kase);
            return feed.isEmpty() ? Api.JSON.createArrayNode() : feed.get(0).get("deliveries");
        }, deliveries -> deliveries.findParents("channel").stream()
                .filter(delivery -> !delivery.get("channel").asString().equals("IN_APP"))
                .filter(delivery -> delivery.get("status").asString().equals("DELIVERED")).count() == outbound);
    }

    private List<MimeMessage> paroleGrantedEmails(Events kase) {
        return emailsAbout(kase.caseRef()).stream().filter(email -> {
            try {
                return email.getSubject().contains("Parole granted") && email.getAllRecipients()[0].toString().equals(caseworkerEmail);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static Set<String> messageIds(List<MimeMessage> emails) {
        return emails.stream().map(email -> {
            try {
                return email.getMessageID();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.toSet());
    }
}
