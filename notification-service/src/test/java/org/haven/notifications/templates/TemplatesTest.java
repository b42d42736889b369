package org.haven.notifications.templates;

import org.haven.events.CaseEventPayload.DepartureRecorded;
import org.haven.events.CaseEventPayload.ParoleExpiring;
import org.haven.events.vocabulary.DeadlineType;
import org.haven.notifications.policy.CaseContext;
import org.haven.notifications.policy.Examples;
import org.haven.notifications.policy.Notice;
import org.haven.notifications.policy.NotificationPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TemplatesTest {

    private static final UUID CASE = UUID.fromString("1a2b3c4d-0000-4000-8000-000000000001");
    private final Templates templates = new Templates();

    @ParameterizedTest
    @CsvSource(textBlock = """
            2026-10-31, EN, 'October 31, 2026'
            2026-10-31, ES, 31 de octubre de 2026
            2026-01-05, EN, 'January 5, 2026'
            2026-01-05, ES, 5 de enero de 2026
            """)
    void datesAreWrittenTheLocalWay(LocalDate date, Language language, String written) {
        assertThat(templates.date(date, language)).isEqualTo(written);
    }

    @Test
    void paroleExpiringInEnglish() {
        Notice notice = Examples.noticeOf(NotificationPolicy.PAROLE_EXPIRING);

        assertThat(templates.message(notice, CASE, Language.EN))
                .isEqualTo("Parole for case 1A2B3C4D ends on October 31, 2026 (in 90 days).");
        assertThat(templates.nextStep(notice, CASE, Language.EN)).startsWith("File for re-parole (a new Form I-131");
    }

    @Test
    void paroleExpiringInSpanish() {
        Notice notice = Examples.noticeOf(NotificationPolicy.PAROLE_EXPIRING);

        assertThat(templates.message(notice, CASE, Language.ES))
                .isEqualTo("El parole del caso 1A2B3C4D termina el 31 de octubre de 2026 (en 90 días).");
        assertThat(templates.nextStep(notice, CASE, Language.ES)).startsWith("Solicite un nuevo parole");
    }

    @Test
    void aDeadlineOnItsDayIsToday() {
        Notice notice = NotificationPolicy.decide(new ParoleExpiring(DeadlineType.PAROLE_EXPIRY,
                LocalDate.parse("2026-10-31"), 0, "PAROLE-EXPIRING", "x"), CaseContext.UNKNOWN).orElseThrow();

        assertThat(templates.message(notice, CASE, Language.EN)).endsWith("(today).");
        assertThat(templates.message(notice, CASE, Language.ES)).endsWith("(hoy).");
    }

    @Test
    void oneDayIsSingular() {
        Notice notice = NotificationPolicy.decide(new ParoleExpiring(DeadlineType.PAROLE_EXPIRY,
                LocalDate.parse("2026-10-31"), 1, "PAROLE-EXPIRING", "x"), CaseContext.UNKNOWN).orElseThrow();

        assertThat(templates.message(notice, CASE, Language.EN)).endsWith("(in 1 day).");
        assertThat(templates.message(notice, CASE, Language.ES)).endsWith("(en 1 día).");
    }

    @Test
    void deadlineTypesAreNamedInTheReadersLanguage() {
        Notice notice = Examples.noticeOf(NotificationPolicy.DEADLINE_APPROACHING);

        assertThat(templates.message(notice, CASE, Language.EN)).isEqualTo(
                "The response to the request for evidence for case 1A2B3C4D falls on March 15, 2026 (in 14 days).");
        assertThat(templates.message(notice, CASE, Language.ES)).isEqualTo(
                "La respuesta al requerimiento de pruebas (RFE) del caso 1A2B3C4D es el 15 de marzo de 2026 (en 14 días).");
    }

    @Test
    void theAbandonmentAlertInBothLanguages() {
        Notice notice = NotificationPolicy.decide(new DepartureRecorded(LocalDate.parse("2026-03-01"), false),
                new CaseContext(null, true)).orElseThrow();

        assertThat(templates.message(notice, CASE, Language.EN)).isEqualTo("Departure on March 1, 2026 recorded for case"
                + " 1A2B3C4D without advance parole while its asylum application is pending: the application may be"
                + " presumed abandoned.");
        assertThat(templates.message(notice, CASE, Language.ES)).startsWith("Se registró una salida el 1 de marzo de 2026");
        assertThat(templates.kind(notice.kind(), Language.EN)).isEqualTo("Urgent alert");
        assertThat(templates.kind(notice.kind(), Language.ES)).isEqualTo("Alerta urgente");
    }

    @Test
    void anEmailNamesTheKindMessageNextStepRuleAndCase() {
        Notice notice = Examples.noticeOf(NotificationPolicy.PAROLE_EXPIRING);

        Templates.Email email = templates.email(notice, CASE, URI.create("http://localhost:8080/cases/" + CASE), Language.ES);

        assertThat(email.subject()).isEqualTo(
                "[Haven] Recordatorio urgente: El parole del caso 1A2B3C4D termina el 31 de octubre de 2026 (en 90 días).");
        assertThat(email.body()).contains("Qué hacer ahora: Solicite un nuevo parole")
                .contains("Regla: PAROLE-EXPIRING (8 CFR 212.5(e))")
                .contains("Caso: http://localhost:8080/cases/" + CASE)
                .contains("el caso 1A2B3C4D le está asignado");
    }

    @Test
    void anUpdateEmailHasNoRuleLine() {
        Notice notice = Examples.noticeOf(NotificationPolicy.ASYLUM_FILED);

        Templates.Email email = templates.email(notice, CASE, URI.create("http://x/cases/1"), Language.EN);

        assertThat(email.subject()).isEqualTo(
                "[Haven] Update: Asylum application (affirmative) filed for case 1A2B3C4D on January 10, 2026.");
        assertThat(email.body()).doesNotContain("Rule:");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", textBlock = """
            es,    ES
            es-MX, ES
            ES,    ES
            en,    EN
            fr,    EN
            -,     EN
            """)
    void languagesAreReadFromCodes(String code, Language language) {
        assertThat(Language.of(code)).isEqualTo(language);
    }
}
