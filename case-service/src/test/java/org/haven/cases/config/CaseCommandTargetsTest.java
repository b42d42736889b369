package org.haven.cases.config;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.haven.cases.domain.CaseId;
import org.haven.cases.domain.intake.AddNote;
import org.haven.cases.domain.parole.RequestParole;
import org.haven.events.vocabulary.ParoleBasis;
import org.haven.events.vocabulary.ParoleKind;
import org.haven.events.vocabulary.ParoleUrgency;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseCommandTargetsTest {

    private final CommandTargetResolver targets = new AxonConfiguration().caseCommandTargets();

    @Test
    void aCommandIsForTheCaseItNamesAsAxonsAnnotationsWouldSay() {
        CaseId caseId = CaseId.newId();
        var annotations = AnnotationCommandTargetResolver.builder().build();
        for (Object command : List.of(new AddNote(caseId, UUID.randomUUID(), "called the client"),
                new RequestParole(caseId, LocalDate.parse("2025-09-01"), ParoleKind.RE_PAROLE, ParoleBasis.URGENT_HUMANITARIAN,
                        ParoleUrgency.ROUTINE, null, null))) {
            var message = GenericCommandMessage.asCommandMessage(command);
            assertThat(targets.resolveTarget(message).getIdentifier()).isEqualTo(caseId.value().toString())
                    .isEqualTo(annotations.resolveTarget(message).getIdentifier());
            assertThat(targets.resolveTarget(message).getVersion()).isNull();
        }
    }

    @Test
    void aCommandThatNamesNoCaseIsRefused() {
        assertThatThrownBy(() -> targets.resolveTarget(GenericCommandMessage.asCommandMessage("not a case command")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a CaseCommand");
    }
}
