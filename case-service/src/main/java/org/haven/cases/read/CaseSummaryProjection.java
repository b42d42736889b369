package org.haven.cases.read;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.haven.cases.domain.CaseEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The case list, case detail and deadline read model ({@code case_summary}, {@code case_deadline}). Runs in the
 * tracking processor {@value #PROCESSING_GROUP}, whose token is stored in the same database and transaction as
 * these rows, so a crash never leaves the two apart. A batch's events are collected and written once, just
 * before the batch (and its token) commits. Every event moves its case's {@code version}, which is what a write
 * waits for (read-your-writes); handling an event twice changes nothing.
 */
@Component
@ProcessingGroup(CaseSummaryProjection.PROCESSING_GROUP)
public class CaseSummaryProjection {

    public static final String PROCESSING_GROUP = "case-summary";
    private static final String PENDING = CaseSummaryProjection.class.getName() + ".pending";

    private final CaseSummaryWriter writer;
    private final JdbcTemplate jdbc;

    CaseSummaryProjection(CaseSummaryWriter writer, JdbcTemplate jdbc) {
        this.writer = writer;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CaseEvent event, @SequenceNumber long sequence, @Timestamp Instant occurredAt) {
        pending().add(new CaseFold.FoldedEvent(event, sequence, occurredAt));
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate " + ReadModelTables.LIVE.summary() + ", " + ReadModelTables.LIVE.deadlines());
        writer.forgetLiveViews();
    }

    private List<CaseFold.FoldedEvent> pending() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING, key -> {
            List<CaseFold.FoldedEvent> events = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> writer.write(events, ReadModelTables.LIVE));
            return events;
        });
    }
}
