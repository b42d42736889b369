package org.haven.cases.read;

import org.ehcache.Cache;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.haven.cases.config.AxonConfiguration;
import org.haven.cases.domain.intake.CaseOpened;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes a batch of events into the projection's tables: loads each touched case's view once, folds the batch's
 * events into it with {@link CaseFold}, then writes every changed case once. Idempotent: the fold ignores
 * events at or below a view's version, and a row is only replaced by a higher version. Must run inside the
 * caller's transaction — the live processor's, whose token commits with these rows, or a replay's.
 * <p>
 * The live tables' views this instance last read or wrote stay in memory ({@code haven.cases.cached} of them), and
 * one is used only while the row still has its version: the row's JSON is then neither sent nor parsed again (that
 * was a third of the projection's CPU). A row another instance moved on, or a batch that rolled back, has another
 * version, and the row is read. (A rebuild swapped in while this instance runs holds views folded by the same code,
 * so a remembered view of the same version equals the rebuilt one.)
 */
@Component
public class CaseSummaryWriter {

    private static final Logger log = LoggerFactory.getLogger(CaseSummaryWriter.class);

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Cache<UUID, CaseView> liveViews;

    CaseSummaryWriter(JdbcTemplate jdbc, JsonMapper json, CacheManager caches, @Value(AxonConfiguration.CACHED_CASES) long cachedCases) {
        this.jdbc = jdbc;
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.liveViews = caches.createCache("case-views", CacheConfigurationBuilder.newCacheConfigurationBuilder(
                UUID.class, CaseView.class, ResourcePoolsBuilder.heap(cachedCases)));
    }

    /** The live tables were emptied (a reset): nothing remembered holds. */
    void forgetLiveViews() {
        liveViews.clear();
    }

    public void write(List<CaseFold.FoldedEvent> events, ReadModelTables tables) {
        if (events.isEmpty()) {
            return;
        }
        Map<UUID, Stored> cases = load(events.stream().map(event -> event.event().caseId().value()).distinct().toList(), tables);
        for (CaseFold.FoldedEvent event : events) {
            UUID caseId = event.event().caseId().value();
            Stored stored = cases.get(caseId);
            if (stored == null) {
                if (!(event.event() instanceof CaseOpened opened)) {
                    log.warn("{} {} of case {} arrived before the case was opened in {}; skipped",
                            event.event().getClass().getSimpleName(), event.sequence(), caseId, tables.summary());
                    continue;
                }
                stored = new Stored(opened.organizationId(), null);
                cases.put(caseId, stored);
            }
            stored.view = CaseFold.apply(stored.view, event.event(), event.sequence(), event.occurredAt());
        }
        List<Stored> changed = cases.values().stream().filter(Stored::changed).toList();
        upsert(changed, tables);
        if (tables.equals(ReadModelTables.LIVE)) {
            changed.forEach(stored -> liveViews.put(stored.view().id(), stored.view()));
        }
        replaceDeadlines(changed.stream()
                .filter(stored -> stored.original == null || !CaseDeadlines.of(stored.original).equals(CaseDeadlines.of(stored.view())))
                .toList(), tables);
    }

    public CaseView read(String storedView) {
        return json.readValue(storedView, CaseView.class);
    }

    private Map<UUID, Stored> load(List<UUID> caseIds, ReadModelTables tables) {
        boolean live = tables.equals(ReadModelTables.LIVE);
        Map<UUID, CaseView> remembered = new LinkedHashMap<>();
        if (live) {
            for (UUID caseId : caseIds) {
                CaseView view = liveViews.get(caseId);
                if (view != null) {
                    remembered.put(caseId, view);
                }
            }
        }
        Map<UUID, Stored> cases = new LinkedHashMap<>();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    select s.case_id, s.organization_id, case when s.version = r.version then null else s.view::text end
                    from %s s left join unnest(?, ?) as r(case_id, version) on r.case_id = s.case_id
                    where s.case_id = any(?)""".formatted(tables.summary()));
            statement.setArray(1, connection.createArrayOf("uuid", remembered.keySet().toArray()));
            statement.setArray(2, connection.createArrayOf("bigint", remembered.values().stream().map(CaseView::version).toArray()));
            statement.setArray(3, connection.createArrayOf("uuid", caseIds.toArray()));
            return statement;
        }, rows -> {
            UUID caseId = rows.getObject(1, UUID.class);
            String storedView = rows.getString(3);
            CaseView view = storedView == null ? remembered.get(caseId) : read(storedView);
            cases.put(caseId, new Stored(rows.getString(2), view));
            if (live && storedView != null) {
                liveViews.put(caseId, view);
            }
        });
        return cases;
    }

    private void upsert(List<Stored> changed, ReadModelTables tables) {
        if (changed.isEmpty()) {
            return;
        }
        String sql = """
                insert into %1$s (case_id, organization_id, case_number, given_name, family_name, date_of_birth,
                    country_of_nationality, preferred_language, last_arrival_date, unaccompanied_minor, status, assignee,
                    version, opened_at, updated_at, pathways, receipt_numbers, search_text, view)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json)
                on conflict (case_id) do update set
                    case_number = excluded.case_number, given_name = excluded.given_name, family_name = excluded.family_name,
                    date_of_birth = excluded.date_of_birth, country_of_nationality = excluded.country_of_nationality,
                    preferred_language = excluded.preferred_language, last_arrival_date = excluded.last_arrival_date,
                    unaccompanied_minor = excluded.unaccompanied_minor, status = excluded.status, assignee = excluded.assignee,
                    version = excluded.version, updated_at = excluded.updated_at, pathways = excluded.pathways,
                    receipt_numbers = excluded.receipt_numbers, search_text = excluded.search_text, view = excluded.view
                where %1$s.version < excluded.version""".formatted(tables.summary());
        jdbc.execute((Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (Stored stored : changed) {
                    CaseView view = stored.view();
                    int i = 0;
                    statement.setObject(++i, view.id());
                    statement.setString(++i, stored.organizationId);
                    statement.setString(++i, view.caseNumber());
                    statement.setString(++i, view.client().givenName());
                    statement.setString(++i, view.client().familyName());
                    statement.setObject(++i, view.client().dateOfBirth());
                    statement.setString(++i, view.client().countryOfNationality());
                    statement.setString(++i, view.client().preferredLanguage());
                    statement.setObject(++i, view.lastArrivalDate());
                    statement.setBoolean(++i, view.unaccompaniedMinor());
                    statement.setString(++i, view.status());
                    statement.setString(++i, view.assignee());
                    statement.setLong(++i, view.version());
                    statement.setTimestamp(++i, Timestamp.from(view.openedAt()));
                    statement.setTimestamp(++i, Timestamp.from(view.updatedAt()));
                    statement.setArray(++i, textArray(connection, view.pathways().stream().map(Enum::name).toList()));
                    statement.setArray(++i, textArray(connection, view.receiptNumbers()));
                    statement.setString(++i, searchText(view));
                    statement.setString(++i, json.writeValueAsString(view));
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            return null;
        });
    }

    private void replaceDeadlines(List<Stored> changed, ReadModelTables tables) {
        if (changed.isEmpty()) {
            return;
        }
        jdbc.execute((Connection connection) -> {
            try (PreparedStatement delete = connection.prepareStatement("delete from " + tables.deadlines() + " where case_id = any(?)");
                 PreparedStatement insert = connection.prepareStatement("insert into " + tables.deadlines()
                         + " (case_id, organization_id, position, type, due_on, rule_id, citation, action, met_on)"
                         + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                delete.setArray(1, connection.createArrayOf("uuid", changed.stream().map(stored -> stored.view().id()).toArray()));
                delete.executeUpdate();
                for (Stored stored : changed) {
                    int position = 0;
                    for (CaseDeadlines.Tracked deadline : CaseDeadlines.of(stored.view())) {
                        int i = 0;
                        insert.setObject(++i, stored.view().id());
                        insert.setString(++i, stored.organizationId);
                        insert.setInt(++i, position++);
                        insert.setString(++i, deadline.type().name());
                        insert.setObject(++i, deadline.dueOn());
                        insert.setString(++i, deadline.ruleId());
                        insert.setString(++i, deadline.citation());
                        insert.setBoolean(++i, deadline.action());
                        insert.setObject(++i, deadline.metOn());
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /** What {@code q} searches: names, case number and receipt numbers, lower-cased once here. */
    static String searchText(CaseView view) {
        List<String> parts = new ArrayList<>(List.of(view.client().givenName(), view.client().familyName(), view.caseNumber()));
        parts.addAll(view.receiptNumbers());
        return parts.stream().map(part -> part.toLowerCase(Locale.ROOT)).collect(Collectors.joining(" "));
    }

    private static Array textArray(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    private static final class Stored {
        private final String organizationId;
        private final @Nullable CaseView original;
        private @Nullable CaseView view;

        Stored(String organizationId, @Nullable CaseView view) {
            this.organizationId = organizationId;
            this.original = view;
            this.view = view;
        }

        boolean changed() {
            return view != null && !Objects.equals(original, view);
        }

        CaseView view() {
            return Objects.requireNonNull(view);
        }
    }
}
