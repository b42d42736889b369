package org.haven.notifications;

import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.haven.events.CaseEventEnvelope;
import org.haven.events.CaseEventPayload.CaseAssigned;
import org.haven.events.CaseEventPayload.ParoleGranted;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Email through a real SMTP server (GreenMail), to the caseworkers the local profile seeds: caseworker-a reads
 * English, caseworker-b Spanish.
 */
class EmailIntegrationTest extends NotificationServiceIntegrationTest {

    @Test
    void paroleGrantedOnACaseAssignedToAnEnglishReaderArrivesOnceInEnglish() throws Exception {
        Events kase = Events.newCase("org-a");
        topic.publish(kase.opened("user:caseworker-a", "es"));
        CaseEventEnvelope<ParoleGranted> granted = kase.paroleGranted();
        topic.publish(granted);

        MimeMessage email = eventually(() -> emailsWithSubject(kase.caseRef(), "Parole granted"), found -> found.size() == 1).getFirst();

        assertThat(email.getAllRecipients()).extracting(Object::toString).containsExactly("caseworker-a@org-a.example");
        assertThat(email.getFrom()).extracting(Object::toString).containsExactly("notifications@haven.localhost");
        assertThat(email.getSubject()).isEqualTo("[Haven] Update: Parole granted for case " + kase.caseRef()
                + " on November 1, 2025, valid until October 31, 2026.");
        assertThat(email.getHeader("Content-Language")).containsExactly("en");
        assertThat(email.getMessageID()).matches("<[0-9a-f-]{36}@haven\\.localhost>");
        assertThat(email.getContent().toString())
                .contains("What to do next: Note the parole end date")
                .contains("Case: http://localhost:8080/cases/" + kase.caseId());

        RecordMetadata redelivery = topic.publish(granted);
        topic.awaitConsumed(GROUP, redelivery);
        Thread.sleep(500);
        assertThat(emailsWithSubject(kase.caseRef(), "Parole granted")).hasSize(1);
    }

    @Test
    void aReminderToASpanishReaderArrivesInSpanishWithSpanishDates() throws Exception {
        Events kase = Events.newCase("org-b");
        topic.publish(kase.opened("user:caseworker-b", "en"));
        topic.publish(kase.paroleExpiring(60));

        MimeMessage email = eventually(() -> emailsWithSubject(kase.caseRef(), "Recordatorio urgente"),
                found -> found.size() == 1).getFirst();

        assertThat(email.getAllRecipients()).extracting(Object::toString).containsExactly("caseworker-b@org-b.example");
        assertThat(email.getSubject()).isEqualTo("[Haven] Recordatorio urgente: El parole del caso " + kase.caseRef()
                + " termina el 31 de octubre de 2026 (en 60 días).");
        assertThat(email.getHeader("Content-Language")).containsExactly("es");
        assertThat(email.getContent().toString())
                .contains("Qué hacer ahora: Solicite un nuevo parole")
                .contains("Regla: PAROLE-EXPIRING (INA 212(d)(5)(A); 8 CFR 212.5(e))");
    }

    @Test
    void theFeedShowsTheEmailDeliveredOnceToTheAssignee() {
        Events kase = Events.newCase("org-a");
        topic.publish(kase.opened("user:caseworker-a", "en"));

        JsonNode deliveries = eventually(() -> caseworker("org-a").get("/api/notifications?caseId=" + kase.caseId()).json(),
                feed -> feed.size() == 1 && feed.get(0).get("deliveries").findValues("status").stream()
                        .allMatch(status -> status.asString().equals("DELIVERED"))).get(0).get("deliveries");

        assertThat(deliveries.findValues("channel")).extracting(JsonNode::asString).containsExactlyInAnyOrder("IN_APP", "EMAIL");
        JsonNode email = deliveries.findParents("channel").stream()
                .filter(delivery -> delivery.get("channel").asString().equals("EMAIL")).findFirst().orElseThrow();
        assertThat(email.get("recipient").asString()).isEqualTo("user:caseworker-a");
        assertThat(email.get("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void anUnassignedCaseIsNotEmailed() throws Exception {
        Events kase = Events.newCase("org-a");
        topic.publish(kase.opened(null, "en"));
        RecordMetadata granted = topic.publish(kase.paroleGranted());
        topic.awaitConsumed(GROUP, granted);
        Thread.sleep(500);

        assertThat(emailsAbout(kase.caseRef())).isEmpty();
        assertThat(caseworker("org-a").get("/api/notifications?caseId=" + kase.caseId()).json().findValues("channel"))
                .extracting(JsonNode::asString).containsOnly("IN_APP");
    }

    @Test
    void anAssignmentEmailsTheNewAssignee() {
        Events kase = Events.newCase("org-b");
        topic.publish(kase.opened(null, "en"));
        topic.publish(kase.next(new CaseAssigned("user:caseworker-b")));

        MimeMessage email = eventually(() -> emailsWithSubject(kase.caseRef(), "Actualización"), found -> found.size() == 1).getFirst();

        assertThat(uncheckedSubject(email)).isEqualTo("[Haven] Actualización: El caso " + kase.caseRef()
                + " se asignó a user:caseworker-b.");
    }

    private static List<MimeMessage> emailsWithSubject(String caseRef, String containing) {
        return emailsAbout(caseRef).stream().filter(email -> uncheckedSubject(email).contains(containing)).toList();
    }

    private static String uncheckedSubject(MimeMessage email) {
        try {
            return email.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
