package org.haven.cases.read;

import org.haven.cases.domain.CaseId;
import org.haven.cases.domain.Client;
import org.haven.cases.domain.asylum.AsylumFiled;
import org.haven.cases.domain.deadlines.EligibilityAssessed;
import org.haven.cases.domain.intake.CaseOpened;
import org.haven.cases.domain.rfe.RfeAnswered;
import org.haven.cases.domain.rfe.RfeReceived;
import org.haven.events.Assessment;
import org.haven.events.vocabulary.AsylumKind;
import org.haven.events.vocabulary.DeadlineType;
import org.haven.events.vocabulary.Filing;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The deadline status rule, from a table; plain Java. */
class CaseDeadlinesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private final CaseId caseId = CaseId.newId();

    @ParameterizedTest(name = "{0} due {1}, met {2} → {3}")
    @CsvSource(nullValues = "-", textBlock = """
            ASYLUM_ONE_YEAR,      2026-07-01, -,          UPCOMING
            ASYLUM_ONE_YEAR,      2026-06-15, -,          DUE_TODAY
            ASYLUM_ONE_YEAR,      2026-06-14, -,          OVERDUE
            ASYLUM_ONE_YEAR,      2026-06-14, 2026-06-01, MET
            RFE_RESPONSE_DUE,     2026-06-01, -,          OVERDUE
            PAROLE_EXPIRY,        2026-06-14, -,          PASSED
            PAROLE_EXPIRY,        2026-06-15, -,          DUE_TODAY
            EAD_C8_EARLIEST_FILING, 2026-01-01, -,        PASSED
            UNLAWFUL_PRESENCE_180, 2026-12-01, -,         UPCOMING
            """)
    void statusFollowsTheDueDateTheActionAndWhetherItWasMet(DeadlineType type, LocalDate dueOn, LocalDate metOn,
                                                            CaseDeadlines.Status expected) {
        var deadline = new CaseDeadlines.Tracked(type, dueOn, "RULE", "citation", CaseDeadlines.isAction(type), metOn);

        assertThat(CaseDeadlines.status(deadline, TODAY)).isEqualTo(expected);
    }

    @Test
    void anAsylumApplicationFiledByTheOneYearDeadlineMeetsIt() {
        CaseView view = view(List.of(new AsylumFiled(caseId, LocalDate.of(2026, 1, 4), AsylumKind.AFFIRMATIVE, null)),
                deadline(DeadlineType.ASYLUM_ONE_YEAR, LocalDate.of(2026, 1, 5)));

        assertThat(CaseDeadlines.of(view)).singleElement()
                .satisfies(deadline -> assertThat(deadline.metOn()).isEqualTo(LocalDate.of(2026, 1, 4)));
    }

    @Test
    void anAsylumApplicationFiledAfterTheDeadlineDoesNotMeetIt() {
        CaseView view = view(List.of(new AsylumFiled(caseId, LocalDate.of(2026, 1, 6), AsylumKind.AFFIRMATIVE, null)),
                deadline(DeadlineType.ASYLUM_ONE_YEAR, LocalDate.of(2026, 1, 5)));

        CaseDeadlines.Tracked deadline = CaseDeadlines.of(view).getFirst();
        assertThat(deadline.metOn()).isNull();
        assertThat(CaseDeadlines.status(deadline, TODAY)).isEqualTo(CaseDeadlines.Status.OVERDUE);
    }

    @Test
    void anRfeAnsweredByItsRespondByDateMeetsItsDeadlineOnly() {
        UUID answered = UUID.randomUUID();
        UUID open = UUID.randomUUID();
        CaseView view = view(List.of(
                        new RfeReceived(caseId, answered, Filing.EAD, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 20)),
                        new RfeReceived(caseId, open, Filing.ASYLUM, LocalDate.of(2026, 5, 2), LocalDate.of(2026, 6, 10)),
                        new RfeAnswered(caseId, answered, LocalDate.of(2026, 6, 1))),
                deadline(DeadlineType.RFE_RESPONSE_DUE, LocalDate.of(2026, 6, 20)),
                deadline(DeadlineType.RFE_RESPONSE_DUE, LocalDate.of(2026, 6, 10)));

        assertThat(CaseDeadlines.of(view)).extracting(deadline -> CaseDeadlines.status(deadline, TODAY))
                .containsExactly(CaseDeadlines.Status.OVERDUE, CaseDeadlines.Status.MET);
    }

    @Test
    void aCaseWithoutAnAssessmentHasNoDeadlines() {
        assertThat(CaseDeadlines.of(view(List.of()))).isEmpty();
    }

    private static Assessment.Deadline deadline(DeadlineType type, LocalDate dueOn) {
        return new Assessment.Deadline(type, dueOn, type.name(), "citation", List.of());
    }

    private CaseView view(List<org.haven.cases.domain.CaseEvent> facts, Assessment.Deadline... deadlines) {
        Instant at = Instant.parse("2026-06-01T00:00:00Z");
        CaseView view = CaseFold.apply(null, new CaseOpened(caseId, "org-a", "HVN-2026-000001",
                new Client("A", "B", LocalDate.of(1990, 1, 1), "UA", "en"), null, false), 0, at);
        long sequence = 1;
        for (var fact : facts) {
            view = CaseFold.apply(view, fact, sequence++, at);
        }
        if (deadlines.length > 0) {
            view = CaseFold.apply(view, new EligibilityAssessed(caseId, UUID.randomUUID(), at,
                    CaseFoldTest.assessment("rules-1", deadlines)), sequence, at);
        }
        return view;
    }
}
