package org.haven.cases.consistency;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.haven.cases.domain.CaseEvent;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Rides along in the case-summary projection's processing group (the same tracking processor, the same
 * transaction) and tells {@link ReadYourWrites} which version of a case the read model holds once that
 * transaction has committed.
 */
@Component
@ProcessingGroup("case-summary")
class ProjectionProgress {

    private final ReadYourWrites readYourWrites;

    ProjectionProgress(ReadYourWrites readYourWrites) {
        this.readYourWrites = readYourWrites;
    }

    @EventHandler
    void on(CaseEvent event, @SequenceNumber long sequence) {
        UUID caseId = event.caseId().value();
        CurrentUnitOfWork.get().afterCommit(unitOfWork -> readYourWrites.projected(caseId, sequence));
    }
}
