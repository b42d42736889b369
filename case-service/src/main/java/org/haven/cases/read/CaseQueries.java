package org.haven.cases.read;

import org.haven.events.vocabulary.DeadlineType;
import org.haven.events.vocabulary.Pathway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads of the case read model, always within one organization. */
@Repository
public class CaseQueries {

    private final JdbcTemplate jdbc;
    private final CaseSummaryWriter views;

    CaseQueries(JdbcTemplate jdbc, CaseSummaryWriter views) {
        this.jdbc = jdbc;
        this.views = views;
    }

    public Optional<CaseView> find(String organizationId, UUID caseId) {
        return jdbc.query("select view::text from case_summary where case_id = ? and organization_id = ?",
                (rows, index) -> views.read(rows.getString(1)), caseId, organizationId).stream().findFirst();
    }

    /** Every open case of the organization, as the read model knows them. */
    public List<UUID> openCaseIds(String organizationId) {
        return jdbc.queryForList("select case_id from case_summary where organization_id = ? and status = ?",
                UUID.class, organizationId, CaseView.OPEN);
    }

    /** The version the read model has reached for a case, or -1 while it has not seen the case. */

    public long versionOf(UUID caseId) {
        return jdbc.query("select version from case_summary where case_id = ?",
                (rows, index) -> rows.getLong(1), caseId).stream().findFirst().orElse(-1L);
    }

    /** Newest first ({@code opened_at} descending, case id breaking ties), one page after the cursor. */
    public CaseListItem.Page list(String organizationId, CaseListQuery query) {
        StringBuilder sql = new StringBuilder("""
                select case_id, case_number, given_name, family_name, status, assignee, pathways, receipt_numbers,
                       version, opened_at, updated_at
                from case_summary where organization_id = ?""");
        List<Object> arguments = new ArrayList<>(List.of(organizationId));
        if (query.status() != null) {
            sql.append(" and status = ?");
            arguments.add(query.status());
        }
        if (query.assignee() != null) {
            sql.append(" and assignee = ?");
            arguments.add(query.assignee());
        }
        if (query.pathway() != null) {
            sql.append(" and pathways @> array[?]::text[]");
            arguments.add(query.pathway().name());
        }
        if (query.text() != null) {
            sql.append(" and search_text like ? escape '\\'");
            arguments.add("%" + escapeLike(query.text()) + "%");
        }
        if (query.after() != null) {
            sql.append(" and (opened_at, case_id) < (?, ?)");
            arguments.add(Timestamp.from(query.after().openedAt()));
            arguments.add(query.after().caseId());
        }
        sql.append(" order by opened_at desc, case_id desc limit ?");
        arguments.add(query.limit() + 1);

        List<CaseListItem> rows = jdbc.query(sql.toString(), (row, index) -> new CaseListItem(
                row.getObject("case_id", UUID.class),
                row.getString("case_number"),
                new CaseListItem.ClientName(row.getString("given_name"), row.getString("family_name")),
                row.getString("status"),
                row.getString("assignee"),
                Arrays.stream(strings(row, "pathways")).map(Pathway::valueOf).toList(),
                List.of(strings(row, "receipt_numbers")),
                row.getLong("version"),
                row.getTimestamp("opened_at").toInstant(),
                row.getTimestamp("updated_at").toInstant()), arguments.toArray());
        if (rows.size() <= query.limit()) {
            return new CaseListItem.Page(rows, null);
        }
        List<CaseListItem> page = rows.subList(0, query.limit());
        CaseListItem last = page.getLast();
        return new CaseListItem.Page(List.copyOf(page), new CaseListQuery.Cursor(last.openedAt(), last.id()).encode());
    }

    /**
     * The open cases' deadlines due from {@code today} through {@code until}, and the action deadlines before
     * today that were not met (overdue); soonest first. Met deadlines in the window are included (status MET),
     * past dates that are not actions ({@code PASSED}) are not.
     */
    public List<DeadlineView.OfCase> deadlines(String organizationId, LocalDate today, LocalDate until, int limit) {
        return jdbc.query("""
                        select d.case_id, s.case_number, s.given_name, s.family_name, d.type, d.due_on, d.rule_id, d.citation,
                               d.action, d.met_on
                        from case_deadline d join case_summary s on s.case_id = d.case_id
                        where d.organization_id = ? and s.status = 'OPEN' and d.due_on <= ?
                          and (d.due_on >= ? or (d.action and d.met_on is null))
                        order by d.due_on, s.case_number, d.position
                        limit ?""",
                (row, index) -> {
                    Date metOn = row.getDate("met_on");
                    CaseDeadlines.Tracked deadline = new CaseDeadlines.Tracked(DeadlineType.valueOf(row.getString("type")),
                            row.getDate("due_on").toLocalDate(), row.getString("rule_id"), row.getString("citation"),
                            row.getBoolean("action"), metOn == null ? null : metOn.toLocalDate());
                    return new DeadlineView.OfCase(row.getObject("case_id", UUID.class), row.getString("case_number"),
                            new CaseListItem.ClientName(row.getString("given_name"), row.getString("family_name")),
                            deadline.type(), deadline.dueOn(), deadline.ruleId(), deadline.citation(),
                            CaseDeadlines.status(deadline, today), deadline.metOn());
                },
                organizationId, until, today, limit);
    }

    private static String[] strings(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
