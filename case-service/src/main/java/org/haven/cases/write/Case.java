package org.haven.cases.write;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.haven.cases.domain.CaseId;
import org.haven.cases.domain.CaseOpened;
import org.haven.cases.domain.OpenCase;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A client's case: the consistency boundary for every fact recorded about them. Command handlers decide
 * and apply; event sourcing handlers only assign state.
 */
@Aggregate
public class Case {

    @AggregateIdentifier
    private CaseId caseId;
    private String organizationId;

    protected Case() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public Case(OpenCase command) {
        apply(new CaseOpened(command.caseId(), command.organizationId(), command.caseNumber(), command.client(),
                command.lastArrivalDate(), command.unaccompaniedMinor()));
    }

    @EventSourcingHandler
    void on(CaseOpened event) {
        this.caseId = event.caseId();
        this.organizationId = event.organizationId();
    }

    String organizationId() {
        return organizationId;
    }
}
