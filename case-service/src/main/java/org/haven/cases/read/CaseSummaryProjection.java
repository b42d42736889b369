package org.haven.cases.read;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.haven.cases.domain.CaseOpened;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * The case list and case detail read model. Runs in a tracking processor whose token is stored in the same
 * database and transaction as these rows, so a crash never leaves the two apart.
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
    void on(CaseOpened event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        jdbc.update("""
                        insert into case_summary (case_id, organization_id, case_number, given_name, family_name,
                            date_of_birth, country_of_nationality, preferred_language, last_arrival_date,
                            unaccompanied_minor, status, version, opened_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)
                        on conflict (case_id) do nothing""",
                event.caseId().value(), event.organizationId(), event.caseNumber(),
                event.client().givenName(), event.client().familyName(), event.client().dateOfBirth(),
                event.client().countryOfNationality(), event.client().preferredLanguage(), event.lastArrivalDate(),
                event.unaccompaniedMinor(), sequence, Timestamp.from(occurredAt), Timestamp.from(occurredAt));
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate case_summary");
    }
}
