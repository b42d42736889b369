package org.haven.cases.read;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.util.Optional;
import java.util.UUID;

/** Reads of the case read model, always within one organization. */
@Repository
public class CaseQueries {

    private static final RowMapper<CaseView> CASE_VIEW = (rows, index) -> {
        Date arrival = rows.getDate("last_arrival_date");
        return new CaseView(
                rows.getObject("case_id", UUID.class),
                rows.getString("case_number"),
                new CaseView.ClientView(rows.getString("given_name"), rows.getString("family_name"),
                        rows.getDate("date_of_birth").toLocalDate(), rows.getString("country_of_nationality"),
                        rows.getString("preferred_language")),
                arrival == null ? null : arrival.toLocalDate(),
                rows.getBoolean("unaccompanied_minor"),
                rows.getString("status"),
                rows.getString("assignee"),
                rows.getLong("version"),
                rows.getTimestamp("opened_at").toInstant(),
                rows.getTimestamp("updated_at").toInstant());
    };

    private final JdbcTemplate jdbc;

    CaseQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CaseView> find(String organizationId, UUID caseId) {
        return jdbc.query("select * from case_summary where case_id = ? and organization_id = ?",
                CASE_VIEW, caseId, organizationId).stream().findFirst();
    }

    /** The version the read model has reached for a case, or -1 while it has not seen the case. */
    public long versionOf(UUID caseId) {
        return jdbc.query("select version from case_summary where case_id = ?",
                (rows, index) -> rows.getLong(1), caseId).stream().findFirst().orElse(-1L);
    }
}
