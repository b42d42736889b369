package org.haven.cases.read;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.haven.cases.domain.CaseEvent;
import org.haven.cases.domain.intake.CaseAssigned;
import org.haven.cases.domain.intake.CaseClosed;
import org.haven.cases.domain.intake.CaseOpened;
import org.haven.cases.domain.intake.CaseReopened;
import org.haven.cases.domain.intake.ClientDetailsCorrected;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * The case list and case detail read model. Runs in a tracking processor whose token is stored in the same
 * database and transaction as these rows, so a crash never leaves the two apart. Every event of a case moves
 * its {@code version}, which is what a write waits for (read-your-writes). Each update applies only to an
 * older version, so handling an event twice changes nothing.
 */
@Component
@ProcessingGroup(CaseSummaryProjection.PROCESSING_GROUP)
class CaseSummaryProjection {

    static final String PROCESSING_GROUP = "case-summary";

    private final JdbcTemplate jdbc;

    CaseSummaryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CaseEvent event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        Timestamp at = Timestamp.from(occurredAt);
        switch (event) {
            case CaseOpened e -> jdbc.update("""
                            insert into case_summary (case_id, organization_id, case_number, given_name, family_name,
                                date_of_birth, country_of_nationality, preferred_language, last_arrival_date,
                                unaccompanied_minor, status, version, opened_at, updated_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)
                            on conflict (case_id) do nothing""",
                    e.caseId().value(), e.organizationId(), e.caseNumber(), e.client().givenName(), e.client().familyName(),
                    e.client().dateOfBirth(), e.client().countryOfNationality(), e.client().preferredLanguage(),
                    e.lastArrivalDate(), e.unaccompaniedMinor(), sequence, at, at);
            case ClientDetailsCorrected e -> update(event, sequence, at, """
                            given_name = ?, family_name = ?, date_of_birth = ?, country_of_nationality = ?,
                            preferred_language = ?, last_arrival_date = ?, unaccompanied_minor = ?""",
                    e.client().givenName(), e.client().familyName(), e.client().dateOfBirth(),
                    e.client().countryOfNationality(), e.client().preferredLanguage(), e.lastArrivalDate(), e.unaccompaniedMinor());
            case CaseAssigned e -> update(event, sequence, at, "assignee = ?", e.assignee());
            case CaseClosed e -> update(event, sequence, at, "status = 'CLOSED'");
            case CaseReopened e -> update(event, sequence, at, "status = 'OPEN'");
            default -> update(event, sequence, at, null);
        }
    }

    private void update(CaseEvent event, long sequence, Timestamp at, @Nullable String assignments, Object... values) {
        String set = assignments == null ? "" : assignments + ", ";
        Object[] arguments = new Object[values.length + 4];
        System.arraycopy(values, 0, arguments, 0, values.length);
        arguments[values.length] = sequence;
        arguments[values.length + 1] = at;
        arguments[values.length + 2] = event.caseId().value();
        arguments[values.length + 3] = sequence;
        jdbc.update("update case_summary set " + set + "version = ?, updated_at = ? where case_id = ? and version < ?", arguments);
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate case_summary");
    }
}
